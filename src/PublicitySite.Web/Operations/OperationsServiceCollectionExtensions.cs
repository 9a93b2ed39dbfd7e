using PublicitySite.Storage;
using PublicitySite.Web.Hosting;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Compact;
using Serilog;

namespace PublicitySite.Web.Operations;

internal static class OperationsServiceCollectionExtensions
{
    /// <summary>What an operator watches: health, the reverse proxy's headers, metrics and logs.</summary>
    public static IServiceCollection AddOperations(this IServiceCollection services)
    {
        services.AddForwardedHeadersSetup();
        services.AddOptions<HealthOptions>().BindConfiguration(HealthOptions.Section);
        services.AddSingleton<HealthProbe>();
        services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.Section);
        services.AddSingleton<SiteMetrics>();
        services.AddSingleton<FirstAnswer>();
        services.AddOptions<BackupScheduleOptions>().BindConfiguration(BackupScheduleOptions.Section);
        services.AddSingleton<ScheduledBackups>();
        services.AddHostedService(sp => sp.GetRequiredService<ScheduledBackups>());
        services.AddOptions<MemoryTrimOptions>().BindConfiguration(MemoryTrimOptions.Section);
        services.AddHostedService<IdleMemoryTrim>();
        services.AddSingleton<SecurityLog>();
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(sp => sp.GetRequiredService<SecurityLog>());
        return services;
    }

    public static WebApplicationBuilder AddSiteLogging(this WebApplicationBuilder builder, bool verb)
    {
        builder.Services.AddOptions<LogOptions>().BindConfiguration(LogOptions.Section);
        var options = builder.Configuration.GetSection(LogOptions.Section).Get<LogOptions>() ?? new LogOptions();
        var minimum = verb ? LogEventLevel.Warning : Enum.TryParse<LogEventLevel>(options.MinimumLevel, true, out var level) ? level : LogEventLevel.Information;
        // preserveStaticLogger: each host keeps its own logger. Without it the loggers read Serilog's one static
        // logger, so two hosts in one process (the tests, a verb beside the site) wrote into each other's files.
        builder.Services.AddSerilog(preserveStaticLogger: true, configureLogger: (services, configuration) =>
        {
            configuration
                .MinimumLevel.Is(minimum)
                .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
                .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
                // A failed command reaches its caller as an exception, logged where it is handled; EF's own copy
                // only doubled it, and on a first PostgreSQL start called the absent migrations table a failure.
                .MinimumLevel.Override("Microsoft.EntityFrameworkCore.Database.Command", LogEventLevel.Fatal)
                .MinimumLevel.Override("Microsoft.Hosting.Lifetime", verb ? LogEventLevel.Warning : LogEventLevel.Information)
                // A failed webhook call is the hook's problem, recorded on its delivery: not a log line per try.
                .MinimumLevel.Override("System.Net.Http.HttpClient", LogEventLevel.Warning)
                .MinimumLevel.Override(SiteLogging.SecurityCategory, LogEventLevel.Information)
                .Enrich.FromLogContext();
            // A verb's standard output is its answer (a token, a table): its log lines go to standard error.
            configuration.WriteTo.Sink(new SiteLogging.WithoutStackTracesBelowWarning(new Lazy<Logger>(new LoggerConfiguration()
                .MinimumLevel.Verbose()
                .Filter.ByExcluding(e => verb && SiteLogging.IsSecurity(e))
                .WriteTo.Console(outputTemplate: "{Timestamp:HH:mm:ss} {Level:u3} {SourceContext}: {Message:lj}{NewLine}{Exception}",
                    formatProvider: System.Globalization.CultureInfo.InvariantCulture, standardErrorFromLevel: verb ? LogEventLevel.Verbose : null)
                .CreateLogger())));
            if (string.IsNullOrWhiteSpace(options.Directory))
            {
                return;
            }

            var folder = Path.GetFullPath(Path.Combine(services.GetRequiredService<SitePaths>().DataDir, options.Directory));
            var securityDays = TimeSpan.FromDays(Math.Max(LogOptions.LegalMinimumDays, options.SecurityRetainedDays));
            // Opened at the first event, so `--help` leaves no folder behind. Verbs keep only the security log:
            // a password reset from the shell is as much a security event as one on the admin pages.
            configuration.WriteTo.Sink(new SiteLogging.WithoutStackTracesBelowWarning(new Lazy<Logger>(() =>
            {
                var files = new LoggerConfiguration().MinimumLevel.Verbose();
                if (!verb)
                {
                    files.WriteTo.File(new CompactJsonFormatter(), Path.Combine(folder, "site-.json"), rollingInterval: RollingInterval.Day,
                        retainedFileCountLimit: null, retainedFileTimeLimit: TimeSpan.FromDays(Math.Max(1, options.RetainedDays)), shared: true);
                }

                return files.WriteTo.Logger(security => security
                        .Filter.ByIncludingOnly(SiteLogging.IsSecurity)
                        .WriteTo.File(new CompactJsonFormatter(), Path.Combine(folder, "security-.json"), rollingInterval: RollingInterval.Day,
                            retainedFileCountLimit: null, retainedFileTimeLimit: securityDays, shared: true))
                    .CreateLogger();
            })));
        });
        return builder;
    }
}
