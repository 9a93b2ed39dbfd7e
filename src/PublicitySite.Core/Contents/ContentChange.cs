namespace PublicitySite.Contents;

public enum ContentChangeKind
{
    Saved,
    Published,
    Unpublished,
    Deleted,
}

/// <summary>
/// Something happened to an item and is committed. Indexes and caches follow from it. <paramref name="PreviousColumn"/>
/// is the column the item was public in before, when a publication moved it to another one.
/// </summary>
public sealed record ContentChange(string ContentItemId, string ContentType, ContentChangeKind Kind, int Version, string? Column, string? PreviousColumn = null);

/// <summary>
/// Told of every change <see cref="ContentManager"/> commits in this process. A plain sink hears it after the
/// transaction (never inside it), so a slow cache never holds a database lock and never sees a change that was
/// rolled back. An <see cref="IContentIndexSink"/>, whose rows commit with the content, hears a batch's changes
/// inside the batch's transaction instead. Changes committed on other nodes reach the node-local sinks through
/// the cluster bus; the search index follows the database's change log rather than these calls.
/// </summary>
public interface IContentChangeSink
{
    ValueTask OnChangedAsync(ContentChange change, CancellationToken cancellationToken);
}

/// <summary>
/// Adds rows that must commit together with a change (an outbox): called with the change before the
/// transaction commits, on the same context, so a crash loses neither or both.
/// </summary>
public interface IContentChangeStager
{
    ValueTask StageAsync(PublicitySite.Storage.AppDbContext db, ContentChange change, CancellationToken cancellationToken);
}

/// <summary>
/// A sink that keeps rows of its own in the content's database, on the same context. In a batch
/// (<see cref="ContentManager.RunBatchAsync"/>) it hears all the batch's changes at once, inside the batch's
/// transaction, so its rows commit with the content and it can do once what several changes of one item ask
/// for; outside a batch it hears each change as every sink does.
/// </summary>
public interface IContentIndexSink : IContentChangeSink
{
    /// <summary>The batch's changes in the order they were made; by default each is handled as if alone.</summary>
    async ValueTask OnBatchAsync(IReadOnlyList<ContentChange> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        foreach (var change in changes)
        {
            await OnChangedAsync(change, cancellationToken);
        }
    }
}
