using Microsoft.EntityFrameworkCore;
using PublicitySite.Contents;
using PublicitySite.Storage;

namespace PublicitySite.Members;

public sealed record YearCount(int Year, int Count);

/// <summary>A 社情民意 item as the office list shows it: every item, whatever its status.</summary>
public sealed record OfficeOpinion(string Id, string Title, int Version, ContentStatus Status, bool Published, DateTime ModifiedUtc, string Author);

/// <summary>
/// 社情民意: the public sees published items and how many were published each year; the office sees every
/// item, drafts included (<see cref="ListForOfficeAsync"/>, to be called only for a user allowed to view drafts).
/// </summary>
public sealed class SocialOpinions(AppDbContext db, ContentQueries queries)
{
    public const string Type = MembersIndexer.OpinionType;

    public Task<Page<PublishedEntry>> ListPublishedAsync(int? year, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        DateTime? from = year is { } y ? YearStartUtc(y) : null;
        DateTime? to = year is { } y2 ? YearStartUtc(y2 + 1) : null;
        return queries.ListAsync(new ContentQuery { ContentType = Type, FromUtc = from, ToUtc = to, Page = page, PageSize = pageSize }, cancellationToken);
    }

    /// <summary>Published items per year (China time), newest year first.</summary>
    public async Task<IReadOnlyList<YearCount>> YearlyCountsAsync(CancellationToken cancellationToken = default)
    {
        var dates = await db.ContentItemVersions.AsNoTracking()
            .Where(v => v.Published && v.ContentType == Type && v.PublishedUtc != null)
            .Join(db.ContentItems.AsNoTracking().Where(i => !i.Deleted), v => v.ContentItemId, i => i.Id, (v, i) => v.PublishedUtc!.Value)
            .ToListAsync(cancellationToken);
        return dates.GroupBy(d => SiteTime.ToLocal(d).Year).OrderByDescending(g => g.Key).Select(g => new YearCount(g.Key, g.Count())).ToList();
    }

    public async Task<IReadOnlyList<OfficeOpinion>> ListForOfficeAsync(CancellationToken cancellationToken = default)
    {
        var rows = await db.ContentItemVersions.AsNoTracking()
            .Where(v => v.Latest && v.ContentType == Type)
            .Join(db.ContentItems.AsNoTracking().Where(i => !i.Deleted), v => v.ContentItemId, i => i.Id, (v, i) => new { v, i.PublishedVersion })
            .ToListAsync(cancellationToken);
        return rows.OrderByDescending(r => r.v.ModifiedUtc)
            .Select(r => new OfficeOpinion(r.v.ContentItemId, r.v.Title, r.v.Number, r.v.Status, r.PublishedVersion != null, r.v.ModifiedUtc, r.v.Author))
            .ToList();
    }

    private static DateTime YearStartUtc(int year) =>
        new DateTimeOffset(year, 1, 1, 0, 0, 0, SiteTime.Zone.BaseUtcOffset).UtcDateTime;
}
