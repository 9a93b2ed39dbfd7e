using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using PublicitySite.Contents.Definitions;
using PublicitySite.Web.Site;

namespace PublicitySite.Web.Caching;

/// <summary>
/// Caches GET pages for anonymous readers only: a request with credentials, a sign-in cookie or a
/// preference change in the query (which sets a cookie) always renders afresh and is never stored.
/// Variants: host, path and query (the defaults), reader preferences, Accept-Encoding, site definition.
/// </summary>
internal sealed class PageCachePolicy : IOutputCachePolicy
{
    /// <summary>A signed-in or token-bearing request: it always sees the database, never a cached copy.</summary>
    public static bool CarriesCredentials(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Headers.ContainsKey(HeaderNames.Authorization)
            || request.Cookies.ContainsKey(PublicitySite.Web.Auth.AuthSchemes.AdminCookie)
            || request.Cookies.Keys.Any(k => k.StartsWith(".AspNetCore.", StringComparison.Ordinal));
    }

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var request = http.Request;
        var options = http.RequestServices.GetRequiredService<IOptionsMonitor<PageCacheOptions>>().CurrentValue;
        var attempt = options.Enabled
            && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && !CarriesCredentials(request)
            && !request.Query.ContainsKey("elder")
            && !request.Query.ContainsKey("size");
        if (http.Features.Get<PageCapture>() is { } capture)
        {
            // The fast path in front keeps this page; a second copy here would only cost memory.
            capture.Cacheable = attempt;
            capture.Tags.Add(PageCache.SiteTag);
            attempt = false;
        }

        // Locking makes concurrent misses of one page wait for the first render; for requests that will not
        // be stored it would only queue them one behind another, so it goes with caching itself.
        context.EnableOutputCaching = attempt;
        context.AllowCacheLookup = attempt;
        context.AllowCacheStorage = attempt;
        context.AllowLocking = attempt;
        context.ResponseExpirationTimeSpan = options.Lifetime;
        var (elder, size) = ReaderPreferences.CacheKey(request);
        context.CacheVaryByRules.VaryByValues["elder"] = elder;
        context.CacheVaryByRules.VaryByValues["size"] = size;
        // A recipe apply replaces the site definition (columns, navigation): pages cached under the old one
        // are simply never looked up again.
        var definition = http.RequestServices.GetRequiredService<SiteDefinitionStore>().Current;
        context.CacheVaryByRules.VaryByValues["definition"] = RuntimeHelpers.GetHashCode(definition).ToString(CultureInfo.InvariantCulture);
        context.CacheVaryByRules.QueryKeys = "*"; // every query value is its own page (the default policy does the same)
        context.CacheVaryByRules.HeaderNames = HeaderNames.AcceptEncoding;
        context.Tags.Add(PageCache.SiteTag);
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        context.HttpContext.RequestServices.GetRequiredService<PublicitySite.Web.Operations.SiteMetrics>().CacheHit("pages");
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        if (context.AllowCacheLookup)
        {
            context.HttpContext.RequestServices.GetRequiredService<PublicitySite.Web.Operations.SiteMetrics>().CacheMiss("pages");
        }

        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.ContainsKey(HeaderNames.SetCookie))
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }
}
