using System.Security.Cryptography;
using System.Text;
using Microsoft.Net.Http.Headers;
using PublicitySite.Commands;
using PublicitySite.Contents.Definitions;
using PublicitySite.Settings;

namespace PublicitySite.Web.Site;

/// <summary>
/// What every public page handler needs: the site model with the current settings, the reader's
/// preferences, and a response with ETag/Last-Modified that answers 304 when the reader already has it.
/// </summary>
public sealed class SitePages(ThemeRenderer theme, SiteDefinitionStore definitions, SiteSettingsService settings, PublicitySite.Navigation.NavigationService navigation, TimeProvider clock)
{
    public SiteDefinition Definition => definitions.Current;

    public ThemeRenderer Theme => theme;

    public async Task<LayoutModel> LayoutAsync(HttpContext context, string title, string? column = null, string? description = null)
    {
        var site = await SiteAsync(context);
        return Layout(context, site, title.Length == 0 ? site.Name : $"{title} - {site.Name}", column, description);
    }

    /// <summary>The site model with the settings administrators edited over the recipe's.</summary>
    public async Task<SiteModel> SiteAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return SiteModel.From(definitions.Current, await settings.GetAsync(context.RequestAborted), clock.GetUtcNow().UtcDateTime, await navigation.GetAsync(context.RequestAborted));
    }

    /// <summary>A layout with a title given in full, carrying the reader's preferences and the page address.</summary>
    public static LayoutModel Layout(HttpContext context, SiteModel site, string fullTitle, string? column = null, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        return new LayoutModel(site, fullTitle, column, description)
        {
            Reader = ReaderPreferences.From(context),
            Path = request.Path.HasValue ? request.Path.Value! : "/",
            Origin = $"{request.Scheme}://{request.Host}",
        };
    }

    public async Task<IResult> PageAsync(HttpContext context, string view, object model, LayoutModel layout, DateTimeOffset? lastModified = null, int status = StatusCodes.Status200OK)
    {
        ArgumentNullException.ThrowIfNull(context);
        var html = await theme.RenderPageAsync(view, model, layout);
        // The browser asks again (a cheap 304 by ETag) before reusing a page, so a switch of 长者模式 or 字号,
        // which changes the page for the same address, shows at once.
        context.Response.Headers.CacheControl = "no-cache";
        return status == StatusCodes.Status200OK ? Conditional(context, html, "text/html; charset=utf-8", lastModified) : Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    public async Task<IResult> NotFoundAsync(HttpContext context)
    {
        var layout = await LayoutAsync(context, FailureTexts.PageMissing);
        return await PageAsync(context, "notfound", new { }, layout, status: StatusCodes.Status404NotFound);
    }

    /// <summary>
    /// Sends <paramref name="body"/> with a strong ETag of its bytes; answers 304 when the request already
    /// holds it. The page cache stores these headers, so cached hits answer 304 the same way.
    /// </summary>
    public static IResult Conditional(HttpContext context, string body, string contentType, DateTimeOffset? lastModified = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var bytes = Encoding.UTF8.GetBytes(body);
        var etag = new EntityTagHeaderValue("\"" + Convert.ToHexStringLower(SHA256.HashData(bytes))[..20] + "\"");
        var headers = context.Response.GetTypedHeaders();
        headers.ETag = etag;
        if (lastModified is { } modified)
        {
            headers.LastModified = modified;
        }

        var request = context.Request.GetTypedHeaders();
        var notModified = request.IfNoneMatch.Count > 0
            ? request.IfNoneMatch.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(etag, useStrongComparison: false))
            : lastModified is { } m && request.IfModifiedSince is { } since && m <= since.AddSeconds(1);
        return notModified ? Results.StatusCode(StatusCodes.Status304NotModified) : Results.Bytes(bytes, contentType);
    }
}
