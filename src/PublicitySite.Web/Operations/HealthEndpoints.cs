using Microsoft.AspNetCore.Authentication;
using PublicitySite.Storage;
using PublicitySite.Web.Auth;
using PublicitySite.Web.Hosting;

namespace PublicitySite.Web.Operations;

/// <summary>
/// <c>/healthz</c> for people and monitors, <c>/healthz/live</c> and <c>/healthz/ready</c> for load balancers and
/// Kubernetes. Details (database provider, counts, index, disk) go only to staff and to callers on this machine:
/// an anonymous caller learns whether the site is up, nothing about what runs it.
/// </summary>
internal static partial class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/healthz", Check).WithTags("Health").ExcludeFromDescription();
        routes.MapGet("/healthz/live", () => Results.Ok(new { status = "ok" })).WithTags("Health").ExcludeFromDescription();
        routes.MapGet("/healthz/ready", Ready).WithTags("Health").ExcludeFromDescription();
        return routes;
    }

    /// <summary>
    /// 200 while the database answers, with <c>status</c> <c>degraded</c> when search cannot answer, the index lags
    /// behind the database or the disk is nearly full; 503 with a Chinese problem when the database does not answer.
    /// </summary>
    private static async Task<IResult> Check(HttpContext http, AppDbContext db, HealthProbe probe, PublicitySite.Search.IndexConsistencyCheck consistency, CancellationToken cancellationToken)
    {
        var report = await probe.CheckAsync(db, cancellationToken);
        if (report.Items is not { } items)
        {
            return DatabaseDown();
        }

        var status = report.Degraded ? "degraded" : "ok";
        if (!await MaySeeDetailsAsync(http))
        {
            return Results.Ok(new { status });
        }

        return Results.Ok(new
        {
            status,
            database = db.Database.ProviderName,
            items,
            search = new { state = report.Search.State, documents = report.Search.Documents, label = report.Search.Label, lag = report.IndexLag, problem = report.IndexProblem, repairing = report.Repairing, lastCheck = consistency.Last is { } c ? new { c.CheckedUtc, c.Items, c.Documents, c.Drifted } : null },
            disk = new { freeMegabytes = report.FreeDiskMegabytes, low = report.DiskLow },
        });
    }

    /// <summary>200 only when the database answers and the index is open, not building and caught up.</summary>
    private static async Task<IResult> Ready(AppDbContext db, HealthProbe probe, CancellationToken cancellationToken)
    {
        var report = await probe.CheckAsync(db, cancellationToken);
        if (report.Items is null)
        {
            return DatabaseDown();
        }

        return report.IndexCurrent
            ? Results.Ok(new { status = "ready" })
            : Results.Json(new { status = "not-ready", reason = "搜索索引尚未就绪或落后于数据库" }, statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    private static IResult DatabaseDown() =>
        Results.Problem(title: "数据库不可用", detail: "网站暂时无法读取数据库，请稍后再试。", statusCode: StatusCodes.Status503ServiceUnavailable);

    /// <summary>Signed-in staff (admin session or API token) and requests from this machine.</summary>
    internal static async Task<bool> MaySeeDetailsAsync(HttpContext http)
    {
        if (ForwardedHeadersSetup.IsLocal(http))
        {
            return true;
        }

        if ((await http.AuthenticateAsync(AuthSchemes.Admin)).Succeeded)
        {
            return true;
        }

        return http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            && (await http.AuthenticateAsync(AuthSchemes.Token)).Succeeded;
    }
}
