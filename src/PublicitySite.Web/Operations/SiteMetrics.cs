using Prometheus;

namespace PublicitySite.Web.Operations;

/// <summary>
/// The site's Prometheus metrics, in a registry of this host's own (two hosts in one process, as in tests,
/// never mix figures). prometheus-net rather than OpenTelemetry's exporter: it is a stable release (the
/// OpenTelemetry Prometheus exporter served here is a beta), one package, and its text output is exactly what
/// Prometheus scrapes, without a metrics pipeline in between that this single-purpose endpoint does not need.
/// </summary>
public sealed class SiteMetrics
{
    private static readonly double[] LatencyBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    public SiteMetrics()
    {
        Registry = Metrics.NewCustomRegistry();
        var factory = Metrics.WithCustomRegistry(Registry);
        Requests = factory.CreateHistogram("publicity_http_request_duration_seconds", "Time to answer a request, by route group.",
            new HistogramConfiguration { LabelNames = ["group", "method", "code"], Buckets = LatencyBuckets });
        CacheLookups = factory.CreateCounter("publicity_cache_lookups_total", "Cache lookups by cache and result (hit or miss).",
            new CounterConfiguration { LabelNames = ["cache", "result"] });
        Search = factory.CreateHistogram("publicity_search_duration_seconds", "Time to answer a full-text search.",
            new HistogramConfiguration { LabelNames = ["endpoint"], Buckets = LatencyBuckets });
        IndexLag = factory.CreateGauge("publicity_search_index_lag", "Committed changes not yet in the search index.");
        IndexReady = factory.CreateGauge("publicity_search_index_ready", "1 when the search index is open and not building.");
        WebhookQueue = factory.CreateGauge("publicity_webhook_queue_depth", "Webhook deliveries waiting to be sent.");
        WebhooksPaused = factory.CreateGauge("publicity_webhooks_paused", "Webhooks paused after failing again and again.");
        JobRuns = factory.CreateCounter("publicity_job_runs_total", "Background job runs by job and outcome.",
            new CounterConfiguration { LabelNames = ["job", "outcome"] });
        DiskFree = factory.CreateGauge("publicity_data_disk_free_bytes", "Free bytes on the disk of the data directory.");
        RuntimeGauges.Register(Registry, factory);
    }

    public CollectorRegistry Registry { get; }

    public Histogram Requests { get; }

    public Counter CacheLookups { get; }

    public Histogram Search { get; }

    public Gauge IndexLag { get; }

    public Gauge IndexReady { get; }

    public Gauge WebhookQueue { get; }

    public Gauge WebhooksPaused { get; }

    public Counter JobRuns { get; }

    public Gauge DiskFree { get; }

    public void CacheHit(string cache) => CacheLookups.WithLabels(cache, "hit").Inc();

    public void CacheMiss(string cache) => CacheLookups.WithLabels(cache, "miss").Inc();

    public void JobRan(string job, bool succeeded) => JobRuns.WithLabels(job, succeeded ? "ok" : "failed").Inc();

    /// <summary>
    /// The route group of a path: few, fixed values, so a crawler asking for a million addresses cannot make a
    /// million series.
    /// </summary>
    public static string GroupOf(PathString path)
    {
        var value = path.Value ?? "/";
        return value switch
        {
            _ when value.StartsWith("/api/search", StringComparison.OrdinalIgnoreCase) || value.StartsWith("/search", StringComparison.OrdinalIgnoreCase) => "search",
            _ when value.StartsWith("/api/graphql", StringComparison.OrdinalIgnoreCase) => "graphql",
            _ when value.StartsWith("/api/", StringComparison.OrdinalIgnoreCase) => "api",
            _ when value.StartsWith("/admin", StringComparison.OrdinalIgnoreCase) => "admin",
            _ when value.StartsWith("/media/", StringComparison.OrdinalIgnoreCase) => "media",
            _ when value.StartsWith("/healthz", StringComparison.OrdinalIgnoreCase) || value == "/metrics" => "operations",
            _ when value.StartsWith("/themes/", StringComparison.OrdinalIgnoreCase) => "static",
            _ when value is "/sitemap.xml" or "/robots.txt" || value.EndsWith("/rss.xml", StringComparison.OrdinalIgnoreCase) => "feeds",
            _ => "pages",
        };
    }
}
