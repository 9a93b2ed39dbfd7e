using Microsoft.EntityFrameworkCore;
using PublicitySite.Search;
using PublicitySite.Storage;
using PublicitySite.Web.Hosting;
using PublicitySite.Web.Search;

namespace PublicitySite.Web.Api;

public static partial class HealthEndpoints
{
    /// <summary>
    /// <c>GET /healthz</c>: 200 while the database answers, with the search index's state; 503 with a Chinese
    /// problem when the database does not. An index that is building or unavailable keeps it 200 — pages are
    /// still served, only search waits — but <c>status</c> turns <c>degraded</c> when search cannot answer, the
    /// index cannot follow the change log (a full disk), a consistency check found items it is still repairing,
    /// or the data directory's disk is nearly full.
    /// </summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/healthz", Check).WithTags("Health").ExcludeFromDescription();
        return routes;
    }

    private static async Task<IResult> Check(
        AppDbContext db,
        ReindexJob search,
        SearchIndexer indexer,
        IndexConsistencyCheck consistency,
        SitePaths paths,
        Microsoft.Extensions.Options.IOptions<PublicityOptions> options,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        int items;
        try
        {
            items = await db.ContentItems.CountAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException or TimeoutException)
        {
            // The reason goes to the log, not to an anonymous caller (it can name hosts and files).
            LogDatabaseDown(loggers.CreateLogger("PublicitySite.Health"), ex);
            return Results.Problem(title: "数据库不可用", detail: "网站暂时无法读取数据库，请稍后再试。", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        var index = search.Status();
        var (checkpoint, _) = indexer.Position;
        var repairing = indexer.PendingRepairs;
        var check = consistency.Last;
        var freeMegabytes = FreeMegabytes(paths.DataDir);
        var diskLow = freeMegabytes is { } free && free < options.Value.MinFreeDiskMegabytes;
        var healthy = index.Searchable && indexer.Problem is null && repairing == 0 && !diskLow;
        return Results.Ok(new
        {
            status = healthy ? "ok" : "degraded",
            database = db.Database.ProviderName,
            items,
            search = new
            {
                state = index.State,
                documents = index.Documents,
                label = index.Label,
                checkpoint,
                problem = indexer.Problem,
                repairing,
                lastCheck = check is null ? null : new { check.CheckedUtc, check.Items, check.Documents, check.Drifted },
            },
            disk = new { freeMegabytes, low = diskLow },
        });
    }

    /// <summary>Free space on the data directory's file system; null when it cannot be read.</summary>
    private static long? FreeMegabytes(string directory)
    {
        try
        {
            return new DriveInfo(Path.GetFullPath(directory)).AvailableFreeSpace / (1024 * 1024);
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Health check: the database does not answer")]
    private static partial void LogDatabaseDown(ILogger logger, Exception ex);
}
