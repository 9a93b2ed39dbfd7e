using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Prometheus;
using PublicitySite.Storage;
using PublicitySite.Web.Hosting;
using PublicitySite.Webhooks;

namespace PublicitySite.Web.Operations;

/// <summary>
/// Bound from <c>Metrics</c>. <c>/metrics</c> answers requests from this machine; other addresses only when
/// <see cref="AllowFrom"/> names their network (<c>Metrics__AllowFrom__0=10.0.0.0/8</c>); everyone else gets a 404,
/// as if there were nothing there. <see cref="Enabled"/> false turns it off for this machine too.
/// </summary>
internal sealed class MetricsOptions
{
    public const string Section = "Metrics";

    public bool Enabled { get; set; } = true;

    public List<string> AllowFrom { get; set; } = [];
}

internal static class MetricsEndpoint
{
    /// <summary>Times every request by route group; first after the forwarded headers, so it sees everything.</summary>
    public static IApplicationBuilder UseRequestMetrics(this IApplicationBuilder app)
    {
        // Singletons: resolved once here, not on every request.
        var metrics = app.ApplicationServices.GetRequiredService<SiteMetrics>();
        var first = app.ApplicationServices.GetRequiredService<FirstAnswer>();
        return app.Use(async (http, next) =>
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await next(http);
            }
            finally
            {
                if (!first.HasAnswered)
                {
                    first.Answered();
                }

                var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
                var group = SiteMetrics.GroupOf(http.Request.Path);
                metrics.Requests.WithLabels(group, http.Request.Method, http.Response.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture)).Observe(seconds);
                if (group == "search" && http.Response.StatusCode == StatusCodes.Status200OK)
                {
                    metrics.Search.WithLabels(http.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) ? "api" : "page").Observe(seconds);
                }
            }
        });
    }

    public static IEndpointRouteBuilder MapMetricsEndpoint(this IEndpointRouteBuilder routes)
    {
        var metrics = routes.ServiceProvider.GetRequiredService<SiteMetrics>();
        var scopes = routes.ServiceProvider.GetRequiredService<IServiceScopeFactory>();
        metrics.Registry.AddBeforeCollectCallback(cancellationToken => RefreshAsync(metrics, scopes, cancellationToken));
        var pipeline = routes.CreateApplicationBuilder()
            .Use(async (http, next) =>
            {
                if (!Allowed(http))
                {
                    http.Response.StatusCode = StatusCodes.Status404NotFound;
                    return;
                }

                await next(http);
            })
            .UseMetricServer(settings => settings.Registry = metrics.Registry, url: null)
            .Build();
        routes.Map("/metrics", pipeline).ExcludeFromDescription();
        return routes;
    }

    private static bool Allowed(HttpContext http)
    {
        var options = http.RequestServices.GetRequiredService<IOptions<MetricsOptions>>().Value;
        if (!options.Enabled)
        {
            return false;
        }

        if (ForwardedHeadersSetup.IsLocal(http))
        {
            return true;
        }

        var remote = http.Connection.RemoteIpAddress;
        return remote is not null && options.AllowFrom.Any(n => System.Net.IPNetwork.TryParse(n.Trim(), out var network) && network.Contains(remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote));
    }

    /// <summary>Figures read at scrape time: the index, the webhook outbox, the disk.</summary>
    private static async Task RefreshAsync(SiteMetrics metrics, IServiceScopeFactory scopes, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var search = services.GetRequiredService<PublicitySite.Web.Search.ReindexJob>().Status();
        metrics.IndexLag.Set(services.GetRequiredService<PublicitySite.Search.SearchIndexer>().Pending);
        metrics.IndexReady.Set(search.State == PublicitySite.Web.Search.SearchStatus.Ready ? 1 : 0);
        var free = HealthProbe.FreeMegabytes(services.GetRequiredService<SitePaths>().DataDir);
        if (free >= 0)
        {
            metrics.DiskFree.Set(free * 1024d * 1024d);
        }

        try
        {
            var db = services.GetRequiredService<AppDbContext>();
            metrics.WebhookQueue.Set(await db.Set<WebhookDelivery>().CountAsync(d => d.DeliveredUtc == null && !d.Abandoned, cancellationToken));
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException)
        {
            // A database that does not answer shows in /healthz; the scrape still gives the other figures.
        }
    }
}
