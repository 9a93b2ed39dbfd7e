using Microsoft.Extensions.DependencyInjection;

namespace PublicitySite.Curation;

internal static class CurationServiceCollectionExtensions
{
    public static IServiceCollection AddCuration(this IServiceCollection services)
    {
        services.AddSingleton<CurationCache>();
        services.AddScoped<CurationService>();
        return services;
    }
}
