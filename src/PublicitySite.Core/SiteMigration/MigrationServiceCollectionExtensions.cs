using Microsoft.Extensions.DependencyInjection;

namespace PublicitySite.SiteMigration;

internal static class MigrationServiceCollectionExtensions
{
    /// <summary>网站迁移: the crawl importer, its writer and the old-address map.</summary>
    public static IServiceCollection AddSiteMigration(this IServiceCollection services)
    {
        services.AddScoped<SiteMigrator>();
        services.AddScoped<MigrationWriter>();
        services.AddScoped<LegacyAddressMap>();
        return services;
    }
}
