using System.Runtime;
using Microsoft.Extensions.Options;

namespace PublicitySite.Web.Operations;

/// <summary>Bound from <c>Memory</c>: whether the site gives memory back to the system when it goes quiet.</summary>
public sealed class MemoryTrimOptions
{
    public const string Section = "Memory";

    /// <summary>Off keeps the runtime's own behaviour: the heap it grew under load stays committed.</summary>
    public bool TrimWhenIdle { get; set; } = true;

    /// <summary>Seconds with next to no allocation that count as quiet.</summary>
    public int IdleSeconds { get; set; } = 3;
}

/// <summary>
/// After start-up or a burst of traffic the collector keeps the heap it grew committed, in case the load comes
/// back: tens of megabytes a quiet site holds for nothing (most of the night, most of a small committee's day).
/// Once allocation has stopped for a few seconds, one aggressive collection compacts the heap and returns the
/// free part. The pause, tens of milliseconds, falls when nobody is waiting.
/// </summary>
public sealed partial class IdleMemoryTrim(IOptions<MemoryTrimOptions> options, ILogger<IdleMemoryTrim> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.TrimWhenIdle)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Clamp(options.Value.IdleSeconds, 1, 600)));
        var watch = new QuietWatch(GC.GetTotalAllocatedBytes());
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var committed = GC.GetGCMemoryInfo().TotalCommittedBytes;
            if (watch.ShouldTrim(GC.GetTotalAllocatedBytes(), committed))
            {
                GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
                NativeHeap.Trim();
                var kept = GC.GetGCMemoryInfo().TotalCommittedBytes;
                watch.Trimmed(GC.GetTotalAllocatedBytes(), kept);
                LogTrimmed(committed / (1024 * 1024), kept / (1024 * 1024));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Quiet: the heap's committed memory went from {Before} MB to {After} MB")]
    private partial void LogTrimmed(long before, long after);
}

/// <summary>
/// Decides, once per interval, whether the site is quiet and holds heap worth returning: next to nothing
/// allocated since the last look, and either more than <see cref="GrowthBytes"/> allocated since the last trim or
/// the committed heap grown by as much. Allocation counts on its own because the committed figure is only
/// refreshed by a collection: a site whose requests stayed within the first generation's budget (tens of
/// megabytes on a large-cache processor) holds all of it without any collection having run. A site at rest is
/// collected once, not over and over.
/// </summary>
public sealed class QuietWatch(long allocated)
{
    /// <summary>Allocation within one interval still counted as quiet: timers, health probes, log lines.</summary>
    public const long QuietBytes = 512 * 1024;

    /// <summary>Growth since the last trim, allocated or committed, below which a trim is not worth its pause.</summary>
    public const long GrowthBytes = 8 * 1024 * 1024;

    private long lastAllocated = allocated;
    private long allocatedAtTrim = allocated;
    private long kept;

    public bool ShouldTrim(long allocated, long committed)
    {
        var quiet = allocated - lastAllocated < QuietBytes;
        lastAllocated = allocated;
        return quiet && (allocated - allocatedAtTrim > GrowthBytes || committed - kept > GrowthBytes);
    }

    public void Trimmed(long allocated, long committed)
    {
        lastAllocated = allocated;
        allocatedAtTrim = allocated;
        kept = committed;
    }
}
