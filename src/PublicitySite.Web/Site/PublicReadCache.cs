using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Primitives;
using PublicitySite.Contents;
using PublicitySite.Curation;
using PublicitySite.Proposals;

namespace PublicitySite.Web.Site;

/// <summary>
/// Public reads that page renders repeat (the item at a path, a column's listing), kept in memory so a page
/// that misses the page cache (a reader with 长者模式 or a text size, a first visit after a publication) is
/// rendered without database round trips. Any committed publication, unpublication or deletion empties it
/// at once: they are rare, and one change can alter many reads (a moved item changes two columns). A read
/// that raced with such a change is returned once but not kept. Bounded in entries; per node, like the page
/// cache: in a cluster, other nodes' changes reach it through the Redis bus (Cluster/).
/// </summary>
/// <param name="metrics">Counts hits and misses for /metrics; absent where no host runs.</param>
public sealed class PublicReadCache(PublicitySite.Web.Operations.SiteMetrics? metrics = null) : IContentChangeSink, IProposalStatusSink, PublicitySite.Changes.INodeLocalSink, ICurationChangeSink, IDisposable
{
    private readonly MemoryCache entries = new(new MemoryCacheOptions { SizeLimit = 4000 });
    private CancellationTokenSource generation = new();

    /// <summary>The cached value of <paramref name="key"/>, or <paramref name="load"/>'s, kept when <paramref name="keep"/> says so.</summary>
    public async Task<T> GetOrLoadAsync<T>(object key, Func<CancellationToken, Task<T>> load, Func<T, bool>? keep = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(load);
        if (entries.TryGetValue(key, out T? cached) && cached is not null)
        {
            metrics?.CacheHit("reads");
            return cached;
        }

        metrics?.CacheMiss("reads");
        var current = Volatile.Read(ref generation);
        var value = await load(cancellationToken);
        if (value is not null && (keep is null || keep(value)) && !current.IsCancellationRequested)
        {
            var options = new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromHours(1) };
            options.AddExpirationToken(new CancellationChangeToken(current.Token));
            entries.Set(key, value, options);
        }

        return value;
    }

    public ValueTask OnChangedAsync(ContentChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        // A saved draft changes nothing public, except a proposal whose draft withdrew publication consent.
        if (change.Kind != ContentChangeKind.Saved || change.ContentType == ProposalVisibility.ContentType)
        {
            Clear();
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask OnStatusChangedAsync(string contentItemId, CancellationToken cancellationToken)
    {
        Clear();
        return ValueTask.CompletedTask;
    }

    /// <summary>头条, 置顶 or 推荐 changed, or a scheduled time passed: home and lists read afresh.</summary>
    public ValueTask OnCurationChangedAsync(string contentItemId, CancellationToken cancellationToken)
    {
        Clear();
        return ValueTask.CompletedTask;
    }

    /// <summary>Forgets everything (also when this node may have missed another node's change).</summary>
    public void Clear()
    {
        var old = Interlocked.Exchange(ref generation, new CancellationTokenSource());
        old.Cancel();
        old.Dispose();
    }

    public void Dispose()
    {
        generation.Dispose();
        entries.Dispose();
    }
}
