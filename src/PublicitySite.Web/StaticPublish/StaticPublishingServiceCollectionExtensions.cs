using PublicitySite.Web.Caching;

namespace PublicitySite.Web.StaticPublish;

internal static class StaticPublishingServiceCollectionExtensions
{
    public static IServiceCollection AddStaticPublishing(this IServiceCollection services)
    {
        services.AddOptions<StaticPublishOptions>().BindConfiguration(StaticPublishOptions.Section);
        services.AddSingleton<StaticPublisher>();
        services.AddSingleton<IPageEvictionListener>(sp => sp.GetRequiredService<StaticPublisher>());
        services.AddHostedService<StaticPublishService>();
        return services;
    }
}
