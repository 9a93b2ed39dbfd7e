using Microsoft.Extensions.DependencyInjection;

namespace PublicitySite.Curation;

public static class CurationServiceCollectionExtensions
{
    public static IServiceCollection AddCuration(this IServiceCollection services)
    {
        services.AddSingleton<CurationCache>();
        services.AddScoped<CurationService>();
        return services;
    }
}
