using Microsoft.EntityFrameworkCore;
using PublicitySite.Contents;
using PublicitySite.Storage;

namespace PublicitySite.Proposals;

/// <summary>A filter over public proposals, as the column, the API and the statistics take it.</summary>
public sealed record ProposalFilter
{
    public int? Term { get; init; }

    public int? Meeting { get; init; }

    public ProposalStatus? Status { get; init; }

    public string? Category { get; init; }

    /// <summary>Matches the lead unit or any co-unit.</summary>
    public string? Unit { get; init; }

    public bool? Key { get; init; }

    public string? Sector { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 20;
}

/// <summary>A public proposal in full: record, published text, timeline and proposers.</summary>
public sealed record ProposalDetail(ProposalRecord Record, PublishedEntry Entry, IReadOnlyList<ProposalEvent> Timeline, IReadOnlyList<ProposalProposer> Proposers)
{
    /// <summary>Public profile URLs of the proposers that are published members, by member id.</summary>
    public IReadOnlyDictionary<string, string> MemberUrls { get; init; } = new Dictionary<string, string>();
}

/// <summary>A proposal a member led (position 0) or co-signed.</summary>
internal sealed record MemberProposal(ProposalRecord Record, bool Lead);

/// <summary>The values the list's filters can take, drawn from what is public.</summary>
public sealed record ProposalFacets(
    IReadOnlyList<(int Term, int Meeting)> Sessions,
    IReadOnlyList<string> Categories,
    IReadOnlyList<string> Units,
    IReadOnlyList<string> Sectors);

/// <summary>
/// Reads for the public: only proposals that are published and whose proposer consented
/// (<see cref="ProposalVisibility"/>). Nothing here returns a proposal the public may not see.
/// </summary>
public sealed class ProposalQueries(AppDbContext db, ContentQueries contents)
{
    public IQueryable<ProposalRecord> Public() =>
        db.Set<ProposalRecord>().AsNoTracking().Where(r => r.Published && r.PublicConsent);

    public IQueryable<ProposalRecord> Filtered(ProposalFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var rows = Public();
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

        if (!string.IsNullOrEmpty(filter.Category))
        {
            rows = rows.Where(r => r.Category == filter.Category);
        }

        if (!string.IsNullOrEmpty(filter.Unit))
        {
            var wrapped = "|" + filter.Unit + "|";
            rows = rows.Where(r => r.LeadUnit == filter.Unit || (r.CoUnits != null && r.CoUnits.Contains(wrapped)));
        }

        if (filter.Key is { } key)
        {
            rows = rows.Where(r => r.Key == key);
        }

        if (!string.IsNullOrEmpty(filter.Sector))
        {
            rows = rows.Where(r => r.Sector == filter.Sector);
        }

        return rows;
    }

    public async Task<Page<ProposalRecord>> ListAsync(ProposalFilter filter, CancellationToken cancellationToken = default)
    {
        var rows = Filtered(filter);
        var total = await rows.CountAsync(cancellationToken);
        var page = Math.Max(1, filter.Page);
        var items = await rows
            .OrderByDescending(r => r.Term).ThenByDescending(r => r.Meeting).ThenBy(r => r.Seq)
            .Skip(PublicitySite.Commands.Paging.Offset(page, filter.PageSize)).Take(filter.PageSize)
            .ToListAsync(cancellationToken);
        return new Page<ProposalRecord>(total, page, filter.PageSize, items);
    }

    public async Task<ProposalDetail?> GetAsync(string contentItemId, CancellationToken cancellationToken = default)
    {
        var record = await Public().FirstOrDefaultAsync(r => r.ContentItemId == contentItemId, cancellationToken);
        if (record is null || await contents.GetAsync(contentItemId, cancellationToken) is not { } entry)
        {
            return null;
        }

        var timeline = await db.Set<ProposalEvent>().AsNoTracking()
            .Where(e => e.ContentItemId == contentItemId)
            .OrderBy(e => e.Date).ThenBy(e => e.Id)
            .ToListAsync(cancellationToken);
        var proposers = await db.Set<ProposalProposer>().AsNoTracking()
            .Where(p => p.ContentItemId == contentItemId)
            .OrderBy(p => p.Position)
            .ToListAsync(cancellationToken);
        var ids = proposers.Select(p => p.MemberId).OfType<string>().ToList();
        var members = await db.ContentItems.AsNoTracking()
            .Where(i => ids.Contains(i.Id) && i.PublishedVersion != null && !i.Deleted && i.Path != null)
            .Select(i => new { i.Id, i.Path })
            .ToListAsync(cancellationToken);
        return new ProposalDetail(record, entry, timeline, proposers) { MemberUrls = members.ToDictionary(m => m.Id, m => "/" + m.Path) };
    }

    /// <summary>The public proposals a member led or co-signed, newest session first. Keyed by member item id or by name.</summary>
    internal async Task<IReadOnlyList<MemberProposal>> OfMemberAsync(string memberIdOrName, CancellationToken cancellationToken = default)
    {
        var rows = await db.Set<ProposalProposer>().AsNoTracking()
            .Where(p => p.MemberId == memberIdOrName || p.Name == memberIdOrName)
            .Join(Public(), p => p.ContentItemId, r => r.ContentItemId, (p, r) => new { Record = r, p.Position })
            .ToListAsync(cancellationToken);
        return rows
            .GroupBy(x => x.Record.ContentItemId)
            .Select(g => new MemberProposal(g.First().Record, g.Min(x => x.Position) == 0))
            .OrderByDescending(m => m.Record.Term).ThenByDescending(m => m.Record.Meeting).ThenBy(m => m.Record.Seq)
            .ToList();
    }

    public async Task<ProposalFacets> FacetsAsync(CancellationToken cancellationToken = default)
    {
        var rows = await Public()
            .Select(r => new { r.Term, r.Meeting, r.Category, r.LeadUnit, r.Sector })
            .ToListAsync(cancellationToken);
        var zh = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("zh-CN"), false);
        return new ProposalFacets(
            rows.Select(r => (r.Term, r.Meeting)).Distinct().OrderByDescending(s => s.Term).ThenByDescending(s => s.Meeting).ToList(),
            rows.Select(r => r.Category).OfType<string>().Distinct().Order(zh).ToList(),
            rows.Select(r => r.LeadUnit).OfType<string>().Distinct().Order(zh).ToList(),
            rows.Select(r => r.Sector).OfType<string>().Distinct().Order(zh).ToList());
    }

    /// <summary>The latest events of public proposals, for the updates feed.</summary>
    public async Task<IReadOnlyList<(ProposalEvent Event, ProposalRecord Record)>> RecentEventsAsync(int count, CancellationToken cancellationToken = default)
    {
        var rows = await db.Set<ProposalEvent>().AsNoTracking()
            .Join(Public(), e => e.ContentItemId, r => r.ContentItemId, (e, r) => new { Event = e, Record = r })
            .OrderByDescending(x => x.Event.Date).ThenByDescending(x => x.Event.Id)
            .Take(count)
            .ToListAsync(cancellationToken);
        return rows.Select(x => (x.Event, x.Record)).ToList();
    }
}
