using PublicitySite.Contents.Definitions;
using PublicitySite.Web.Admin.Menu;

namespace PublicitySite.Web.SiteMigration;

internal static class LegacyRedirectsServiceCollectionExtensions
{
    public static IServiceCollection AddLegacyRedirects(this IServiceCollection services)
    {
        services.AddOptions<LegacyAddressOptions>().BindConfiguration(LegacyAddressOptions.Section);
        services.AddSingleton<LegacyAddressIndex>();
        services.AddSingleton<MigrationJob>();
        services.AddAdminMenuEntry("系统", "网站迁移", "/admin/migration", p => p.Can(Permissions.ManageSettings), 6);
        return services;
    }
}
