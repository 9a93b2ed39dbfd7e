using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PublicitySite.Contents;
using PublicitySite.Storage;

namespace PublicitySite.Proposals;

/// <summary>The office's filter over every proposal, public or not.</summary>
public sealed record ProposalOfficeFilter
{
    public int? Term { get; init; }

    public int? Meeting { get; init; }

    public ProposalStatus? Status { get; init; }

    /// <summary>Matches the lead unit or any co-unit.</summary>
    public string? Unit { get; init; }

    public bool OverdueOnly { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 20;
}

/// <summary>
/// One proposal as the office works on it: its record, latest text, events, the state they fold into and the
/// events the lifecycle allows next (the forms the office page offers).
/// </summary>
public sealed record ProposalCase(
    ProposalRecord Record,
    ContentItemVersion Latest,
    IReadOnlyList<ProposalEvent> Events,
    ProposalState State,
    IReadOnlyList<ProposalEventKind> Next);

/// <summary>
/// Reads for the proposal office. Unlike <see cref="ProposalQueries"/> these include unpublished proposals and
/// proposals whose proposer refused publication: call them only for users holding <c>proposals.record</c>.
/// </summary>
public sealed class ProposalOfficeQueries(AppDbContext db, ProposalIndexer indexer, ProposalLifecycle lifecycle)
{
    // zh-CN collation orders by pinyin (ICU), as the member directory does.
    private static readonly StringComparer Chinese = StringComparer.Create(CultureInfo.GetCultureInfo("zh-CN"), false);

    public async Task<Page<ProposalRecord>> ListAsync(ProposalOfficeFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var rows = db.Set<ProposalRecord>().AsNoTracking();
        if (filter.Term is { } term)
        {
            rows = rows.Where(r => r.Term == term);
        }

        if (filter.Meeting is { } meeting)
        {
            rows = rows.Where(r => r.Meeting == meeting);
        }

        if (filter.Status is { } status)
        {
            rows = rows.Where(r => r.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(filter.Unit))
        {
            var unit = filter.Unit.Trim();
            var wrapped = "|" + unit + "|";
            rows = rows.Where(r => r.LeadUnit == unit || (r.CoUnits != null && r.CoUnits.Contains(wrapped)));
        }

        if (filter.OverdueOnly)
        {
            // The flag the indexer and the overdue job keep; the dashboard and the public page agree on it.
            rows = rows.Where(r => r.Overdue);
        }

        var total = await rows.CountAsync(cancellationToken);
        var page = Math.Max(1, filter.Page);
        var items = await rows
            .OrderByDescending(r => r.Overdue).ThenByDescending(r => r.Term).ThenByDescending(r => r.Meeting).ThenByDescending(r => r.Seq)
            .Skip(PublicitySite.Commands.Paging.Offset(page, filter.PageSize)).Take(filter.PageSize)
            .ToListAsync(cancellationToken);
        return new Page<ProposalRecord>(total, page, filter.PageSize, items);
    }

    /// <summary>Sessions and units that occur in any proposal, for the filter lists.</summary>
    public async Task<(IReadOnlyList<(int Term, int Meeting)> Sessions, IReadOnlyList<string> Units)> FacetsAsync(CancellationToken cancellationToken = default)
    {
        var rows = await db.Set<ProposalRecord>().AsNoTracking().Select(r => new { r.Term, r.Meeting, r.LeadUnit, r.CoUnits }).ToListAsync(cancellationToken);
        var units = rows.Select(r => r.LeadUnit).OfType<string>()
            .Concat(rows.SelectMany(r => r.CoUnits?.Split('|', StringSplitOptions.RemoveEmptyEntries) ?? []))
            .Distinct().Order(Chinese).ToList();
        var sessions = rows.Select(r => (r.Term, r.Meeting)).Distinct().OrderByDescending(s => s.Term).ThenByDescending(s => s.Meeting).ToList();
        return (sessions, units);
    }

    public async Task<ProposalCase?> GetAsync(string contentItemId, CancellationToken cancellationToken = default)
    {
        var record = await db.Set<ProposalRecord>().AsNoTracking().FirstOrDefaultAsync(r => r.ContentItemId == contentItemId, cancellationToken);
        var latest = await db.ContentItemVersions.AsNoTracking()
            .FirstOrDefaultAsync(v => v.ContentItemId == contentItemId && v.Latest && v.ContentType == ProposalVisibility.ContentType, cancellationToken);
        if (record is null || latest is null)
        {
            return null;
        }

        var events = await indexer.EventsAsync(contentItemId, cancellationToken);
        var state = lifecycle.Fold(events);
        return new ProposalCase(record, latest, events, state, ProposalLifecycle.Next(state));
    }

    /// <summary>Names of the members on file (drafts included), in pinyin order, to pick proposers from.</summary>
    public async Task<IReadOnlyList<string>> MemberNamesAsync(CancellationToken cancellationToken = default)
    {
        var names = await db.ContentItemVersions.AsNoTracking().Where(v => v.Latest && v.ContentType == "Member")
            .Join(db.ContentItems.Where(i => !i.Deleted), v => v.ContentItemId, i => i.Id, (v, i) => v.Title)
            .ToListAsync(cancellationToken);
        return names.Distinct().Order(Chinese).ToList();
    }
}
