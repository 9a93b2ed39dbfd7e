using PublicitySite.Contents.Definitions;
using PublicitySite.Search;
using PublicitySite.Web.Admin.Menu;

namespace PublicitySite.Web.Search;

internal static class SiteSearchServiceCollectionExtensions
{
    /// <summary>The search services and the start-up/indexing background service.</summary>
    public static IServiceCollection AddSiteSearch(this IServiceCollection services)
    {
        services.AddSearch();
        services.AddOptions<SearchIndexOptions>().BindConfiguration(SearchIndexOptions.Section);
        services.AddSingleton<ReindexJob>();
        services.AddSingleton<IReindexStarter>(sp => sp.GetRequiredService<ReindexJob>());
        services.AddHostedService<SearchHostedService>();
        services.AddAdminMenuEntry("系统", "搜索管理", "/admin/search", p => p.Can(Permissions.Reindex), 3);
        return services;
    }
}
