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

/// <summary>INCR on a key named after the window, expiring with it: one round trip per request.</summary>
public sealed class RedisRateCounter(IConnectionMultiplexer redis, IOptions<ClusterOptions> options) : ISharedRateCounter
{
    public bool TryAcquire(string key, int limit, TimeSpan window, out TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (long)window.TotalSeconds);
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var slot = now / seconds;
        retryAfter = TimeSpan.FromSeconds(((slot + 1) * seconds) - now);
        var name = $"{options.Value.Prefix}rate:{key}:{slot}";
        try
        {
            var db = redis.GetDatabase();
            var count = db.StringIncrement(name);
            if (count == 1)
            {
                db.KeyExpire(name, TimeSpan.FromSeconds(seconds + 5), CommandFlags.FireAndForget);
            }

            return count <= limit;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            // Without Redis the site keeps answering: a limit that cannot be counted is not enforced.
            return true;
        }
    }
}

/// <summary>An ASP.NET rate limiter that asks the shared counter, so the API's rejection path stays the one it has.</summary>
public sealed class SharedWindowLimiter(ISharedRateCounter counter, string key, int limit, TimeSpan window) : RateLimiter
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
