using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PublicitySite.Contents;
using PublicitySite.Storage;

namespace PublicitySite.Members;

public sealed record YearCount(int Year, int Count);

/// <summary>A 社情民意 item as the office list shows it: every item, whatever its status.</summary>
public sealed record OfficeOpinion(string Id, string Title, int Version, ContentStatus Status, bool Published, DateTime ModifiedUtc, string Author)
{
    public string? Category { get; init; }

    /// <summary>采用级别 (未采用, 市政协采用 …).</summary>
    public string? Adoption { get; init; }

    public DateOnly? ReportDate { get; init; }

    /// <summary>The year it counts for: its 报送日期, or the year it was written when none is set.</summary>
    public int Year { get; init; }
}

/// <summary>The office list's filters; null means any.</summary>
public sealed record OfficeOpinionFilter(int? Year = null, string? Category = null, string? Adoption = null, bool? Published = null);

/// <summary>How many items a year holds, and how many of them are published.</summary>
public sealed record OfficeYearCount(int Year, int Total, int Published);

/// <summary>
/// 社情民意: the public sees published items and how many were published each year; the office sees every
/// item, drafts included (<see cref="ListForOfficeAsync"/>, to be called only for a user who handles 社情民意: the web
/// host checks this with OfficeAccess.Opinions).
/// </summary>
public sealed class SocialOpinions(AppDbContext db, ContentQueries queries)
{
    public const string Type = MembersIndexer.OpinionType;

    private const string Part = "SocialOpinionPart";

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

    /// <summary>Every item (drafts, items in review, unpublished ones), newest first, optionally filtered.</summary>
    public async Task<IReadOnlyList<OfficeOpinion>> ListForOfficeAsync(OfficeOpinionFilter? filter = null, CancellationToken cancellationToken = default)
    {
        var rows = await db.ContentItemVersions.AsNoTracking()
            .Where(v => v.Latest && v.ContentType == Type)
            .Join(db.ContentItems.AsNoTracking().Where(i => !i.Deleted), v => v.ContentItemId, i => i.Id, (v, i) => new { v, i.PublishedVersion, i.CreatedUtc })
            .ToListAsync(cancellationToken);
        var all = rows.OrderByDescending(r => r.v.ModifiedUtc).Select(r =>
        {
            var data = ContentData.Parse(r.v.Data);
            var reported = DateOnly.TryParseExact(ContentData.GetString(data, Part, "ReportDate"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : (DateOnly?)null;
            return new OfficeOpinion(r.v.ContentItemId, r.v.Title, r.v.Number, r.v.Status, r.PublishedVersion != null, r.v.ModifiedUtc, r.v.Author)
            {
                Category = ContentData.GetString(data, Part, "Category"),
                Adoption = ContentData.GetString(data, Part, "Adoption"),
                ReportDate = reported,
                Year = reported?.Year ?? SiteTime.ToLocal(r.CreatedUtc).Year,
            };
        });
        if (filter is not null)
        {
            all = all.Where(o => (filter.Year is not { } y || o.Year == y)
                && (string.IsNullOrEmpty(filter.Category) || o.Category == filter.Category)
                && (string.IsNullOrEmpty(filter.Adoption) || o.Adoption == filter.Adoption)
                && (filter.Published is not { } p || o.Published == p));
        }

        return all.ToList();
    }

    /// <summary>Items per year for the office (all of them, and the published among them), newest year first.</summary>
    public static IReadOnlyList<OfficeYearCount> YearlyCounts(IEnumerable<OfficeOpinion> opinions) =>
        opinions.GroupBy(o => o.Year).OrderByDescending(g => g.Key).Select(g => new OfficeYearCount(g.Key, g.Count(), g.Count(o => o.Published))).ToList();

    private static DateTime YearStartUtc(int year) =>
        new DateTimeOffset(year, 1, 1, 0, 0, 0, SiteTime.Zone.BaseUtcOffset).UtcDateTime;
}
