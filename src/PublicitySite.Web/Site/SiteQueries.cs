using Microsoft.EntityFrameworkCore;
using PublicitySite.Contents;
using PublicitySite.Proposals;
using PublicitySite.Storage;

namespace PublicitySite.Web.Site;

/// <summary>
/// The few list reads pages make, as single queries without a total count: a page render that misses the
/// page cache should cost as few database round trips as possible. Published versions only, like
/// <see cref="ContentQueries"/>.
/// </summary>
internal sealed class SiteQueries(AppDbContext db)
{
    /// <summary>The newest <paramref name="take"/> published items of a type, optionally of some columns and a tag.</summary>
    public async Task<List<EntryModel>> LatestAsync(string type, IReadOnlyCollection<string>? columns = null, string? tag = null, int take = 10, bool byModified = false, CancellationToken cancellationToken = default)
    {
        var rows = db.ContentItemVersions.AsNoTracking().Where(v => v.Published && v.ContentType == type);
        if (columns is { Count: > 0 })
        {
            rows = rows.Where(v => columns.Contains(v.Column!));
        }

        if (tag is not null)
        {
            rows = rows.Where(v => db.ContentTags.Any(t => t.VersionId == v.Id && t.Tag == tag));
        }

        rows = byModified
            ? rows.OrderByDescending(v => v.ModifiedUtc).ThenByDescending(v => v.Id)
            : rows.OrderByDescending(v => v.PublishedUtc).ThenByDescending(v => v.Id);
        var found = await rows
            .Join(db.ContentItems.AsNoTracking().Where(i => !i.Deleted), v => v.ContentItemId, i => i.Id, (v, i) => new { v, i })
            .Take(take)
            .ToListAsync(cancellationToken);
        return found.Select(r => EntryModel.From(new PublishedEntry(r.i, r.v))).ToList();
    }

    /// <summary>The published items among <paramref name="ids"/>, in the order of <paramref name="ids"/>.</summary>
    public async Task<List<EntryModel>> ByIdsAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken = default)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var found = await db.ContentItemVersions.AsNoTracking()
            .Where(v => v.Published && ids.Contains(v.ContentItemId))
            .Join(db.ContentItems.AsNoTracking().Where(i => !i.Deleted), v => v.ContentItemId, i => i.Id, (v, i) => new { v, i })
            .ToListAsync(cancellationToken);
        var byId = found.ToDictionary(r => r.i.Id, r => EntryModel.From(new PublishedEntry(r.i, r.v)));
        return ids.Where(byId.ContainsKey).Select(id => byId[id]).ToList();
    }

    /// <summary>Proposals' statuses as the office's recorded steps make them (a version's own timeline may be older).</summary>
    public Task<Dictionary<string, RecordedStatus>> ProposalStatusesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default) =>
        ProposalStatuses.OfAsync(db, ids, cancellationToken);
}
