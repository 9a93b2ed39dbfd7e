using Microsoft.Extensions.DependencyInjection;

namespace PublicitySite.Settings;

internal static class SiteSettingsServiceCollectionExtensions
{
    public static IServiceCollection AddSiteSettings(this IServiceCollection services)
    {
        services.AddSingleton<SiteSettingsCache>();
        services.AddScoped<SiteSettingsService>();
        return services;
    }
}
