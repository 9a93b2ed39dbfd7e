using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PublicitySite.Audit;
using PublicitySite.Commands;
using PublicitySite.Contents;
using PublicitySite.Contents.Definitions;

namespace PublicitySite.Workflow;

/// <summary>The review stages: submission, each stage's approval and a return to the author or an earlier stage.</summary>
public sealed partial class WorkflowService
{
    /// <summary>
    /// Sends the latest draft to the first stage, after the 错敏词 check: blocking terms stop it, warning terms
    /// need <paramref name="wordsChecked"/> (已核对). The check result is stored with the version.
    /// </summary>
    public async Task<Result<WorkflowChange>> SubmitAsync(Actor actor, string id, int? expectedVersion, bool wordsChecked, CancellationToken cancellationToken = default)
    {
        var (item, latest) = await LoadAsync(id, cancellationToken);
        if (item is null || latest is null)
        {
            return new Failure.NotFound();
        }

        var policy = Policy;
        if (!policy.Has(actor, Permissions.SubmitContent, item.ContentType, latest.Column) || !policy.CanEdit(actor, item, latest.Column))
        {
            return await DenyAsync(actor, "submit", id, item.Owner == actor.Name ? "您的角色无权提交此内容" : "您只能提交自己撰写的内容", cancellationToken);
        }

        if (Stale(item, expectedVersion) is { } stale)
        {
            return stale;
        }

        if (latest.Status != ContentStatus.Draft)
        {
            return ContentFailures.Conflict($"第 {latest.Number} 版当前状态为“{StatusLabel(latest.Status)}”，只有草稿可以提交审核", item.LatestVersion);
        }

        var check = await CheckWordsAsync(latest, wordsChecked, cancellationToken);
        if (check.HasBlocking || (check.HasWarnings && !wordsChecked))
        {
            var message = check.HasBlocking ? "稿件含有须修改的错敏词，不能提交" : "稿件含有需核对的词语，请逐条核对后勾选“已核对”再提交";
            return new Failure.WordsFound(message, check);
        }

        var review = await ReviewOfAsync(latest, cancellationToken);
        review.Stage = 0;
        review.SubmittedBy = actor.Name;
        review.SubmittedUtc = Now;
        review.Approvals = [];
        review.WordCheck = check.ToJson();
        review.Revision++;
        latest.Status = ContentStatus.InReview;
        var stage = policy.StagesOf(item.ContentType)[0];
        AddStep(latest, -1, "提交", ReviewDecision.Submitted, actor, null, null);
        audit.Stage(actor.Name, AuditActions.Submitted, id, $"提交至“{stage.Name}”" + (check.Hits.Count > 0 ? $"；错敏词 {check.Hits.Count} 处已核对" : ""), latest.Number, latest.ContentHash, actor.Address);
        return await CommitAsync(latest, stage.Name, cancellationToken);
    }

    /// <summary>Approves the latest version at its stage; at the last stage it is published now or at <paramref name="at"/>.</summary>
    public Task<Result<WorkflowChange>> ApproveAsync(Actor actor, string id, int? expectedVersion, DateTime? at, CancellationToken cancellationToken = default) =>
        ApproveAsync(actor, id, expectedVersion, at, null, cancellationToken);

    /// <summary>
    /// Approves the latest version at its stage with an optional opinion (意见), kept with the version for the
    /// 审签单; at the last stage it is published now or at <paramref name="at"/>.
    /// </summary>
    public async Task<Result<WorkflowChange>> ApproveAsync(Actor actor, string id, int? expectedVersion, DateTime? at, string? comment, CancellationToken cancellationToken = default)
    {
        if (comment is { Length: > MaxOpinion })
        {
            return Failure.Invalid.Of($"审核意见不超过 {MaxOpinion} 字");
        }

        var (item, latest) = await LoadAsync(id, cancellationToken);
        if (item is null || latest is null)
        {
            return new Failure.NotFound();
        }

        var review = latest.Status == ContentStatus.InReview ? await db.Set<VersionReview>().FirstOrDefaultAsync(r => r.VersionId == latest.Id, cancellationToken) : null;
        if (review is null || review.Stage < 0)
        {
            return ContentFailures.Conflict(WorkflowTexts.NotInReview(latest.Number, StatusLabel(latest.Status)), item.LatestVersion);
        }

        var policy = Policy;
        var stages = policy.StagesOf(item.ContentType);
        var stage = Math.Min(review.Stage, stages.Count - 1);
        if (policy.CannotActAtStage(actor, item.ContentType, latest.Column, stage) is { } reason)
        {
            return await DenyAsync(actor, "approve", id, reason, cancellationToken);
        }

        if (await WroteOrEditedAsync(actor, item, latest, cancellationToken))
        {
            return await DenyAsync(actor, "approve", id, "不能审批自己撰写或修改过的稿件（审稿须由他人进行）", cancellationToken);
        }

        if (review.Approvers.Contains(actor.Name))
        {
            return await DenyAsync(actor, "approve", id, "同一稿件的各审级须由不同人员办理，您已审批过前一环节", cancellationToken);
        }

        if (Stale(item, expectedVersion) is { } stale)
        {
            return stale;
        }

        var final = stage == stages.Count - 1;
        if (!final && at is not null)
        {
            return Failure.Invalid.Of($"只有“{stages[^1].Name}”环节可以定时发布");
        }

        review.Approvals = [.. review.Approvals, $"{stages[stage].Name}|{actor.Name}|{Now.ToString("O", CultureInfo.InvariantCulture)}"];
        review.Revision++;
        AddStep(latest, stage, stages[stage].Name, ReviewDecision.Approved, actor, comment, null);
        if (!final)
        {
            review.Stage = stage + 1;
            audit.Stage(actor.Name, AuditActions.Approved, id, $"“{stages[stage].Name}”通过，转“{stages[stage + 1].Name}”", latest.Number, latest.ContentHash, actor.Address);
            return await CommitAsync(latest, stages[stage + 1].Name, cancellationToken);
        }

        review.Stage = -1;
        audit.Stage(actor.Name, AuditActions.Approved, id, $"“{stages[stage].Name}”通过", latest.Number, latest.ContentHash, actor.Address);
        return await PublishApprovedAsync(actor, item, latest, at, cancellationToken);
    }

    /// <summary>Sends the version back to its author as a draft, with the reason (required).</summary>
    public Task<Result<WorkflowChange>> RejectAsync(Actor actor, string id, int? expectedVersion, string? comment, CancellationToken cancellationToken = default) =>
        RejectAsync(actor, id, expectedVersion, comment, null, cancellationToken);

    /// <summary>
    /// Sends the version back with the reason (required): to its author as a draft when <paramref name="returnTo"/>
    /// is null, or to an earlier stage by name, where it waits in review again. The approvals from that stage on
    /// are void (those people decide again); their opinions stay in the steps.
    /// </summary>
    public async Task<Result<WorkflowChange>> RejectAsync(Actor actor, string id, int? expectedVersion, string? comment, string? returnTo, CancellationToken cancellationToken = default)
    {
        var (item, latest) = await LoadAsync(id, cancellationToken);
        if (item is null || latest is null)
        {
            return new Failure.NotFound();
        }

        var review = latest.Status == ContentStatus.InReview ? await db.Set<VersionReview>().FirstOrDefaultAsync(r => r.VersionId == latest.Id, cancellationToken) : null;
        if (review is null || review.Stage < 0)
        {
            return ContentFailures.Conflict(WorkflowTexts.NotInReview(latest.Number, StatusLabel(latest.Status)), item.LatestVersion);
        }

        var stages = Policy.StagesOf(item.ContentType);
        var stage = Math.Min(review.Stage, stages.Count - 1);
        if (Policy.CannotActAtStage(actor, item.ContentType, latest.Column, stage) is { } reason)
        {
            return await DenyAsync(actor, "reject", id, reason, cancellationToken);
        }

        if (string.IsNullOrWhiteSpace(comment))
        {
            return Failure.Invalid.Of("退回时须填写退回意见");
        }

        if (comment.Length > MaxOpinion)
        {
            return Failure.Invalid.Of($"退回意见不超过 {MaxOpinion} 字");
        }

        var target = -1;
        if (!string.IsNullOrWhiteSpace(returnTo) && returnTo.Trim() is var name && name != AuthorTarget)
        {
            target = stages.Select(s => s.Name).ToList().IndexOf(name);
            if (target < 0 || target >= stage)
            {
                return Failure.Invalid.Of($"只能退回至作者或本环节之前的环节（{string.Join("、", stages.Take(stage).Select(s => s.Name).Prepend(AuthorTarget))}），“{name}”不在其中");
            }
        }

        if (Stale(item, expectedVersion) is { } stale)
        {
            return stale;
        }

        AddStep(latest, stage, stages[stage].Name, ReviewDecision.Returned, actor, comment.Trim(), target >= 0 ? stages[target].Name : null);
        if (target >= 0)
        {
            review.Stage = target;
            review.Approvals = [.. review.Approvals.Take(target)];
            review.Revision++;
            audit.Stage(actor.Name, AuditActions.Rejected, id, $"“{stages[stage].Name}”退回至“{stages[target].Name}”：{comment.Trim()}", latest.Number, latest.ContentHash, actor.Address);
            return await CommitAsync(latest, stages[target].Name, cancellationToken);
        }

        review.Stage = -1;
        review.RejectComment = comment.Trim();
        review.RejectedBy = actor.Name;
        review.RejectedUtc = Now;
        review.Revision++;
        latest.Status = ContentStatus.Draft;
        audit.Stage(actor.Name, AuditActions.Rejected, id, $"“{stages[stage].Name}”退回：{review.RejectComment}", latest.Number, latest.ContentHash, actor.Address);
        return await CommitAsync(latest, null, cancellationToken);
    }
}
