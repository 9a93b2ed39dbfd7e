using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Compact;
using PublicitySite.Storage;

namespace PublicitySite.Web.Operations;

/// <summary>
/// Logs through Serilog: one JSON event a line (compact format, readable by jq, Loki or Elastic) in daily files
/// under the data directory, plus readable lines on the console for journald. Serilog, not the built-in
/// providers, because ASP.NET Core has no file provider at all, and keeping a separate security log for six
/// months with its own retention needs rolling files with a time limit, which Serilog.Sinks.File does.
/// </summary>
public static class SiteLogging
{
    /// <summary>The category of the security log; <see cref="SecurityLog"/> writes it.</summary>
    public const string SecurityCategory = "PublicitySite.Security";

    public static WebApplicationBuilder AddSiteLogging(this WebApplicationBuilder builder, bool verb)
    {
        builder.Services.AddOptions<LogOptions>().BindConfiguration(LogOptions.Section);
        var options = builder.Configuration.GetSection(LogOptions.Section).Get<LogOptions>() ?? new LogOptions();
        var minimum = verb ? LogEventLevel.Warning : Enum.TryParse<LogEventLevel>(options.MinimumLevel, true, out var level) ? level : LogEventLevel.Information;
        builder.Services.AddSerilog((services, configuration) =>
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
                .MinimumLevel.Override(SecurityCategory, LogEventLevel.Information)
                .Enrich.FromLogContext();
            // A verb's standard output is its answer (a token, a table): its log lines go to standard error.
            configuration.WriteTo.Sink(new WithoutStackTracesBelowWarning(new Lazy<Logger>(new LoggerConfiguration()
                .MinimumLevel.Verbose()
                .Filter.ByExcluding(e => verb && IsSecurity(e))
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
            configuration.WriteTo.Sink(new WithoutStackTracesBelowWarning(new Lazy<Logger>(() =>
            {
                var files = new LoggerConfiguration().MinimumLevel.Verbose();
                if (!verb)
                {
                    files.WriteTo.File(new CompactJsonFormatter(), Path.Combine(folder, "site-.json"), rollingInterval: RollingInterval.Day,
                        retainedFileCountLimit: null, retainedFileTimeLimit: TimeSpan.FromDays(Math.Max(1, options.RetainedDays)), shared: true);
                }

                return files.WriteTo.Logger(security => security
                        .Filter.ByIncludingOnly(IsSecurity)
                        .WriteTo.File(new CompactJsonFormatter(), Path.Combine(folder, "security-.json"), rollingInterval: RollingInterval.Day,
                            retainedFileCountLimit: null, retainedFileTimeLimit: securityDays, shared: true))
                    .CreateLogger();
            })));
        });
        return builder;
    }

    private static bool IsSecurity(LogEvent e) =>
        e.Properties.TryGetValue("SourceContext", out var source) && source is ScalarValue { Value: SecurityCategory };

    /// <summary>
    /// Passes events on, but an exception's stack trace only from Warning up: below that the event keeps the
    /// exception's type and message as properties, so an expected failure (a webhook receiver down) is one line.
    /// </summary>
    private sealed class WithoutStackTracesBelowWarning(Lazy<Logger> target) : ILogEventSink, IDisposable
    {
        public void Emit(LogEvent logEvent)
        {
            var inner = target.Value;
            if (logEvent.Exception is null || logEvent.Level >= LogEventLevel.Warning)
            {
                inner.Write(logEvent);
                return;
            }

            var properties = logEvent.Properties.Select(p => new LogEventProperty(p.Key, p.Value)).ToList();
            properties.Add(new LogEventProperty("ErrorType", new ScalarValue(logEvent.Exception.GetType().Name)));
            properties.Add(new LogEventProperty("ErrorMessage", new ScalarValue(logEvent.Exception.Message)));
            inner.Write(new LogEvent(logEvent.Timestamp, logEvent.Level, null, logEvent.MessageTemplate, properties));
        }

        public void Dispose()
        {
            if (target.IsValueCreated)
            {
                target.Value.Dispose();
            }
        }
    }
}
