using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace PublicitySite.Web.Cluster;

/// <summary>
/// A count per key and fixed window, kept where every node sees it. In cluster mode the API's per-address and
/// per-token limits and the login throttle count here, so a client cannot multiply its allowance by the number
/// of nodes behind nginx.
/// </summary>
public interface ISharedRateCounter
{
    /// <summary>Counts one attempt; false when <paramref name="limit"/> is already reached in this window.</summary>
    bool TryAcquire(string key, int limit, TimeSpan window, out TimeSpan retryAfter);
}

/// <summary>
/// INCR on a key named after the window, expiring with it. The request never waits for Redis: it is judged
/// on this node's count for the window, which every INCR's answer raises to the cluster-wide count as it
/// arrives. A blocking round trip per request starved the thread pool (32 concurrent API calls took 19 s on
/// 2 cores); the price is that a burst split across nodes may pass the limit by what is in flight.
/// </summary>
internal sealed class RedisRateCounter(IConnectionMultiplexer redis, IOptions<ClusterOptions> options) : ISharedRateCounter
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Window> windows = new(StringComparer.Ordinal);
    private long lastSweep;

    public bool TryAcquire(string key, int limit, TimeSpan window, out TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (long)window.TotalSeconds);
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var slot = now / seconds;
        var end = (slot + 1) * seconds;
        retryAfter = TimeSpan.FromSeconds(end - now);
        Sweep(now);
        var name = $"{options.Value.Prefix}rate:{key}:{slot}";
        var counted = windows.GetOrAdd(name, _ => new Window(end));
        var count = Interlocked.Increment(ref counted.Count);
        _ = CountInRedisAsync(name, seconds, counted);
        return count <= limit;
    }

    private async Task CountInRedisAsync(string name, long seconds, Window counted)
    {
        try
        {
            var db = redis.GetDatabase();
            var total = await db.StringIncrementAsync(name);
            if (total == 1)
            {
                await db.KeyExpireAsync(name, TimeSpan.FromSeconds(seconds + 5), flags: CommandFlags.FireAndForget);
            }

            for (var known = Interlocked.Read(ref counted.Count); total > known; known = Interlocked.Read(ref counted.Count))
            {
                if (Interlocked.CompareExchange(ref counted.Count, total, known) == known)
                {
                    break;
                }
            }
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            // Without Redis each node counts alone: the limit still holds per node, and the site keeps answering.
        }
    }

    /// <summary>Drops windows that have ended, at most once a second and only once there are many.</summary>
    private void Sweep(long now)
    {
        var last = Interlocked.Read(ref lastSweep);
        if (now == last || windows.Count < 1000 || Interlocked.CompareExchange(ref lastSweep, now, last) != last)
        {
            return;
        }

        foreach (var (name, window) in windows)
        {
            if (window.End <= now)
            {
                windows.TryRemove(name, out _);
            }
        }
    }

    private sealed class Window(long end)
    {
        public long Count;

        public long End { get; } = end;
    }
}

/// <summary>An ASP.NET rate limiter that asks the shared counter, so the API's rejection path stays the one it has.</summary>
internal sealed class SharedWindowLimiter(ISharedRateCounter counter, string key, int limit, TimeSpan window) : RateLimiter
{
    public override TimeSpan? IdleDuration => TimeSpan.Zero;

    public override RateLimiterStatistics? GetStatistics() => null;

    protected override RateLimitLease AttemptAcquireCore(int permitCount) =>
        counter.TryAcquire(key, limit, window, out var retry) ? Lease.Granted : new Lease(false, retry);

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));

    private sealed class Lease(bool acquired, TimeSpan retryAfter) : RateLimitLease
    {
        public static readonly Lease Granted = new(true, TimeSpan.Zero);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => acquired ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = !acquired && metadataName == MetadataName.RetryAfter.Name ? retryAfter : null;
            return metadata is not null;
        }
    }
}
