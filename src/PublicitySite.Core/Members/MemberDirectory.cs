using Microsoft.EntityFrameworkCore;
using PublicitySite.Contents.Definitions;
using PublicitySite.Storage;

namespace PublicitySite.Members;

/// <summary>Which members to list. Empty values mean "any"; values are the ones the items show (中共, 经济界).</summary>
public sealed record MemberFilter(string? Term = null, string? Sector = null, string? Party = null, string? Name = null);

/// <summary>A directory card: public facts only.</summary>
public sealed record MemberCard(
    string Id, string Name, string PersonName, string Url, string Initial, string? Term, string? Sector, string? Party,
    string? Posts, string? WorkUnit, string? JobTitle, string? Photo, bool Sample)
{
    internal static MemberCard From(MemberIndexEntry e) => new(
        e.ContentItemId, e.Name, PinyinOrder.PersonName(e.Name), e.Path, e.Initial, e.Term, e.Sector, e.Party,
        e.Posts, e.WorkUnit, e.JobTitle, e.Photo, e.Sample);
}

public sealed record MemberGroup(string Letter, IReadOnlyList<MemberCard> Members);

/// <summary>The directory page's data: members in pinyin order, grouped by letter, and the filter choices.</summary>
public sealed record MemberDirectoryResult(
    IReadOnlyList<MemberCard> Members,
    IReadOnlyList<MemberGroup> Groups,
    IReadOnlyList<string> Terms,
    IReadOnlyList<string> Sectors,
    IReadOnlyList<string> Parties);

/// <summary>Reads of the member directory. Everything here is public: the index holds no private field.</summary>
public sealed class MemberDirectory(AppDbContext db, SiteDefinitionStore definitions, MembersIndexer indexer)
{
    /// <summary>The conventional order of parties on committee documents; others follow in pinyin order.</summary>
    public static readonly string[] PartyOrder = ["中共", "民革", "民盟", "民建", "民进", "农工党", "致公党", "九三学社", "台盟", "无党派人士"];

    /// <summary>The term the directory shows by default (site setting <c>CurrentTerm</c>), or null for all.</summary>
    public string? CurrentTerm => definitions.Current.Setting("CurrentTerm") is { Length: > 0 } t ? t : null;

    public async Task<MemberDirectoryResult> ListAsync(MemberFilter filter, CancellationToken cancellationToken = default)
    {
        await EnsureIndexedAsync(cancellationToken);
        var all = db.Set<MemberIndexEntry>().AsNoTracking();
        var inTerm = string.IsNullOrEmpty(filter.Term) ? all : all.Where(e => e.Term == filter.Term);
        var rows = inTerm;
        if (!string.IsNullOrEmpty(filter.Sector))
        {
            rows = rows.Where(e => e.Sector == filter.Sector);
        }

        if (!string.IsNullOrEmpty(filter.Party))
        {
            rows = rows.Where(e => e.Party == filter.Party);
        }

        if (filter.Name?.Trim() is { Length: > 0 } name)
        {
            rows = rows.Where(e => e.Name.Contains(name));
        }

        var members = (await rows.ToListAsync(cancellationToken))
            .OrderBy(e => PinyinOrder.CollationKey(e.SortKey), PinyinOrder.KeyComparer)
            .ThenBy(e => e.Name, StringComparer.Ordinal)
            .Select(MemberCard.From)
            .ToList();
        var groups = members.GroupBy(m => m.Initial).OrderBy(g => g.Key == "#" ? "~" : g.Key, StringComparer.Ordinal)
            .Select(g => new MemberGroup(g.Key, g.ToList())).ToList();
        var facets = await inTerm.Select(e => new { e.Sector, e.Party }).ToListAsync(cancellationToken);
        var terms = await all.Where(e => e.Term != null).Select(e => e.Term!).Distinct().ToListAsync(cancellationToken);
        return new MemberDirectoryResult(
            members,
            groups,
            terms.OrderBy(t => t, PinyinOrder.Comparer).ToList(),
            facets.Select(f => f.Sector).OfType<string>().Distinct().OrderBy(s => s, PinyinOrder.Comparer).ToList(),
            facets.Select(f => f.Party).OfType<string>().Distinct()
                .OrderBy(p => Array.IndexOf(PartyOrder, p) is var i && i < 0 ? int.MaxValue : i).ThenBy(p => p, PinyinOrder.Comparer).ToList());
    }

    /// <summary>
    /// A database filled before this feature existed (or restored from a backup taken without its tables'
    /// rows) has published members but an empty index: build it once, on the first read.
    /// </summary>
    public async Task EnsureIndexedAsync(CancellationToken cancellationToken = default)
    {
        if (!await db.Set<MemberIndexEntry>().AnyAsync(cancellationToken)
            && await db.ContentItemVersions.AnyAsync(v => v.Published && v.ContentType == MembersIndexer.MemberType, cancellationToken))
        {
            await indexer.RebuildAsync(cancellationToken);
        }
    }

    public async Task<MemberCard?> FindByPathAsync(string path, CancellationToken cancellationToken = default)
    {
        var entry = await db.Set<MemberIndexEntry>().AsNoTracking().FirstOrDefaultAsync(e => e.Path == path, cancellationToken);
        return entry is null ? null : MemberCard.From(entry);
    }

    public async Task<MemberCard?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        await EnsureIndexedAsync(cancellationToken);
        var entry = await db.Set<MemberIndexEntry>().AsNoTracking().FirstOrDefaultAsync(e => e.ContentItemId == id, cancellationToken);
        return entry is null ? null : MemberCard.From(entry);
    }

    /// <summary>
    /// A proposal's note names the status its recorded steps give (the word lists and filters use), never the
    /// last step of the timeline frozen in the published text (催办 where the list says 办理中).
    /// </summary>
    private async Task<List<MemberLink>> WithRecordedStatusAsync(List<MemberLink> proposals, CancellationToken cancellationToken)
    {
        var statuses = await Proposals.ProposalStatuses.OfAsync(db, proposals.Select(p => p.SourceItemId).ToList(), cancellationToken);
        return proposals.Select(p => statuses.TryGetValue(p.SourceItemId, out var recorded)
            ? new MemberLink
            {
                SourceItemId = p.SourceItemId,
                MemberKey = p.MemberKey,
                SourceType = p.SourceType,
                Role = p.Role,
                Title = p.Title,
                Path = p.Path,
                PublishedUtc = p.PublishedUtc,
                Note = p.Note?.Split(" · ").FirstOrDefault(s => s.EndsWith('号')) is { } number ? $"{number} · {recorded.Standing ?? recorded.Status}" : recorded.Standing ?? recorded.Status,
            }
            : p).ToList();
    }

    /// <summary>The member's 履职 records: proposals led and co-signed, news that links the member, 社情民意.</summary>
    public async Task<MemberRecords> RecordsAsync(MemberCard member, CancellationToken cancellationToken = default)
    {
        var keys = new[] { MemberLink.IdKey(member.Id), MemberLink.NameKey(member.Name), MemberLink.NameKey(member.PersonName) }.Distinct().ToList();
        var links = await db.Set<MemberLink>().AsNoTracking().Where(l => keys.Contains(l.MemberKey)).ToListAsync(cancellationToken);
        List<MemberLink> Of(string type) => links.Where(l => l.SourceType == type)
            .DistinctBy(l => l.SourceItemId).OrderByDescending(l => l.PublishedUtc).ToList();

        var proposals = await WithRecordedStatusAsync(Of(MembersIndexer.ProposalType), cancellationToken);
        return new MemberRecords(
            proposals.Where(p => p.Role == "领衔").ToList(),
            proposals.Where(p => p.Role != "领衔").ToList(),
            Of(MembersIndexer.NewsType),
            Of(MembersIndexer.OpinionType));
    }
}

public sealed record MemberRecords(
    IReadOnlyList<MemberLink> ProposalsLed,
    IReadOnlyList<MemberLink> ProposalsCosigned,
    IReadOnlyList<MemberLink> News,
    IReadOnlyList<MemberLink> Opinions);
