using Microsoft.EntityFrameworkCore;
using PublicitySite.Contents;
using PublicitySite.Contents.Definitions;
using PublicitySite.Storage;

namespace PublicitySite.Media;

/// <summary>
/// Keeps <see cref="MediaUsage"/> current after each committed content change. An item uses an asset when its
/// latest version (what editors work on) or its published version (what readers see) refers to it.
/// </summary>
internal sealed class MediaUsageTracker(AppDbContext db, SiteDefinitionStore definitions) : IContentIndexSink
{
    public async ValueTask OnChangedAsync(ContentChange change, CancellationToken cancellationToken)
    {
        await RefreshAsync([change.ContentItemId], cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Each item's usage is recomputed from what it is now, so once per item does what once per change did.</summary>
    public async ValueTask OnBatchAsync(IReadOnlyList<ContentChange> changes, CancellationToken cancellationToken)
    {
        await RefreshAsync(changes.Select(c => c.ContentItemId).Distinct().ToList(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Recomputes every item's usage, for data that came in before tracking existed.</summary>
    public async Task<int> RebuildAsync(CancellationToken cancellationToken = default)
    {
        await db.Set<MediaUsage>().ExecuteDeleteAsync(cancellationToken);
        var ids = await db.ContentItems.AsNoTracking().Where(i => !i.Deleted).Select(i => i.Id).ToListAsync(cancellationToken);
        foreach (var id in ids)
        {
            await RefreshAsync([id], cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return await db.Set<MediaUsage>().CountAsync(cancellationToken);
    }

    private async Task RefreshAsync(List<string> itemIds, CancellationToken cancellationToken)
    {
        var existing = await db.Set<MediaUsage>().Where(u => itemIds.Contains(u.ContentItemId)).ToListAsync(cancellationToken);
        var live = await db.ContentItems.AsNoTracking().Where(i => itemIds.Contains(i.Id) && !i.Deleted).Select(i => i.Id).ToListAsync(cancellationToken);
        var site = definitions.Current;
        var versions = await db.ContentItemVersions.AsNoTracking()
            .Where(v => live.Contains(v.ContentItemId) && (v.Latest || v.Published))
            .Select(v => new { v.ContentItemId, v.ContentType, v.Data })
            .ToListAsync(cancellationToken);
        foreach (var itemId in itemIds)
        {
            var wanted = new HashSet<string>(StringComparer.Ordinal);
            foreach (var version in versions.Where(v => v.ContentItemId == itemId))
            {
                wanted.UnionWith(MediaReferences.Extract(site, site.FindType(version.ContentType), ContentData.Parse(version.Data)));
            }

            var mine = existing.Where(u => u.ContentItemId == itemId).ToList();
            db.Set<MediaUsage>().RemoveRange(mine.Where(u => !wanted.Contains(u.MediaId)));
            foreach (var id in wanted.Where(id => mine.All(u => u.MediaId != id)))
            {
                db.Set<MediaUsage>().Add(new MediaUsage { MediaId = id, ContentItemId = itemId });
            }
        }
    }
}
