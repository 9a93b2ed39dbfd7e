using System.IO.Compression;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PublicitySite.Contents;
using PublicitySite.Proposals;
using PublicitySite.Settings;

namespace PublicitySite.Web.Caching;

/// <summary>
/// Full-page output caching for anonymous readers, with Brotli/gzip. Pages tag themselves (see
/// <see cref="Tag"/>); <see cref="PageCacheEvictor"/> evicts by tag after a change is committed.
/// </summary>
public static class PageCache
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

    public static IServiceCollection AddPageCaching(this IServiceCollection services)
    {
        services.AddOptions<PageCacheOptions>().BindConfiguration(PageCacheOptions.Section);
        services.AddOutputCache(options => options.AddPolicy(PolicyName, new PageCachePolicy()));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<FastPageStore>();
        services.AddSingleton<IPageEvictionListener>(sp => sp.GetRequiredService<FastPageStore>());
        services.AddSingleton<PageRenderer>();
        EvictionFanout.Decorate(services);
        services.AddSingleton<PageCacheEvictor>();
        services.AddSingleton<IContentChangeSink>(sp => sp.GetRequiredService<PageCacheEvictor>());
        services.AddSingleton<ISiteSettingsChangeSink>(sp => sp.GetRequiredService<PageCacheEvictor>());
        services.AddSingleton<IProposalStatusSink>(sp => sp.GetRequiredService<PageCacheEvictor>());
        services.AddSingleton<PublicitySite.Curation.ICurationChangeSink>(sp => sp.GetRequiredService<PageCacheEvictor>());
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["application/rss+xml", "image/svg+xml", "text/javascript"]);
        });
        // Fastest: a page is compressed once per cached variant and served many times; level 11 Brotli
        // would cost more CPU than it saves bytes on a 2-core server.
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        return services;
    }

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

public sealed class PageCacheOptions
{
    public const string Section = "PageCache";

    /// <summary>Off for debugging themes; eviction keeps pages fresh, so this rarely needs to be false.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>An upper bound only: pages are evicted when what they show changes.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Memory the fast path may hold for pages (all encodings); past it, pages are rendered, not kept.</summary>
    public int SizeLimitMegabytes { get; set; } = 64;
}
