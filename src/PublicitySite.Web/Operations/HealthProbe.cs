using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PublicitySite.Search;
using PublicitySite.Storage;
using PublicitySite.Web.Search;

namespace PublicitySite.Web.Operations;

/// <summary>Bound from <c>Health</c>: when the index counts as lagging and the disk as nearly full.</summary>
internal sealed class HealthOptions
{
    public const string Section = "Health";

    /// <summary>Committed changes not yet in the index above which the index is not current.</summary>
    public int MaxIndexLag { get; set; } = 200;

    /// <summary>Free space on the data directory's disk below which health says degraded.</summary>
    public int MinFreeDiskMegabytes { get; set; } = 1024;
}

/// <summary>What one look at the site's parts finds; <see cref="Items"/> is null when the database does not answer.</summary>
/// <param name="IndexCurrent">The index is open, no build runs and it is not lagging: what readiness needs.</param>
/// <param name="Lagging">More committed changes wait for the index than <see cref="HealthOptions.MaxIndexLag"/>.</param>
internal sealed record HealthReport(int? Items, SearchStatus Search, long IndexLag, bool Lagging, long FreeDiskMegabytes, bool IndexCurrent, bool DiskLow)
{
    /// <summary>A rebuild alone is not degraded: the old index keeps answering searches meanwhile.</summary>
    public bool Degraded => !Search.Searchable || Lagging || DiskLow || IndexProblem is not null || Repairing > 0;

    /// <summary>Why the index cannot follow the change log (a full disk, say); null while it can.</summary>
    public string? IndexProblem { get; init; }

    /// <summary>Items the consistency check found missing or stale in the index and is still repairing.</summary>
    public int Repairing { get; init; }
}

/// <summary>The checks behind the health endpoints and the metrics, in one place so they always agree.</summary>
internal sealed partial class HealthProbe(ReindexJob search, SearchIndexer indexer, SitePaths paths, IOptions<HealthOptions> options, ILogger<HealthProbe> logger)
{
    public async Task<HealthReport> CheckAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        int? items = null;
        try
        {
            items = await db.ContentItems.CountAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException or TimeoutException)
        {
            // The reason goes to the log, not to the caller (it can name hosts and files).
            LogDatabaseDown(ex.GetType().Name, ex.Message);
        }

        var status = search.Status();
        var lag = indexer.Pending;
        var free = FreeMegabytes(paths.DataDir);
        var lagging = lag > options.Value.MaxIndexLag;
        var current = status.State == SearchStatus.Ready && !lagging;
        return new HealthReport(items, status, lag, lagging, free, current && indexer.Problem is null, free >= 0 && free < options.Value.MinFreeDiskMegabytes)
        {
            IndexProblem = indexer.Problem,
            Repairing = indexer.PendingRepairs,
        };
    }

    /// <summary>Free megabytes on the disk holding <paramref name="folder"/>; -1 when it cannot be read.</summary>
    public static long FreeMegabytes(string folder)
    {
        try
        {
            var existing = new DirectoryInfo(folder);
            while (existing is { Exists: false })
            {
                existing = existing.Parent;
            }

            return existing is null ? -1 : new DriveInfo(existing.FullName).AvailableFreeSpace / (1024 * 1024);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return -1;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Health check: the database does not answer ({Kind}: {Reason})")]
    private partial void LogDatabaseDown(string kind, string reason);
}
