using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PublicitySite.Audit;
using PublicitySite.Commands;
using PublicitySite.Contents;
using PublicitySite.Contents.Definitions;
using PublicitySite.Proposals;
using PublicitySite.Storage;
using PublicitySite.Workflow;

namespace PublicitySite.MemberPortal;

/// <summary>What a member types for a proposal: 案由, 案据, 建议 and the category.</summary>
public sealed record PortalDraftInput(string? Title, string? Grounds, string? Suggestions, string? Category);

/// <summary>
/// What a member does with proposals in 委员之家: write and keep a draft, invite co-signers, submit it to the
/// office's 待审查 queue, answer a co-sign request, evaluate the reply. The only way these change: each command
/// checks <c>proposals.submit</c> and that the proposal is the member's own (or, for a co-sign answer, that they
/// were invited), and writes its audit line in the same commit. Anything else is "not found": a member learns
/// nothing of another member's drafts.
/// </summary>
public sealed class PortalProposals(
    AppDbContext db,
    CommandAccess access,
    MemberAccounts accounts,
    ProposalOffice office,
    ContentManager contents,
    SiteDefinitionStore definitions,
    AuditLog audit,
    PortalMail mail,
    TimeProvider clock)
{
    public const int MaxTitle = 300;
    public const int MaxText = 20000;
    public const int MaxComment = 2000;

    private static readonly Failure.NotFound Missing = new(ProposalTexts.Missing);

    /// <summary>The categories the recipe offers (ProposalPart.Category).</summary>
    public IReadOnlyList<string> Categories =>
        definitions.Current.FindPart(ProposalVisibility.Part)?.Fields.FirstOrDefault(f => f.Name == "Category")?.Options ?? [];

    /// <summary>The recipe's minimum of confirmed co-signers for a submission; 0 when the committee has none.</summary>
    public int MinCosigners => definitions.Current.Proposals.MinCosigners;

    /// <summary>The rule as the portal tells it before submission; null when the committee has none.</summary>
    public string? CosignerRule => MinCosigners > 0 ? $"本会规定：提案须有至少 {MinCosigners} 位联名委员确认后方可提交。" : null;

    /// <summary>Creates a draft (<paramref name="id"/> null) or replaces the text of one of the member's drafts.</summary>
    public async Task<Result<PortalProposal>> SaveDraftAsync(Actor actor, long? id, PortalDraftInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (await MemberAsync(actor, cancellationToken) is { Failure: { } refused })
        {
            return refused;
        }

        if (Check(input) is { } invalid)
        {
            return invalid;
        }

        PortalProposal draft;
        var now = clock.GetUtcNow().UtcDateTime;
        if (id is { } existing)
        {
            if (await OwnAsync(actor, existing, cancellationToken) is not { } found)
            {
                return Missing;
            }

            if (found.State != PortalProposalState.Draft)
            {
                return new Failure.Conflict("提案已提交，不能再修改");
            }

            draft = found;
        }
        else
        {
            draft = new PortalProposal { Owner = actor.Name, CreatedUtc = now };
            db.Set<PortalProposal>().Add(draft);
        }

        draft.Title = input.Title!.Trim();
        draft.Grounds = input.Grounds?.Trim() ?? "";
        draft.Suggestions = input.Suggestions?.Trim() ?? "";
        draft.Category = string.IsNullOrWhiteSpace(input.Category) ? null : input.Category.Trim();
        draft.UpdatedUtc = now;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        audit.Stage(actor.Name, AuditActions.PortalDraftSaved, Target(draft.Id), draft.Title, address: actor.Address);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return draft;
    }

    /// <summary>Invites a member (by user name, as the name search gives it) to co-sign one of the member's drafts.</summary>
    public async Task<Result<PortalCosigner>> InviteAsync(Actor actor, long id, string? cosigner, CancellationToken cancellationToken = default)
    {
        if (await MemberAsync(actor, cancellationToken) is { Failure: { } refused })
        {
            return refused;
        }

        if (await OwnAsync(actor, id, cancellationToken) is not { } draft)
        {
            return Missing;
        }

        if (draft.State != PortalProposalState.Draft)
        {
            return new Failure.Conflict("提案已提交，不能再邀请联名");
        }

        if (string.IsNullOrWhiteSpace(cosigner) || await accounts.OfAsync(cosigner.Trim(), cancellationToken) is not { } account)
        {
            return new Failure.Invalid("cosigner", "请从搜索结果中选择联名委员");
        }

        if (account.UserName == actor.Name)
        {
            return new Failure.Invalid("cosigner", "提案人本人不能作为联名人");
        }

        if (draft.Cosigners.Any(c => c.UserName == account.UserName))
        {
            return new Failure.Conflict($"已邀请{account.Name}联名");
        }

        var row = new PortalCosigner
        {
            PortalProposalId = draft.Id,
            UserName = account.UserName,
            Name = account.Name,
            MemberId = account.MemberId,
            InvitedUtc = clock.GetUtcNow().UtcDateTime,
        };
        draft.Cosigners.Add(row);
        if (await accounts.OfAsync(actor.Name, cancellationToken) is { } lead)
        {
            await mail.StageInvitationAsync(draft, lead.Name, row, cancellationToken);
        }

        audit.Stage(actor.Name, AuditActions.PortalCosign, Target(id), $"邀请 {account.Name} 联名：{draft.Title}", address: actor.Address);
        await db.SaveChangesAsync(cancellationToken);
        return row;
    }

    /// <summary>
    /// Submits one of the member's drafts: it is filed as the office's proposal (number, 待审查) with the lead and
    /// the co-signers confirmed so far, and the portal row points at it, in one commit.
    /// </summary>
    public async Task<Result<ProposalChange>> SubmitAsync(Actor actor, long id, bool publicConsent, CancellationToken cancellationToken = default)
    {
        var member = await MemberAsync(actor, cancellationToken);
        if (member.Value is not { } me)
        {
            return member.Failure!;
        }

        if (await OwnAsync(actor, id, cancellationToken) is not { } draft)
        {
            return Missing;
        }

        if (draft.State != PortalProposalState.Draft)
        {
            return new Failure.Conflict("提案已提交");
        }

        var missing = new List<FieldError>();
        if (draft.Grounds.Length == 0)
        {
            missing.Add(new FieldError("grounds", "提交前请填写案据"));
        }

        if (draft.Suggestions.Length == 0)
        {
            missing.Add(new FieldError("suggestions", "提交前请填写建议"));
        }

        if (CosignersShort(draft) is { } shortOfCosigners)
        {
            missing.Add(new FieldError("cosigners", shortOfCosigners));
        }

        if (missing.Count > 0)
        {
            return new Failure.Invalid(missing);
        }

        var filing = new ProposalFiling
        {
            Title = draft.Title,
            Body = Body(draft),
            FiledOn = ProposalDates.Today(clock),
            ProposerType = "member",
            Proposers = Proposers(me.Name, draft),
            Category = draft.Category,
            Public = publicConsent,
        };
        var now = clock.GetUtcNow().UtcDateTime;
        var result = await office.FileCheckedAsync(actor, filing, async (filed, ct) =>
        {
            var row = await db.Set<PortalProposal>().FirstAsync(p => p.Id == id, ct);
            row.State = PortalProposalState.Submitted;
            row.ContentItemId = filed.ContentItemId;
            row.PublicConsent = publicConsent;
            row.SubmittedUtc = now;
            audit.Stage(actor.Name, AuditActions.PortalSubmitted, Target(id), $"{filed.Number} {draft.Title}（{(publicConsent ? "同意公开" : "不同意公开")}）", address: actor.Address);
        }, cancellationToken);
        db.ChangeTracker.Clear();
        return result;
    }

    /// <summary>
    /// A co-signer's answer to an invitation. A confirmation after submission adds the co-signer to the
    /// proposal's proposers (a new version of its text) in the same commit.
    /// </summary>
    public async Task<Result<PortalCosigner>> RespondAsync(Actor actor, long id, bool confirm, CancellationToken cancellationToken = default)
    {
        if (await MemberAsync(actor, cancellationToken) is { Failure: { } refused })
        {
            return refused;
        }

        var proposal = await db.Set<PortalProposal>().Include(p => p.Cosigners).FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (proposal?.Cosigners.FirstOrDefault(c => c.UserName == actor.Name) is not { } row)
        {
            return Missing;
        }

        if (row.State != CosignState.Invited)
        {
            return new Failure.Conflict(row.State == CosignState.Confirmed ? "您已确认联名" : "您已谢绝联名");
        }

        row.State = confirm ? CosignState.Confirmed : CosignState.Declined;
        row.RespondedUtc = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        audit.Stage(actor.Name, AuditActions.PortalCosign, Target(id), $"{(confirm ? "确认" : "谢绝")}联名：{proposal.Title}", address: actor.Address);
        await db.SaveChangesAsync(cancellationToken);
        if (confirm && proposal.ContentItemId is { } itemId && await accounts.OfAsync(proposal.Owner, cancellationToken) is { } lead)
        {
            var updated = await UpdateFieldAsync(itemId, "Proposers", new JsonArray([.. Proposers(lead.Name, proposal).Select(p => (JsonNode?)JsonValue.Create(p))]), actor.Name, cancellationToken);
            if (updated is { } failed)
            {
                return failed;
            }
        }

        await transaction.CommitAsync(cancellationToken);
        await contents.NotifyCommittedAsync(cancellationToken);
        return row;
    }

    /// <summary>
    /// The lead withdraws their 同意公开 while the proposal is not yet published: a new version of its text says
    /// so (search, the public list and the API then leave it out), with the portal row and the audit line in one
    /// commit. Once published it can no longer be withdrawn.
    /// </summary>
    public async Task<Result<PortalProposal>> WithdrawConsentAsync(Actor actor, long id, CancellationToken cancellationToken = default)
    {
        if (await MemberAsync(actor, cancellationToken) is { Failure: { } refused })
        {
            return refused;
        }

        if (await OwnAsync(actor, id, cancellationToken) is not { ContentItemId: { } itemId } proposal)
        {
            return Missing;
        }

        if (!proposal.PublicConsent)
        {
            return new Failure.Conflict("您未同意公开本提案，无需撤回");
        }

        if (await db.Set<ProposalRecord>().AsNoTracking().AnyAsync(r => r.ContentItemId == itemId && r.Published, cancellationToken))
        {
            return new Failure.Conflict("提案已公开发布，不能再撤回同意公开。如有需要，请联系提案委。");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        proposal.PublicConsent = false;
        proposal.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        audit.Stage(actor.Name, AuditActions.PortalConsent, Target(id), $"撤回同意公开：{proposal.Title}", address: actor.Address);
        await db.SaveChangesAsync(cancellationToken);
        if (await UpdateFieldAsync(itemId, "Public", false, actor.Name, cancellationToken) is { } failed)
        {
            return failed;
        }

        await transaction.CommitAsync(cancellationToken);
        await contents.NotifyCommittedAsync(cancellationToken);
        return proposal;
    }

    /// <summary>
    /// The lead member's verdict on the reply (评价, with a comment kept off the public timeline). 不满意 also
    /// records 再办理 where the lifecycle allows it, in the same commit.
    /// </summary>
    public async Task<Result<ProposalChange>> EvaluateAsync(Actor actor, long id, string? verdict, string? comment, CancellationToken cancellationToken = default)
    {
        if (await MemberAsync(actor, cancellationToken) is { Failure: { } refused })
        {
            return refused;
        }

        if (await OwnAsync(actor, id, cancellationToken) is not { ContentItemId: { } itemId } proposal)
        {
            return Missing;
        }

        verdict = verdict?.Trim();
        if (verdict is null || !ProposalLifecycle.Verdicts.Contains(verdict))
        {
            return new Failure.Invalid("verdict", "请选择“满意”“基本满意”或“不满意”");
        }

        comment = comment?.Trim();
        if (comment is { Length: > MaxComment })
        {
            return new Failure.Invalid("comment", $"意见不能超过 {MaxComment} 字");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var evaluated = await office.RecordEventAsync(actor, itemId, new ProposalEventInput { Kind = ProposalNames.Of(ProposalEventKind.Evaluate), Verdict = verdict, Role = ProposalNames.ProposerRole }, audited: true, cancellationToken);
        if (!evaluated.Succeeded)
        {
            return evaluated;
        }

        var outcome = evaluated;
        if (verdict == ProposalNames.Unsatisfied && ProposalLifecycle.Next(new ProposalState { Status = ProposalStatus.Evaluated, Verdict = verdict }).Contains(ProposalEventKind.Reopen))
        {
            outcome = await office.RecordEventAsync(actor, itemId, new ProposalEventInput { Kind = ProposalNames.Of(ProposalEventKind.Reopen), Role = ProposalNames.ProposerRole, Note = "提案人对答复不满意，重新办理。" }, audited: true, cancellationToken);
            if (!outcome.Succeeded)
            {
                return outcome;
            }
        }

        proposal.EvaluationComment = string.IsNullOrEmpty(comment) ? null : comment;
        audit.Stage(actor.Name, AuditActions.PortalEvaluated, Target(id), $"{evaluated.Value!.Number}：{verdict}", address: actor.Address);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await office.NotifyStatusAsync(itemId, cancellationToken);
        return outcome;
    }

    /// <summary>
    /// The lead opened their proposal: the office's steps so far are no longer news. Not audited: it changes
    /// nothing anyone else sees, only which steps the member's 消息 still counts.
    /// </summary>
    public async Task MarkSeenAsync(Actor actor, long id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (access.Allows(actor, Permissions.SubmitProposals)
            && await db.Set<PortalProposal>().FirstOrDefaultAsync(p => p.Id == id && p.Owner == actor.Name && p.ContentItemId != null, cancellationToken) is { } proposal)
        {
            proposal.SeenUtc = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private async Task<Result<MemberAccount>> MemberAsync(Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (access.Check(actor, Permissions.SubmitProposals) is { } denied)
        {
            return denied;
        }

        return await accounts.OfAsync(actor.Name, cancellationToken) is { } account
            ? account
            : new Failure.Forbidden(PortalTexts.NoProfile);
    }

    private Task<PortalProposal?> OwnAsync(Actor actor, long id, CancellationToken cancellationToken) =>
        db.Set<PortalProposal>().Include(p => p.Cosigners).FirstOrDefaultAsync(p => p.Id == id && p.Owner == actor.Name, cancellationToken);

    private Failure.Invalid? Check(PortalDraftInput input)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(input.Title))
        {
            errors.Add(new FieldError("title", "请填写案由"));
        }
        else if (input.Title.Trim().Length > MaxTitle)
        {
            errors.Add(new FieldError("title", $"案由不能超过 {MaxTitle} 字"));
        }

        if ((input.Grounds?.Length ?? 0) > MaxText)
        {
            errors.Add(new FieldError("grounds", $"案据不能超过 {MaxText} 字"));
        }

        if ((input.Suggestions?.Length ?? 0) > MaxText)
        {
            errors.Add(new FieldError("suggestions", $"建议不能超过 {MaxText} 字"));
        }

        if (!string.IsNullOrWhiteSpace(input.Category) && !Categories.Contains(input.Category.Trim()))
        {
            errors.Add(new FieldError("category", FailureTexts.NotACategory(input.Category.Trim(), Categories)));
        }

        return errors.Count > 0 ? new Failure.Invalid(errors) : null;
    }

    /// <summary>Why the draft cannot go yet under the recipe's co-signer rule, or null when it may.</summary>
    private string? CosignersShort(PortalProposal draft)
    {
        var confirmed = draft.Cosigners.Count(c => c.State == CosignState.Confirmed);
        if (confirmed >= MinCosigners)
        {
            return null;
        }

        var waiting = draft.Cosigners.Count(c => c.State == CosignState.Invited);
        return $"本会规定提案须有至少 {MinCosigners} 位联名委员确认，目前已确认 {confirmed} 位"
            + (waiting > 0 ? $"，另有 {waiting} 位尚未答复" : "");
    }

    /// <summary>The lead, then the co-signers who confirmed, in the order they were invited.</summary>
    private static List<string> Proposers(string lead, PortalProposal proposal) =>
        [lead, .. proposal.Cosigners.Where(c => c.State == CosignState.Confirmed).OrderBy(c => c.InvitedUtc).Select(c => c.Name)];

    private static string Body(PortalProposal draft) =>
        $"## 案据\n\n{draft.Grounds}\n\n## 建议\n\n{draft.Suggestions}\n";

    private static string Target(long id) => "portal/" + id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A new version of the proposal's text that differs only in one field (its proposers, its consent).</summary>
    private async Task<Failure?> UpdateFieldAsync(string itemId, string field, JsonNode value, string author, CancellationToken cancellationToken)
    {
        var latest = await db.ContentItemVersions.AsNoTracking().FirstOrDefaultAsync(v => v.ContentItemId == itemId && v.Latest, cancellationToken);
        if (latest is null)
        {
            return Missing;
        }

        var values = new JsonObject();
        foreach (var (_, part) in ContentData.Parse(latest.Data))
        {
            if (part is JsonObject fields)
            {
                foreach (var (name, kept) in fields)
                {
                    values[name] = kept?.DeepClone();
                }
            }
        }

        values[field] = value;
        var saved = await contents.UpdateAsync(itemId, latest.Number, values, author, cancellationToken);
        return saved.Succeeded ? null : new Failure.Conflict("提案正在被提案委修改，请稍后再试");
    }
}
