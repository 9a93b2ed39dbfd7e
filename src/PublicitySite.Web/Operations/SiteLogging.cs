using Serilog.Core;
using Serilog.Events;

namespace PublicitySite.Web.Operations;

/// <summary>
/// Logs through Serilog: one JSON event a line (compact format, readable by jq, Loki or Elastic) in daily files
/// under the data directory, plus readable lines on the console for journald. Serilog, not the built-in
/// providers, because ASP.NET Core has no file provider at all, and keeping a separate security log for six
/// months with its own retention needs rolling files with a time limit, which Serilog.Sinks.File does.
/// </summary>
internal static class SiteLogging
{
    /// <summary>The category of the security log; <see cref="SecurityLog"/> writes it.</summary>
    public const string SecurityCategory = "PublicitySite.Security";

    internal static bool IsSecurity(LogEvent e) =>
        e.Properties.TryGetValue("SourceContext", out var source) && source is ScalarValue { Value: SecurityCategory };

    /// <summary>
    /// Passes events on, but an exception's stack trace only from Warning up: below that the event keeps the
    /// exception's type and message as properties, so an expected failure (a webhook receiver down) is one line.
    /// </summary>
    internal sealed class WithoutStackTracesBelowWarning(Lazy<Logger> target) : ILogEventSink, IDisposable
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
