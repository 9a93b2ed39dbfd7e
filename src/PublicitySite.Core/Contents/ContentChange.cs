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
/// Told of every committed change, after the transaction (never inside it), so a slow index or cache never
/// holds a database lock and never sees a change that was rolled back.
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
