namespace PublicitySite.Changes;

/// <summary>
/// A change sink that only forgets or refreshes what this node keeps in memory (a cache, a reader of the
/// change log). In a cluster every node runs these for every change, wherever it was made; sinks that write
/// rows (the proposal and member indexers, media usage) run once, on the node that made the change.
/// </summary>
public interface INodeLocalSink;

/// <summary>Something every node keeps a copy of changed in the database; the other nodes reload theirs.</summary>
public enum SharedState
{
    Settings,
    Synonyms,
    SiteDefinition,
}

/// <summary>Tells the other nodes (if any) that shared state changed. One node: nothing to tell.</summary>
public interface INodeSignals
{
    ValueTask ChangedAsync(SharedState what, CancellationToken cancellationToken);
}

internal sealed class SingleNodeSignals : INodeSignals
{
    public ValueTask ChangedAsync(SharedState what, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}

/// <summary>
/// A lock around work that must run once across all nodes (scheduled publishing, the overdue check, webhook
/// delivery). Null when another node holds it: skip the round. Disposing releases it; a node that dies
/// releases it with its database session.
/// </summary>
public interface IJobLock
{
    Task<IAsyncDisposable?> TryAcquireAsync(string job, CancellationToken cancellationToken);
}

/// <summary>One node: every round runs here, so the lock is always free.</summary>
internal sealed class SingleNodeJobLock : IJobLock
{
    public Task<IAsyncDisposable?> TryAcquireAsync(string job, CancellationToken cancellationToken) => Task.FromResult<IAsyncDisposable?>(Released.Instance);

    private sealed class Released : IAsyncDisposable
    {
        public static readonly Released Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
