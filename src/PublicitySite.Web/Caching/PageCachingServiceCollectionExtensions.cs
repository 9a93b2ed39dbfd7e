using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PublicitySite.Contents;
using PublicitySite.Proposals;
using PublicitySite.Settings;

namespace PublicitySite.Web.Caching;

internal static class PageCachingServiceCollectionExtensions
{
    public static IServiceCollection AddPageCaching(this IServiceCollection services)
    {
        services.AddOptions<PageCacheOptions>().BindConfiguration(PageCacheOptions.Section);
        services.AddOutputCache(options => options.AddPolicy(PageCache.PolicyName, new PageCachePolicy()));
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
}
