using PublicitySite.Web.Hosting;

namespace PublicitySite.Web.Operations;

/// <summary>What an operator watches: health, the reverse proxy's headers, metrics and logs.</summary>
public static class OperationsExtensions
{
    public static IServiceCollection AddOperations(this IServiceCollection services)
    {
        services.AddForwardedHeadersSetup();
        services.AddOptions<HealthOptions>().BindConfiguration(HealthOptions.Section);
        services.AddSingleton<HealthProbe>();
        services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.Section);
        services.AddSingleton<SiteMetrics>();
        services.AddOptions<BackupScheduleOptions>().BindConfiguration(BackupScheduleOptions.Section);
        services.AddSingleton<ScheduledBackups>();
        services.AddHostedService(sp => sp.GetRequiredService<ScheduledBackups>());
        services.AddSingleton<SecurityLog>();
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(sp => sp.GetRequiredService<SecurityLog>());
        return services;
    }
}
