using Microsoft.AspNetCore.OutputCaching;

namespace PublicitySite.Web.Caching;

/// <summary>
/// Full-page output caching for anonymous readers, with Brotli/gzip. Pages tag themselves (see
/// <see cref="Tag"/>); <see cref="PageCacheEvictor"/> evicts by tag after a change is committed.
/// </summary>
internal static class PageCache
{
    public const string PolicyName = "page";

    /// <summary>On every cached page: a settings change shows on all of them (footer, name).</summary>
    public const string SiteTag = "site";

    /// <summary>Pages that list items (home, columns, directories, feeds, sitemap): any publication changes them.</summary>
    public const string ListsTag = "lists";

    public static string ItemTag(string id) => "item:" + id;

    /// <summary>Item pages whose 上一篇/下一篇 and related lists come from this type and column.</summary>
    public static string NeighboursTag(string type, string? column) => $"neighbours:{type}:{column}";

    public static string TypeTag(string type) => "type:" + type;

    /// <summary>
    /// The fast path for cached anonymous pages, then routing and sign-in after it, so a stored page is
    /// answered before any of them run. Goes right after the error page.
    /// </summary>
    public static WebApplication UseFastPages(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<FastPageMiddleware>();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    /// <summary>
    /// The output cache (API reads) outside compression, so its entries are stored already compressed (varied
    /// by Accept-Encoding) and static files are compressed too; inside compression, the fast path's capture
    /// of a page's uncompressed bytes.
    /// </summary>
    public static WebApplication UsePageCaching(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseOutputCache();
        app.UseResponseCompression();
        app.UseMiddleware<PageCaptureMiddleware>();
        return app;
    }

    public static RouteHandlerBuilder CachePage(this RouteHandlerBuilder builder) => builder.CacheOutput(PolicyName);

    /// <summary>Keeps this response out of the cache (it may still be served from a stored one of the same key).</summary>
    public static void DoNotStore(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Features.Get<IOutputCacheFeature>()?.Context is { } cache)
        {
            cache.AllowCacheStorage = false;
        }

        if (context.Features.Get<PageCapture>() is { } capture)
        {
            capture.Storable = false;
        }
    }

    /// <summary>Adds tags to the page being rendered; no-op when the response is not being cached.</summary>
    public static void Tag(HttpContext context, params string[] tags)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Features.Get<IOutputCacheFeature>()?.Context is { } cache)
        {
            foreach (var tag in tags)
            {
                cache.Tags.Add(tag);
            }
        }

        if (context.Features.Get<PageCapture>() is { } capture)
        {
            capture.Tags.UnionWith(tags);
        }
    }
}

internal sealed class PageCacheOptions
{
    public const string Section = "PageCache";

    /// <summary>Off for debugging themes; eviction keeps pages fresh, so this rarely needs to be false.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>An upper bound only: pages are evicted when what they show changes.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Memory the fast path may hold for pages (all encodings); past it, pages are rendered, not kept.</summary>
    public int SizeLimitMegabytes { get; set; } = 64;
}
