using Microsoft.EntityFrameworkCore;
using PublicitySite.Proposals;
using PublicitySite.Storage;

namespace PublicitySite.Contents;

/// <summary>Reads of published content. Nothing here ever returns a draft.</summary>
public sealed class ContentQueries(AppDbContext db)
{
    public async Task<Page<PublishedEntry>> ListAsync(ContentQuery query, CancellationToken cancellationToken = default)
    {
        var rows = Published();
        if (query.ContentType is { } type)
        {
            rows = rows.Where(r => r.Version.ContentType == type);
        }

        if (query.Column is { } column)
        {
            rows = rows.Where(r => r.Version.Column == column);
        }

        if (query.Tag is { } tag)
        {
            rows = rows.Where(r => db.ContentTags.Any(t => t.VersionId == r.Version.Id && t.Tag == tag));
        }

        if (query.Ids is { } ids)
        {
            var wanted = ids.ToList(); // a plain list translates to a single JSON/array parameter on both databases
            rows = rows.Where(r => wanted.Contains(r.Item.Id));
        }

        if (query.FromUtc is { } from)
        {
            rows = rows.Where(r => r.Version.PublishedUtc >= from);
        }

        if (query.ToUtc is { } to)
        {
            rows = rows.Where(r => r.Version.PublishedUtc < to);
        }

        rows = query.Sort switch
        {
            ContentSort.Oldest => rows.OrderBy(r => r.Version.PublishedUtc).ThenBy(r => r.Version.Id),
            ContentSort.Title => rows.OrderBy(r => r.Version.Title).ThenBy(r => r.Version.Id),
            ContentSort.Modified => rows.OrderByDescending(r => r.Version.ModifiedUtc).ThenByDescending(r => r.Version.Id),
            _ => rows.OrderByDescending(r => r.Version.PublishedUtc).ThenByDescending(r => r.Version.Id),
        };

        var total = await rows.CountAsync(cancellationToken);
        var page = Math.Max(1, query.Page);
        var items = await rows.Skip(PublicitySite.Commands.Paging.Offset(page, query.PageSize)).Take(query.PageSize).ToListAsync(cancellationToken);
        return new Page<PublishedEntry>(total, page, query.PageSize, items.Select(r => new PublishedEntry(r.Item, r.Version)).ToList());
    }

    public async Task<PublishedEntry?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        var row = await Published().FirstOrDefaultAsync(r => r.Item.Id == id, cancellationToken);
        return row is null ? null : new PublishedEntry(row.Item, row.Version);
    }

    /// <summary>The item at a public path, or the current path when <paramref name="path"/> is an old one.</summary>
    public async Task<(PublishedEntry? Entry, string? RedirectTo)> FindByPathAsync(string path, CancellationToken cancellationToken = default)
    {
        var row = await Published().FirstOrDefaultAsync(r => r.Item.Path == path, cancellationToken);
        if (row is not null)
        {
            return (new PublishedEntry(row.Item, row.Version), null);
        }

        var target = await db.RouteRedirects.AsNoTracking()
            .Where(r => r.Path == path)
            .Join(db.ContentItems, r => r.ContentItemId, i => i.Id, (r, i) => i)
            .Where(i => i.PublishedVersion != null && !i.Deleted)
            .Select(i => i.Path)
            .FirstOrDefaultAsync(cancellationToken);
        return (null, target is null ? null : "/" + target);
    }

    private IQueryable<Row> Published()
    {
        // A proposal whose proposer refused publication is never public (see ProposalVisibility).
        var consented = ProposalVisibility.ConsentedIds(db);
        return db.ContentItemVersions.AsNoTracking()
            .Where(v => v.Published && (v.ContentType != ProposalVisibility.ContentType || consented.Contains(v.ContentItemId)))
            .Join(db.ContentItems.AsNoTracking().Where(i => !i.Deleted), v => v.ContentItemId, i => i.Id, (v, i) => new Row { Version = v, Item = i });
    }

    private sealed class Row
    {
        public required ContentItemVersion Version { get; init; }

        public required ContentItem Item { get; init; }
    }
}
