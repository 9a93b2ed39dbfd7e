using Microsoft.EntityFrameworkCore;
using PublicitySite.Audit;
using PublicitySite.Commands;
using PublicitySite.Contents;
using PublicitySite.Contents.Definitions;
using PublicitySite.Storage;
using PublicitySite.Workflow;

namespace PublicitySite.Proposals;

/// <summary>Where a proposal stands on its way to the public site, as the office page's 发布 panel shows it.</summary>
public sealed record ProposalPublicationState(
    bool Consent,
    bool Published,
    bool InReview,
    int StageIndex,
    string Stage,
    string StageRoleLabel,
    IReadOnlyList<ReviewStep> Steps)
{
    /// <summary>Why 发布 cannot be decided now (in Chinese), or null when it can.</summary>
    public string? Blocker => !Consent ? "提案人未同意公开，不能发布" : Published ? "提案已发布，公开页面显示办理信息的最新状态" : null;
}

/// <summary>
/// 发布 a proposal: one decision on the office page. The review is the recipe's: the proposer's consent
/// (<c>ProposalPart.Public</c>, recorded at filing) and the approval of the recipe's <c>Proposal</c> workflow
/// stages (the recipe gives one, 提案委负责人审批 by ProposalHead). The decision submits the text when it is a
/// draft and approves it at its stage; at the last stage it is published. All of it is one transaction with
/// its audit lines; a refusal leaves nothing but its own audit line. The public page then shows the office
/// record (units, verdict, status), which the proposal record keeps, never values typed into a second editor.
/// </summary>
public sealed class ProposalPublication(
    AppDbContext db,
    WorkflowService workflow,
    ContentManager contents,
    CommandAccess access,
    AuditLog audit)
{
    public async Task<ProposalPublicationState?> StateAsync(string contentItemId, CancellationToken cancellationToken = default)
    {
        var record = await db.Set<ProposalRecord>().AsNoTracking().FirstOrDefaultAsync(r => r.ContentItemId == contentItemId, cancellationToken);
        var latest = record is null ? null : await db.ContentItemVersions.AsNoTracking().FirstOrDefaultAsync(v => v.ContentItemId == contentItemId && v.Latest, cancellationToken);
        if (record is null || latest is null)
        {
            return null;
        }

        var policy = workflow.Policy;
        var stages = policy.StagesOf(ProposalVisibility.ContentType);
        var review = latest.Status == ContentStatus.InReview
            ? await db.Set<VersionReview>().AsNoTracking().FirstOrDefaultAsync(r => r.VersionId == latest.Id, cancellationToken)
            : null;
        var index = Math.Clamp(review?.Stage ?? 0, 0, stages.Count - 1);
        var stage = stages[index];
        var steps = await db.Set<ReviewStep>().AsNoTracking().Where(s => s.ContentItemId == contentItemId).OrderBy(s => s.Id).ToListAsync(cancellationToken);
        return new ProposalPublicationState(record.PublicConsent, record.Published && latest.Published, review is { Stage: >= 0 }, index, stage.Name, policy.RoleLabel(stage.Role), steps);
    }

    /// <summary>The 发布 decision, with an optional opinion (意见) kept with the version for the 审签单.</summary>
    public async Task<Result<ProposalChange>> PublishAsync(Actor actor, string contentItemId, string? opinion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (access.Check(actor, Permissions.RecordProposals) is { } denied)
        {
            return denied;
        }

        if (opinion is { Length: > WorkflowService.MaxOpinion })
        {
            return new Failure.Invalid("comment", $"审批意见不超过 {WorkflowService.MaxOpinion} 字");
        }

        var state = ContentIds.IsValid(contentItemId) ? await StateAsync(contentItemId, cancellationToken) : null;
        if (state is null)
        {
            return new Failure.NotFound(ProposalTexts.Missing);
        }

        if (state.Blocker is { } blocker)
        {
            return state.Published ? new Failure.Conflict(blocker) : new Failure.Invalid("consent", blocker + "（登记时须注明提案人同意公开）");
        }

        var outcome = await DecideAsync(actor, contentItemId, opinion, state.InReview, cancellationToken);
        if (outcome.Failure is Failure.Forbidden refused)
        {
            // The transaction was rolled back; the refusal itself is kept, as every refused workflow action is.
            await audit.WriteAsync(actor.Name, AuditActions.Denied, contentItemId, $"proposal.publish：{refused.Detail}", address: actor.Address, cancellationToken: cancellationToken);
        }

        return outcome;
    }

    private async Task<Result<ProposalChange>> DecideAsync(Actor actor, string id, string? opinion, bool inReview, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!inReview)
        {
            var submitted = await workflow.SubmitAsync(actor, id, null, wordsChecked: false, cancellationToken);
            if (submitted.Failure is { } notSubmitted)
            {
                await RollBackAsync(transaction);
                return Refusal(notSubmitted);
            }
        }

        var approved = await workflow.ApproveAsync(actor, id, null, null, opinion, cancellationToken);
        if (approved.Failure is { } notApproved)
        {
            await RollBackAsync(transaction);
            return Refusal(notApproved);
        }

        var record = await db.Set<ProposalRecord>().AsNoTracking().FirstAsync(r => r.ContentItemId == id, cancellationToken);
        var (version, stage, _) = approved.Value!;
        var published = version.Status == ContentStatus.Published;
        audit.Stage(actor.Name, AuditActions.ProposalPublished, id, published ? $"{record.Number} 发布" : $"{record.Number} “{stage}”待办", version.Number, version.ContentHash, actor.Address);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        // The sinks that wrote rows inside the transaction (member links, the proposal record) hear the change
        // again now and write those rows afresh; what they added before is committed and must not stay tracked.
        db.ChangeTracker.Clear();
        await contents.NotifyCommittedAsync(cancellationToken);
        return new ProposalChange(id, record.Number, record.Status) { Published = published, NextStage = published ? null : stage };
    }

    private async Task RollBackAsync(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction)
    {
        await transaction.RollbackAsync();
        db.ChangeTracker.Clear();
    }

    /// <summary>The workflow's refusal as this command's failure; a word check that stops submission is bad input (400).</summary>
    private static Failure Refusal(Failure failure) => failure switch
    {
        Failure.NotFound => new Failure.NotFound(ProposalTexts.Missing),
        Failure.Forbidden => failure,
        Failure.Conflict => new Failure.Conflict(failure.Detail),
        Failure.WordsFound words => new Failure.Invalid("body", words.Detail + (words.Check.Hits.Count > 0 ? "：" + string.Join("、", words.Check.Hits.Select(h => h.Term).Distinct()) : "")),
        _ => new Failure.Invalid("body", failure.Detail),
    };
}
