using Microsoft.EntityFrameworkCore;
using PublicitySite.Contents;
using PublicitySite.Contents.Definitions;
using PublicitySite.Storage;

namespace PublicitySite.Media;

/// <summary>
/// Keeps <see cref="MediaUsage"/> current after each committed content change. An item uses an asset when its
/// latest version (what editors work on) or its published version (what readers see) refers to it.
/// </summary>
internal sealed class MediaUsageTracker(AppDbContext db, SiteDefinitionStore definitions) : IContentChangeSink
{
    public async ValueTask OnChangedAsync(ContentChange change, CancellationToken cancellationToken)
    {
        await RefreshAsync(change.ContentItemId, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Recomputes every item's usage, for data that came in before tracking existed.</summary>
    public async Task<int> RebuildAsync(CancellationToken cancellationToken = default)
    {
        await db.Set<MediaUsage>().ExecuteDeleteAsync(cancellationToken);
        var ids = await db.ContentItems.AsNoTracking().Where(i => !i.Deleted).Select(i => i.Id).ToListAsync(cancellationToken);
        foreach (var id in ids)
        {
            await RefreshAsync(id, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return await db.Set<MediaUsage>().CountAsync(cancellationToken);
    }

    private async Task RefreshAsync(string itemId, CancellationToken cancellationToken)
    {
        var existing = await db.Set<MediaUsage>().Where(u => u.ContentItemId == itemId).ToListAsync(cancellationToken);
        var item = await db.ContentItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == itemId, cancellationToken);
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        if (item is { Deleted: false })
        {
            var site = definitions.Current;
            var versions = await db.ContentItemVersions.AsNoTracking()
                .Where(v => v.ContentItemId == itemId && (v.Latest || v.Published))
                .Select(v => new { v.ContentType, v.Data })
                .ToListAsync(cancellationToken);
            foreach (var version in versions)
            {
                wanted.UnionWith(MediaReferences.Extract(site, site.FindType(version.ContentType), ContentData.Parse(version.Data)));
            }
        }

        db.Set<MediaUsage>().RemoveRange(existing.Where(u => !wanted.Contains(u.MediaId)));
        foreach (var id in wanted.Where(id => existing.All(u => u.MediaId != id)))
        {
            db.Set<MediaUsage>().Add(new MediaUsage { MediaId = id, ContentItemId = itemId });
        }
    }
}
