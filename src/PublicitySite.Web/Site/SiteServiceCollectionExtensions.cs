using PublicitySite.Contents;
using PublicitySite.Web.Caching;

namespace PublicitySite.Web.Site;

internal static class SiteServiceCollectionExtensions
{
    public static IServiceCollection AddSite(this IServiceCollection services)
    {
        services.AddSingleton<ThemeRenderer>();
        services.AddScoped<SitePages>();
        services.AddScoped<SiteQueries>();
        services.AddSingleton<QrCodes>();
        services.AddSingleton<ItemViews>();
        services.AddSingleton<PublicReadCache>();
        services.AddSingleton<IContentChangeSink>(sp => sp.GetRequiredService<PublicReadCache>());
        services.AddSingleton<PublicitySite.Proposals.IProposalStatusSink>(sp => sp.GetRequiredService<PublicReadCache>());
        services.AddSingleton<PublicitySite.Curation.ICurationChangeSink>(sp => sp.GetRequiredService<PublicReadCache>());
        services.AddSingleton<ColumnListings>();
        services.AddOptions<SiteScheduleOptions>().BindConfiguration(SiteScheduleOptions.Section);
        services.AddHostedService<SiteScheduleWatcher>();
        services.AddPageCaching();
        return services;
    }
}
