using Microsoft.EntityFrameworkCore;
using PublicitySite.Proposals;
using PublicitySite.Storage;
using PublicitySite.Workflow;

namespace PublicitySite.MemberPortal;

/// <summary>One line of a member's list: their proposal, or one they were asked to co-sign.</summary>
public sealed record PortalListItem(long Id, string Title, string State, string? Number, string? Status, string? Lead, DateTime UpdatedUtc);

/// <summary>One line of the member's 消息: a co-sign request to answer, or an office step on their proposal not yet seen.</summary>
public sealed record PortalNotice(long Id, string Title, string Text, DateTime AtUtc);

/// <summary>One step of a submitted proposal, as the member follows it.</summary>
public sealed record PortalStep(DateOnly Date, string Name, string? Detail);

/// <summary>A proposal as a member may see it: the lead sees everything of theirs; an invited co-signer sees the text.</summary>
public sealed record PortalDetail(
    PortalProposal Proposal,
    string Lead,
    bool IsLead,
    CosignState? MyInvitation,
    IReadOnlyList<PortalCosigner> Cosigners,
    string? Number,
    string? Status,
    IReadOnlyList<PortalStep> Timeline,
    ProposalEvent? Reply,
    string? Verdict,
    bool CanEvaluate)
{
    /// <summary>The proposal is on the public site (its consent can no longer be withdrawn).</summary>
    public bool Published { get; init; }

    /// <summary>The member's comment with their verdict: for the lead only.</summary>
    public string? EvaluationComment => IsLead ? Proposal.EvaluationComment : null;
}

/// <summary>
/// The portal's reads. Every query takes the acting member and returns only what is theirs (their proposals,
/// invitations addressed to them); another member's proposal is simply not there.
/// </summary>
public sealed class PortalQueries(AppDbContext db, MemberAccounts accounts)
{
    public async Task<IReadOnlyList<PortalListItem>> MineAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var rows = await db.Set<PortalProposal>().AsNoTracking().Where(p => p.Owner == actor.Name)
            .OrderByDescending(p => p.UpdatedUtc).ToListAsync(cancellationToken);
        return await ListAsync(rows, cancellationToken);
    }

    /// <summary>Co-sign invitations addressed to the member, with their answer.</summary>
    public async Task<IReadOnlyList<(PortalListItem Item, CosignState State)>> InvitationsAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var invited = await db.Set<PortalCosigner>().AsNoTracking().Where(c => c.UserName == actor.Name)
            .ToDictionaryAsync(c => c.PortalProposalId, c => c.State, cancellationToken);
        var rows = await db.Set<PortalProposal>().AsNoTracking().Where(p => invited.Keys.Contains(p.Id))
            .OrderByDescending(p => p.UpdatedUtc).ToListAsync(cancellationToken);
        return [.. (await ListAsync(rows, cancellationToken)).Select(i => (i, invited[i.Id]))];
    }

    /// <summary>
    /// 消息: co-sign requests waiting for the member's answer, and the office's steps (审查 decisions, 交办, the
    /// reply …) on the member's own proposals recorded since they last opened them; newest first.
    /// </summary>
    public async Task<IReadOnlyList<PortalNotice>> NoticesAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var requests = await db.Set<PortalCosigner>().AsNoTracking().Where(c => c.UserName == actor.Name && c.State == CosignState.Invited)
            .Join(db.Set<PortalProposal>(), c => c.PortalProposalId, p => p.Id, (c, p) => new { p.Id, p.Title, p.Owner, c.InvitedUtc })
            .ToListAsync(cancellationToken);
        var owners = requests.Select(r => r.Owner).Distinct().ToList();
        var names = await db.Set<MemberAccount>().AsNoTracking().Where(a => owners.Contains(a.UserName)).ToDictionaryAsync(a => a.UserName, a => a.Name, cancellationToken);
        var notices = requests.Select(r => new PortalNotice(r.Id, r.Title, $"{names.GetValueOrDefault(r.Owner, r.Owner)} 委员邀请您联名", r.InvitedUtc)).ToList();

        var mine = await db.Set<PortalProposal>().AsNoTracking().Where(p => p.Owner == actor.Name && p.ContentItemId != null)
            .Select(p => new { p.Id, p.Title, ItemId = p.ContentItemId!, Since = p.SeenUtc ?? p.SubmittedUtc }).ToListAsync(cancellationToken);
        var itemIds = mine.Select(p => p.ItemId).ToList();
        var steps = await db.Set<ProposalEvent>().AsNoTracking().Where(e => itemIds.Contains(e.ContentItemId) && e.RecordedBy != actor.Name)
            .Select(e => new { e.ContentItemId, e.Kind, e.RecordedUtc }).ToListAsync(cancellationToken);
        foreach (var p in mine)
        {
            notices.AddRange(steps.Where(e => e.ContentItemId == p.ItemId && (p.Since is not { } since || e.RecordedUtc > since) && e.Kind != ProposalEventKind.Filed)
                .Select(e => new PortalNotice(p.Id, p.Title, PortalMail.NoticeText(e.Kind), e.RecordedUtc)));
        }

        return [.. notices.OrderByDescending(n => n.AtUtc)];
    }

    public async Task<PortalDetail?> DetailAsync(Actor actor, long id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var proposal = await db.Set<PortalProposal>().AsNoTracking().Include(p => p.Cosigners).FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        var mine = proposal?.Cosigners.FirstOrDefault(c => c.UserName == actor.Name);
        if (proposal is null || (proposal.Owner != actor.Name && mine is null))
        {
            return null;
        }

        var isLead = proposal.Owner == actor.Name;
        var lead = (await accounts.OfAsync(proposal.Owner, cancellationToken))?.Name ?? proposal.Owner;
        var cosigners = isLead ? proposal.Cosigners.OrderBy(c => c.InvitedUtc).ToList()
            : [.. proposal.Cosigners.Where(c => c.State == CosignState.Confirmed || c.UserName == actor.Name).OrderBy(c => c.InvitedUtc)];
        if (proposal.ContentItemId is not { } itemId)
        {
            return new PortalDetail(proposal, lead, isLead, mine?.State, cosigners, null, null, [], null, null, false);
        }

        var record = await db.Set<ProposalRecord>().AsNoTracking().FirstOrDefaultAsync(r => r.ContentItemId == itemId, cancellationToken);
        var events = await db.Set<ProposalEvent>().AsNoTracking().Where(e => e.ContentItemId == itemId)
            .OrderBy(e => e.Date).ThenBy(e => e.Id).ToListAsync(cancellationToken);
        var timeline = events.Select(e => new PortalStep(e.Date, ProposalNames.Of(e.Kind), Detail(e))).ToList();
        var reply = events.LastOrDefault(e => e.Kind == ProposalEventKind.Reply);
        var status = record is null ? null : ProposalNames.Of(record.Status);
        return new PortalDetail(proposal, lead, isLead, mine?.State, cosigners, record?.Number, status, timeline, reply,
            record?.Verdict, isLead && record?.Status == ProposalStatus.Replied)
        { Published = record?.Published == true };
    }

    /// <summary>For the office's proposal page: the comment the lead member gave with their verdict, if the proposal came from the portal.</summary>
    public Task<string?> EvaluationCommentAsync(string contentItemId, CancellationToken cancellationToken = default) =>
        db.Set<PortalProposal>().AsNoTracking().Where(p => p.ContentItemId == contentItemId).Select(p => p.EvaluationComment).FirstOrDefaultAsync(cancellationToken);

    private async Task<IReadOnlyList<PortalListItem>> ListAsync(List<PortalProposal> rows, CancellationToken cancellationToken)
    {
        var ids = rows.Where(r => r.ContentItemId is not null).Select(r => r.ContentItemId!).ToList();
        var records = await db.Set<ProposalRecord>().AsNoTracking().Where(r => ids.Contains(r.ContentItemId))
            .ToDictionaryAsync(r => r.ContentItemId, cancellationToken);
        var owners = rows.Select(r => r.Owner).Distinct().ToList();
        var names = await db.Set<MemberAccount>().AsNoTracking().Where(a => owners.Contains(a.UserName))
            .ToDictionaryAsync(a => a.UserName, a => a.Name, cancellationToken);
        return [.. rows.Select(r =>
        {
            var record = r.ContentItemId is { } cid ? records.GetValueOrDefault(cid) : null;
            return new PortalListItem(r.Id, r.Title, r.State == PortalProposalState.Draft ? "草稿" : "已提交", record?.Number,
                record is null ? null : ProposalNames.Of(record.Status), names.GetValueOrDefault(r.Owner, r.Owner), r.UpdatedUtc);
        })];
    }

    /// <summary>What the member is told with a step: the reason, the other number, the unit, the reply class.</summary>
    private static string? Detail(ProposalEvent e) => e.Kind switch
    {
        ProposalEventKind.Reject => "理由：" + e.Note,
        ProposalEventKind.Merge => $"并入 {e.MergedInto}" + (e.Note is { } n ? "。" + n : ""),
        ProposalEventKind.Assign => $"主办单位：{e.Unit}" + (e.CoUnits is { } co ? $"；协办单位：{co}" : ""),
        ProposalEventKind.Reply => $"办理结果：{e.ReplyClass}" + (e.Unit is { } u ? $"（{u}）" : ""),
        ProposalEventKind.Evaluate => e.Verdict,
        _ => e.Note,
    };
}
