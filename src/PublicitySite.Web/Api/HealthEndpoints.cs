using Microsoft.EntityFrameworkCore;
using PublicitySite.Storage;

namespace PublicitySite.Web.Api;

public static class HealthEndpoints
{
    /// <summary><c>GET /healthz</c>: 200 when the database answers, 503 with the reason when it does not.</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/healthz", async (AppDbContext db, CancellationToken cancellationToken) =>
        {
            try
            {
                var items = await db.ContentItems.CountAsync(cancellationToken);
                return Results.Ok(new { status = "ok", database = db.Database.ProviderName, items });
            }
            catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                return Results.Problem(title: "数据库不可用", detail: ex.Message, statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        }).WithTags("Health").ExcludeFromDescription();
        return routes;
    }
}
