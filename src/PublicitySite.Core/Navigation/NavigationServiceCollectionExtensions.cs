using Microsoft.Extensions.DependencyInjection;

namespace PublicitySite.Navigation;

internal static class NavigationServiceCollectionExtensions
{
    public static IServiceCollection AddNavigation(this IServiceCollection services)
    {
        services.AddSingleton<NavigationCache>();
        services.AddScoped<NavigationService>();
        return services;
    }
}
