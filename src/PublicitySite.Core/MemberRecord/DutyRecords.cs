using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PublicitySite.Commands;
using PublicitySite.Contents;
using PublicitySite.Contents.Definitions;
using PublicitySite.MemberPortal;
using PublicitySite.Members;
using PublicitySite.Proposals;
using PublicitySite.Storage;
using PublicitySite.Workflow;

namespace PublicitySite.MemberRecord;

/// <summary>
/// 履职档案 and 履职积分, gathered for a year from where each duty is recorded: proposals by their proposers
/// (领衔 or 联名, year of filing), 社情民意 naming the member as 反映人 (year of 报送日期), published news items that
/// link the member (year of publication), and meeting rosters (year of the meeting). Points follow the recipe's
/// <see cref="DutyRules"/>. A member reads only their own year (<see cref="MineAsync"/> takes no member id);
/// the ranking is for <c>duties.record</c>.
/// </summary>
public sealed class DutyRecords(AppDbContext db, CommandAccess access, MemberAccounts accounts, SiteDefinitionStore definitions)
{
    public const string LeadRole = "领衔";
    public const string CosignRole = "联名";

    /// <summary>Statuses that mean the office filed it (立案) and it went on: the ones 立案提案 and 联名提案 count.</summary>
    private static readonly ProposalStatus[] FiledStatuses =
        [ProposalStatus.Accepted, ProposalStatus.Assigned, ProposalStatus.Returned, ProposalStatus.InProgress, ProposalStatus.Replied, ProposalStatus.Evaluated, ProposalStatus.Reopened, ProposalStatus.Closed];

    /// <summary>The acting member's own year; refused for anyone who is no member.</summary>
    public async Task<Result<DutyYear>> MineAsync(Actor actor, int year, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (access.Check(actor, Permissions.SubmitOpinions) is { } denied)
        {
            return denied;
        }

        if (await accounts.OfAsync(actor.Name, cancellationToken) is not { } me)
        {
            return new Failure.Forbidden(MemberRecordTexts.NoProfile);
        }

        if (year is < 1949 or > 9999)
        {
            return new Failure.Invalid("year", MemberRecordTexts.YearInvalid);
        }

        var years = await ComputeAsync(year, me.MemberId, cancellationToken);
        var mine = years.GetValueOrDefault(me.MemberId) ?? new DutyYear(me.MemberId, me.Name, year);
        return mine with { Name = me.Name };
    }

    /// <summary>The office's ranking of every member with a record or points in the year, highest first.</summary>
    public async Task<Result<IReadOnlyList<DutyRank>>> RankingAsync(Actor actor, int year, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (access.Check(actor, Permissions.RecordDuties) is { } denied)
        {
            return denied;
        }

        var years = await ComputeAsync(year, null, cancellationToken);
        var sectors = await db.Set<MemberIndexEntry>().AsNoTracking().ToDictionaryAsync(m => m.ContentItemId, m => m.Sector, cancellationToken);
        var ordered = years.Values.OrderByDescending(y => y.Total).ThenBy(y => y.Name, StringComparer.Create(CultureInfo.GetCultureInfo("zh-CN"), false)).ToList();
        var ranks = new List<DutyRank>();
        for (var i = 0; i < ordered.Count; i++)
        {
            var y = ordered[i];
            // Equal totals share a rank (1, 2, 2, 4).
            var rank = i > 0 && ordered[i - 1].Total == y.Total ? ranks[i - 1].Rank : i + 1;
            ranks.Add(new DutyRank(rank, y.MemberId, y.Name, sectors.GetValueOrDefault(y.MemberId), y.Total, y.Led, y.Cosigned, y.Adopted, y.Attended));
        }

        return ranks;
    }

    /// <summary>The member's 界别 as their public profile gives it.</summary>
    public Task<string?> SectorAsync(string memberId, CancellationToken cancellationToken = default) =>
        db.Set<MemberIndexEntry>().AsNoTracking().Where(m => m.ContentItemId == memberId).Select(m => m.Sector).FirstOrDefaultAsync(cancellationToken);

    /// <summary>This year in China time, the default of every year selector.</summary>
    public static int ThisYear(TimeProvider clock) => ProposalDates.Today(clock).Year;

    private async Task<Dictionary<string, DutyYear>> ComputeAsync(int year, string? memberId, CancellationToken cancellationToken)
    {
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year + 1, 1, 1);
        var proposals = await ProposalsAsync(from, to, memberId, cancellationToken);
        var opinions = await OpinionsAsync(year, memberId, cancellationToken);
        var speeches = await SpeechesAsync(year, memberId, cancellationToken);
        var meetings = await db.Set<MeetingAttendance>().AsNoTracking()
            .Where(a => memberId == null || a.MemberId == memberId)
            .Join(db.Set<Meeting>().Where(m => m.Date >= from && m.Date < to), a => a.MeetingId, m => m.Id, (a, m) => new { a.MemberId, a.Name, a.State, m.Title, m.Date, m.Kind })
            .ToListAsync(cancellationToken);

        var ids = proposals.Select(p => p.MemberId).Concat(opinions.Select(o => o.MemberId)).Concat(speeches.Select(s => s.MemberId))
            .Concat(meetings.Select(m => m.MemberId)).Distinct().ToList();
        var names = await db.Set<MemberIndexEntry>().AsNoTracking().Where(m => ids.Contains(m.ContentItemId))
            .ToDictionaryAsync(m => m.ContentItemId, m => m.Name, cancellationToken);
        var rules = definitions.Current.Duties;
        var result = new Dictionary<string, DutyYear>();
        foreach (var id in ids)
        {
            var record = new DutyYear(id, names.GetValueOrDefault(id) ?? meetings.FirstOrDefault(m => m.MemberId == id)?.Name ?? id, year)
            {
                Proposals = [.. proposals.Where(p => p.MemberId == id).Select(p => p.Proposal).OrderBy(p => p.Date).ThenBy(p => p.Number, StringComparer.Ordinal)],
                Opinions = [.. opinions.Where(o => o.MemberId == id).Select(o => o.Opinion).OrderBy(o => o.Date)],
                Speeches = [.. speeches.Where(s => s.MemberId == id).Select(s => s.Speech).OrderBy(s => s.Date)],
                Meetings = [.. meetings.Where(m => m.MemberId == id).OrderBy(m => m.Date).Select(m => new DutyMeeting(m.Title, m.Date, m.Kind, MeetingRoster.Names[m.State]))],
            };
            result[id] = record with { Points = PointsOf(record, rules) };
        }

        return result;
    }

    /// <summary>The points breakdown: one line per duty (and meeting kind) that the recipe gives points and the member did.</summary>
    public static IReadOnlyList<DutyPointLine> PointsOf(DutyYear record, DutyRules rules)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(rules);
        var lines = new List<DutyPointLine>();
        void Add(string duty, string? kind, int count)
        {
            if (count > 0 && rules.PointsOf(duty, kind) is { } each)
            {
                lines.Add(new DutyPointLine(duty, kind is not null && rules.Points.Any(p => p.Duty == duty && p.MeetingKind == kind) ? kind : null, count, each));
            }
        }

        Add(DutyRules.Filed, null, record.Proposals.Count(p => p.Role == LeadRole && p.Filed));
        Add(DutyRules.Cosigned, null, record.Proposals.Count(p => p.Role == CosignRole && p.Filed));
        var instructed = rules.PointsOf(DutyRules.Instructed) is not null ? record.Opinions.Count(o => o.Adoption == DutyRules.Instructed) : 0;
        Add(DutyRules.OpinionAdopted, null, record.Opinions.Count(o => o.Adopted) - instructed);
        Add(DutyRules.Instructed, null, instructed);
        foreach (var group in record.Meetings.GroupBy(m => (m.Attendance, m.Kind)))
        {
            Add(group.Key.Attendance, group.Key.Kind, group.Count());
        }

        Add(DutyRules.Speech, null, record.Speeches.Count);
        // Lines for the same duty under the general rule (kinds without their own) are merged into one.
        return [.. lines.GroupBy(l => (l.Duty, l.MeetingKind, l.Each)).Select(g => g.First() with { Count = g.Sum(l => l.Count) })];
    }

    private async Task<List<(string MemberId, DutyProposal Proposal)>> ProposalsAsync(DateOnly from, DateOnly to, string? memberId, CancellationToken cancellationToken)
    {
        var rows = await db.Set<ProposalProposer>().AsNoTracking()
            .Where(p => p.MemberId != null && (memberId == null || p.MemberId == memberId))
            .Join(db.Set<ProposalRecord>().Where(r => r.FiledOn >= from && r.FiledOn < to), p => p.ContentItemId, r => r.ContentItemId, (p, r) => new { p.MemberId, p.Position, r })
            .Join(db.ContentItems.Where(i => !i.Deleted), x => x.r.ContentItemId, i => i.Id, (x, i) => x)
            .ToListAsync(cancellationToken);
        var itemIds = rows.Select(r => r.r.ContentItemId).Distinct().ToList();
        var portal = await db.Set<PortalProposal>().AsNoTracking().Where(p => p.ContentItemId != null && itemIds.Contains(p.ContentItemId))
            .ToDictionaryAsync(p => p.ContentItemId!, p => p.Id, cancellationToken);
        return [.. rows.Select(x => (x.MemberId!, new DutyProposal(x.r.ContentItemId, x.r.Number, x.r.Title, x.Position == 0 ? LeadRole : CosignRole,
            ProposalNames.Of(x.r.Status), x.r.FiledOn!.Value, FiledStatuses.Contains(x.r.Status))
        {
            PublicPath = x.r.Published ? x.r.Path : null,
            PortalId = portal.TryGetValue(x.r.ContentItemId, out var pid) ? pid : null,
        }))];
    }

    private async Task<List<(string MemberId, DutyOpinion Opinion)>> OpinionsAsync(int year, string? memberId, CancellationToken cancellationToken)
    {
        var portal = await db.Set<PortalOpinion>().AsNoTracking().Where(o => memberId == null || o.MemberId == memberId).ToListAsync(cancellationToken);
        var linkKey = memberId is null ? null : MemberLink.IdKey(memberId);
        var linked = await db.Set<MemberLink>().AsNoTracking()
            .Where(l => l.SourceType == SocialOpinions.Type && (linkKey == null || l.MemberKey == linkKey) && l.MemberKey.StartsWith("id:"))
            .Select(l => new { l.SourceItemId, l.MemberKey }).ToListAsync(cancellationToken);
        var owners = portal.Select(o => (ContentItemId: o.ContentItemId, o.MemberId))
            .Concat(linked.Select(l => (ContentItemId: l.SourceItemId, MemberId: l.MemberKey[3..]))).Distinct().ToList();
        var itemIds = owners.Select(o => o.ContentItemId).Distinct().ToList();
        var versions = await db.ContentItemVersions.AsNoTracking().Where(v => v.Latest && itemIds.Contains(v.ContentItemId))
            .Join(db.ContentItems.Where(i => !i.Deleted), v => v.ContentItemId, i => i.Id, (v, i) => new { v.ContentItemId, v.Title, v.Data, i.CreatedUtc, Published = i.PublishedVersion != null })
            .ToDictionaryAsync(v => v.ContentItemId, cancellationToken);
        var list = new List<(string, DutyOpinion)>();
        foreach (var (itemId, owner) in owners)
        {
            if (!versions.TryGetValue(itemId, out var v))
            {
                continue;
            }

            var data = ContentData.Parse(v.Data);
            var reported = ContentData.GetString(data, PortalOpinions.Part, "ReportDate");
            var date = DateOnly.TryParseExact(reported, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? d : DateOnly.FromDateTime(SiteTime.ToLocal(v.CreatedUtc).DateTime);
            if (date.Year != year)
            {
                continue;
            }

            var row = portal.FirstOrDefault(o => o.ContentItemId == itemId);
            list.Add((owner, new DutyOpinion(itemId, v.Title, date, ContentData.GetString(data, PortalOpinions.Part, "Adoption"), v.Published)
            {
                Remark = row?.Remark,
                PortalId = row?.Id,
            }));
        }

        return list;
    }

    private async Task<List<(string MemberId, DutySpeech Speech)>> SpeechesAsync(int year, string? memberId, CancellationToken cancellationToken)
    {
        var linkKey = memberId is null ? null : MemberLink.IdKey(memberId);
        var links = await db.Set<MemberLink>().AsNoTracking()
            .Where(l => l.SourceType == MembersIndexer.NewsType && l.PublishedUtc != null && (linkKey == null || l.MemberKey == linkKey) && l.MemberKey.StartsWith("id:"))
            .ToListAsync(cancellationToken);
        return [.. links.Select(l => (Link: l, Date: DateOnly.FromDateTime(SiteTime.ToLocal(l.PublishedUtc!.Value).DateTime)))
            .Where(x => x.Date.Year == year)
            .Select(x => (x.Link.MemberKey[3..], new DutySpeech(x.Link.Title, x.Link.Path, x.Date)))];
    }
}
