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

    /// <summary>
    /// One page of every item (drafts, items in review, unpublished ones), newest first, optionally filtered.
    /// Filtering, counting and paging all happen in the database: years of reports never come into memory.
    /// </summary>
    public async Task<Page<OfficeOpinion>> ListForOfficeAsync(OfficeOpinionFilter? filter = null, int page = 1, int pageSize = 20, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var rows = OfficeRows();
        if (filter?.Year is { } year)
        {
            var text = year.ToString(CultureInfo.InvariantCulture);
            rows = rows.Where(r => r.Year == text);
        }

        if (!string.IsNullOrEmpty(filter?.Category))
        {
            rows = rows.Where(r => r.Category == filter.Category);
        }

        if (!string.IsNullOrEmpty(filter?.Adoption))
        {
            rows = rows.Where(r => r.Adoption == filter.Adoption);
        }

        if (filter?.Published is { } published)
        {
            rows = rows.Where(r => r.Published == published);
        }

        var total = await rows.CountAsync(cancellationToken);
        // The id breaks ties so an item never shows on two pages or on none.
        var items = await rows.OrderByDescending(r => r.ModifiedUtc).ThenByDescending(r => r.Id)
            .Skip(PublicitySite.Commands.Paging.Offset(page, pageSize)).Take(pageSize)
            .ToListAsync(cancellationToken);
        return new Page<OfficeOpinion>(total, page, pageSize, items.Select(ToOpinion).ToList());
    }

    /// <summary>One item as the office list shows it (any status), or null.</summary>
    public async Task<OfficeOpinion?> FindForOfficeAsync(string id, CancellationToken cancellationToken = default) =>
        await OfficeRows().Where(r => r.Id == id).FirstOrDefaultAsync(cancellationToken) is { } row ? ToOpinion(row) : null;

    /// <summary>Items per year for the office (all of them, and the published among them), newest year first, counted in the database.</summary>
    public async Task<IReadOnlyList<OfficeYearCount>> OfficeYearlyCountsAsync(CancellationToken cancellationToken = default)
    {
        var years = await OfficeRows().GroupBy(r => r.Year)
            .Select(g => new { Year = g.Key, Total = g.Count(), Published = g.Count(r => r.Published) })
            .ToListAsync(cancellationToken);
        return years.Select(y => new OfficeYearCount(int.Parse(y.Year, CultureInfo.InvariantCulture), y.Total, y.Published))
            .OrderByDescending(y => y.Year).ToList();
    }

    /// <summary>
    /// The latest version of every item with the fields the office filters on, read from the JSON in SQL.
    /// The year is the 报送日期's (the field validator always stores dates as yyyy-MM-dd), else the year the
    /// item was written in China time. It stays text in SQL because SQLite's provider cannot turn text into a
    /// number; the offset is a constant so GROUP BY and SELECT carry the same expression.
    /// </summary>
    private IQueryable<OfficeRow> OfficeRows()
    {
        var offsetHours = SiteTime.Zone.BaseUtcOffset.TotalHours;
        return db.ContentItemVersions.AsNoTracking()
            .Where(v => v.Latest && v.ContentType == Type)
            .Join(db.ContentItems.AsNoTracking().Where(i => !i.Deleted), v => v.ContentItemId, i => i.Id, (v, i) => new
            {
                v,
                Published = i.PublishedVersion != null,
                i.CreatedUtc,
                Reported = StoredJson.Text(v.Data, Part, "ReportDate"),
            })
            .Select(r => new OfficeRow
            {
                Id = r.v.ContentItemId,
                Title = r.v.Title,
                Number = r.v.Number,
                Status = r.v.Status,
                Published = r.Published,
                ModifiedUtc = r.v.ModifiedUtc,
                Author = r.v.Author,
                Category = StoredJson.Text(r.v.Data, Part, "Category"),
                Adoption = StoredJson.Text(r.v.Data, Part, "Adoption"),
                Reported = r.Reported,
                Year = r.Reported != null && r.Reported.Length == 10
                    ? r.Reported.Substring(0, 4)
#pragma warning disable CA1305 // Translated to SQL (a cast of an integer), where no culture applies.
                    : r.CreatedUtc.AddHours(EF.Constant(offsetHours)).Year.ToString(),
#pragma warning restore CA1305
            });
    }

    private static OfficeOpinion ToOpinion(OfficeRow r) =>
        new(r.Id, r.Title, r.Number, r.Status, r.Published, r.ModifiedUtc, r.Author)
        {
            Category = r.Category,
            Adoption = r.Adoption,
            ReportDate = DateOnly.TryParseExact(r.Reported, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null,
            Year = int.Parse(r.Year, CultureInfo.InvariantCulture),
        };

    private sealed class OfficeRow
    {
        public required string Id { get; init; }

        public required string Title { get; init; }

        public int Number { get; init; }

        public ContentStatus Status { get; init; }

        public bool Published { get; init; }

        public DateTime ModifiedUtc { get; init; }

        public required string Author { get; init; }

        public string? Category { get; init; }

        public string? Adoption { get; init; }

        public string? Reported { get; init; }

        /// <summary>Four digits.</summary>
        public required string Year { get; init; }
    }

    private static DateTime YearStartUtc(int year) =>
        new DateTimeOffset(year, 1, 1, 0, 0, 0, SiteTime.Zone.BaseUtcOffset).UtcDateTime;
}
