using Microsoft.EntityFrameworkCore;
using PublicitySite.Contents;
using PublicitySite.Proposals;
using PublicitySite.Storage;

namespace PublicitySite.Web.Site;

/// <summary>
/// The published items of one type and column as narrow rows (no bodies), newest first, read once and kept
/// in <see cref="PublicReadCache"/>: an item page finds its 上一篇/下一篇 and related items in memory.
/// </summary>
internal sealed class ColumnListings(IServiceScopeFactory scopes, PublicReadCache cache)
{
    public Task<IReadOnlyList<ListingRow>> GetAsync(string type, string? column, CancellationToken cancellationToken = default) =>
        cache.GetOrLoadAsync(("listing", type, column), ct => LoadAsync(type, column, ct), cancellationToken: cancellationToken);

    /// <summary>The items either side of <paramref name="id"/>: older is 上一篇 in time, newer 下一篇.</summary>
    public static (ListingRow? Older, ListingRow? Newer) Neighbours(IReadOnlyList<ListingRow> rows, string id)
    {
        ArgumentNullException.ThrowIfNull(rows);
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Id == id)
            {
                return (i + 1 < rows.Count ? rows[i + 1] : null, i > 0 ? rows[i - 1] : null);
            }
        }

        return (null, null);
    }

    private async Task<IReadOnlyList<ListingRow>> LoadAsync(string type, string? column, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var consented = ProposalVisibility.ConsentedIds(db);
        var versions = db.ContentItemVersions.AsNoTracking()
            .Where(v => v.Published && v.ContentType == type && v.Column == column)
            .Where(v => v.ContentType != ProposalVisibility.ContentType || consented.Contains(v.ContentItemId));
        var rows = await versions
            .Join(db.ContentItems.AsNoTracking().Where(i => !i.Deleted), v => v.ContentItemId, i => i.Id,
                (v, i) => new { v.Id, ItemId = i.Id, i.Path, v.Title, v.PublishedUtc })
            .ToListAsync(cancellationToken);
        var tags = (await versions
                .Join(db.ContentTags.AsNoTracking(), v => v.Id, t => t.VersionId, (v, t) => new { t.VersionId, t.Tag })
                .ToListAsync(cancellationToken))
            .ToLookup(t => t.VersionId, t => t.Tag);
        return rows
            .OrderByDescending(r => r.PublishedUtc).ThenByDescending(r => r.Id)
            .Select(r => new ListingRow(r.ItemId, r.Title, r.Path is null ? $"/content/{r.ItemId}" : "/" + r.Path,
                r.PublishedUtc is { } utc ? SiteTime.ToLocal(utc) : null, column, tags[r.Id].ToArray()))
            .ToArray();
    }
}

/// <summary>One published item in a listing: enough for a link with its date.</summary>
internal sealed record ListingRow(string Id, string Title, string Url, DateTimeOffset? Date, string? Column, IReadOnlyList<string> Tags)
{
    public EntryModel ToEntry() => new(Id, Title, Url, Date, Column, "{}");
}
