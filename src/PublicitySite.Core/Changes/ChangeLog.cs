using Microsoft.EntityFrameworkCore;
using PublicitySite.Contents;
using PublicitySite.Storage;

namespace PublicitySite.Changes;

/// <summary>Writes and reads the change log. Rows are added to the caller's context, so they commit with the change.</summary>
internal static class ChangeLog
{
    public const string StatusKind = "Status";

    public static void Stage(AppDbContext db, string contentItemId, string kind, int version, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.Set<ChangeLogEntry>().Add(new ChangeLogEntry { ContentItemId = contentItemId, Kind = kind, Version = version, RecordedUtc = now });
    }

    /// <summary>The highest id written so far (0 for an empty log).</summary>
    public static async Task<long> HeadAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.Set<ChangeLogEntry>().MaxAsync(e => (long?)e.Id, cancellationToken) ?? 0;
    }

    /// <summary>Entries after <paramref name="after"/>, oldest first, at most <paramref name="take"/>.</summary>
    public static Task<List<ChangeLogEntry>> ReadAsync(AppDbContext db, long after, int take, CancellationToken cancellationToken) =>
        db.Set<ChangeLogEntry>().AsNoTracking().Where(e => e.Id > after).OrderBy(e => e.Id).Take(take).ToListAsync(cancellationToken);

    /// <summary>The entries among <paramref name="ids"/> that have committed since they were seen missing.</summary>
    public static Task<List<ChangeLogEntry>> ReadIdsAsync(AppDbContext db, IReadOnlyCollection<long> ids, CancellationToken cancellationToken) =>
        db.Set<ChangeLogEntry>().AsNoTracking().Where(e => ids.Contains(e.Id)).ToListAsync(cancellationToken);

    /// <summary>The ids written after <paramref name="after"/> up to <paramref name="through"/>, to find the ones not yet committed.</summary>
    public static Task<List<long>> IdsBetweenAsync(AppDbContext db, long after, long through, CancellationToken cancellationToken) =>
        db.Set<ChangeLogEntry>().AsNoTracking().Where(e => e.Id > after && e.Id <= through).Select(e => e.Id).ToListAsync(cancellationToken);
}

/// <summary>Records every content change in the log, inside the change's own transaction.</summary>
internal sealed class ChangeLogStager(TimeProvider clock) : IContentChangeStager
{
    public ValueTask StageAsync(AppDbContext db, ContentChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        ChangeLog.Stage(db, change.ContentItemId, change.Kind.ToString(), change.Version, clock.GetUtcNow().UtcDateTime);
        return ValueTask.CompletedTask;
    }
}
