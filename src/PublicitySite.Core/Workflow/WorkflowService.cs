using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PublicitySite.Audit;
using PublicitySite.Commands;
using PublicitySite.Contents;
using PublicitySite.Contents.Definitions;
using PublicitySite.Media;
using PublicitySite.Storage;
using PublicitySite.Words;

namespace PublicitySite.Workflow;

/// <summary>
/// Every editorial action, checked against the recipe's roles and stages before anything is written:
/// create, edit, submit, approve, reject, publish (now or later), unpublish (now or later), restore. The
/// admin pages and the write API both come here, so a rule holds on every path. The change, its review
/// record and its audit line are saved in one <c>SaveChanges</c>: a refused or failed action leaves nothing.
/// </summary>
public sealed class WorkflowService(
    AppDbContext db,
    ContentManager content,
    SiteDefinitionStore definitions,
    AuditLog audit,
    WordList words,
    MediaFieldCheck media,
    TimeProvider clock)
{
    /// <summary>The longest opinion (意见) a stage may give.</summary>
    public const int MaxOpinion = 2000;

    /// <summary>The <c>returnTo</c> value that sends a version back to its author (as does no value).</summary>
    public const string AuthorTarget = "作者";

    public WorkflowPolicy Policy => new(definitions.Current);

    public async Task<Result<WorkflowChange>> CreateAsync(Actor actor, string contentType, JsonObject values, CancellationToken cancellationToken = default)
    {
        var policy = Policy;
        var type = policy.Site.FindType(contentType);
        var column = ColumnOf(policy.Site, values);
        if (type is not null && !policy.Has(actor, Permissions.CreateContent, type.Name, column))
        {
            return await DenyAsync(actor, "create", contentType, $"您的角色（{policy.RoleLabel(actor.Role)}）无权在此类型或栏目下新建内容", cancellationToken);
        }

        if (type is not null && await media.CheckAsync(policy.Site, type, values, null, cancellationToken) is { Count: > 0 } mediaErrors)
        {
            return Failure.Invalid.Of(mediaErrors);
        }

        var result = await content.CreateAsync(contentType, values, actor.Name, cancellationToken: cancellationToken);
        if (result.Failure is { } failure)
        {
            return failure;
        }

        var v = result.Value!;
        await audit.WriteAsync(actor.Name, AuditActions.Created, v.ContentItemId, v.Title, v.Number, v.ContentHash, actor.Address, cancellationToken);
        return new WorkflowChange(v, WordCheck: await CheckWordsAsync(v, cancellationToken));
    }

    /// <summary>
    /// Saves a new draft on top of <paramref name="expectedVersion"/>. A version in review is withdrawn from
    /// review (its text stays exactly as reviewed) and the new draft must be submitted again.
    /// </summary>
    public Task<Result<WorkflowChange>> UpdateAsync(Actor actor, string id, int expectedVersion, JsonObject values, CancellationToken cancellationToken = default) =>
        SaveAsync(actor, id, expectedVersion, values, null, cancellationToken);

    /// <param name="restoring">
    /// The old version being restored, whose Media values were accepted when it was saved: they are compared with
    /// it rather than with the latest version, so restoring never fails on a file the old version already held.
    /// </param>
    private async Task<Result<WorkflowChange>> SaveAsync(Actor actor, string id, int expectedVersion, JsonObject values, ContentItemVersion? restoring, CancellationToken cancellationToken)
    {
        var (item, latest) = await LoadAsync(id, cancellationToken);
        if (item is null || latest is null)
        {
            return new Failure.NotFound();
        }

        var policy = Policy;
        var newColumn = values.Any(kv => kv.Key.Equals("column", StringComparison.OrdinalIgnoreCase)) ? ColumnOf(policy.Site, values) : latest.Column;
        if (!policy.CanEdit(actor, item, latest.Column) || !policy.CanEdit(actor, item, newColumn))
        {
            return await DenyAsync(actor, "edit", id, item.Owner == actor.Name ? "您的角色无权修改此内容" : "您只能修改自己撰写的内容", cancellationToken);
        }

        if (item.LatestVersion != expectedVersion)
        {
            return ContentFailures.Conflict($"内容已被他人修改（当前为第 {item.LatestVersion} 版，您编辑的是第 {expectedVersion} 版），请基于最新版本重新编辑", item.LatestVersion);
        }

        if (policy.Site.FindType(item.ContentType) is { } type
            && await media.CheckAsync(policy.Site, type, values, ContentData.Parse((restoring ?? latest).Data), cancellationToken) is { Count: > 0 } mediaErrors)
        {
            return Failure.Invalid.Of(mediaErrors);
        }

        await WithdrawAsync(latest, actor, cancellationToken);
        var result = await content.UpdateAsync(id, expectedVersion, values, actor.Name, cancellationToken);
        if (result.Failure is { } failure)
        {
            db.ChangeTracker.Clear();
            return failure;
        }

        var v = result.Value!;
        await audit.WriteAsync(actor.Name, AuditActions.Saved, id, v.Title, v.Number, v.ContentHash, actor.Address, cancellationToken);
        return new WorkflowChange(v, WordCheck: await CheckWordsAsync(v, cancellationToken));
    }

    /// <summary>Copies an old version into a new draft; the history keeps every version as it was.</summary>
    public async Task<Result<WorkflowChange>> RestoreAsync(Actor actor, string id, int number, int? expectedVersion, CancellationToken cancellationToken = default)
    {
        var (item, latest) = await LoadAsync(id, cancellationToken);
        var old = item is null ? null : await db.ContentItemVersions.AsNoTracking().FirstOrDefaultAsync(v => v.ContentItemId == id && v.Number == number, cancellationToken);
        if (item is null || latest is null || old is null)
        {
            return new Failure.NotFound();
        }

        if (!Policy.CanEdit(actor, item, latest.Column) || !Policy.CanEdit(actor, item, old.Column))
        {
            return await DenyAsync(actor, "restore", id, "您无权修改此内容，不能恢复历史版本", cancellationToken);
        }

        var values = new JsonObject();
        foreach (var (_, part) in ContentData.Parse(old.Data))
        {
            foreach (var (field, value) in part as JsonObject ?? [])
            {
                values[field] = value?.DeepClone();
            }
        }

        var result = await SaveAsync(actor, id, expectedVersion ?? item.LatestVersion, values, old, cancellationToken);
        if (result.Value is { Version: var restored })
        {
            await audit.WriteAsync(actor.Name, AuditActions.Restored, id, $"由第 {number} 版恢复为第 {restored.Number} 版草稿", restored.Number, restored.ContentHash, actor.Address, cancellationToken);
        }

        return result;
    }

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

    /// <summary>
    /// 签发: the last stage's approval, now or at <paramref name="at"/>. A version that passed review and was
    /// taken down may be put back by a publisher. Nothing unreviewed is ever published (先审后发).
    /// </summary>
    public Task<Result<WorkflowChange>> PublishAsync(Actor actor, string id, int? expectedVersion, DateTime? at, CancellationToken cancellationToken = default) =>
        PublishAsync(actor, id, expectedVersion, at, null, cancellationToken);

    /// <summary>签发 with an optional opinion (意见) when the version waits at the last stage.</summary>
    public async Task<Result<WorkflowChange>> PublishAsync(Actor actor, string id, int? expectedVersion, DateTime? at, string? comment, CancellationToken cancellationToken = default)
    {
        var (item, latest) = await LoadAsync(id, cancellationToken);
        if (item is null || latest is null)
        {
            return new Failure.NotFound();
        }

        if (latest.Status == ContentStatus.InReview)
        {
            return await ApproveAsync(actor, id, expectedVersion, at, comment, cancellationToken);
        }

        if (!Policy.Has(actor, Permissions.PublishContent, item.ContentType, latest.Column))
        {
            return await DenyAsync(actor, "publish", id, $"您的角色（{Policy.RoleLabel(actor.Role)}）无权签发发布", cancellationToken);
        }

        if (Stale(item, expectedVersion) is { } stale)
        {
            return stale;
        }

        if (latest.Status != ContentStatus.Unpublished)
        {
            return ContentFailures.Conflict($"第 {latest.Number} 版当前状态为“{StatusLabel(latest.Status)}”，未经审核的稿件不能发布（先审后发）", item.LatestVersion);
        }

        return await PublishApprovedAsync(actor, item, latest, at, cancellationToken);
    }

    /// <summary>Takes the published version off the site now, or at <paramref name="at"/> (expiry).</summary>
    public async Task<Result<WorkflowChange>> UnpublishAsync(Actor actor, string id, DateTime? at, CancellationToken cancellationToken = default)
    {
        var (item, latest) = await LoadAsync(id, cancellationToken);
        if (item is null || latest is null)
        {
            return new Failure.NotFound();
        }

        var published = item.PublishedVersion is { } n ? await db.ContentItemVersions.FirstOrDefaultAsync(v => v.ContentItemId == id && v.Number == n, cancellationToken) : null;
        if (!Policy.Has(actor, Permissions.UnpublishContent, item.ContentType, published?.Column ?? latest.Column))
        {
            return await DenyAsync(actor, "unpublish", id, $"您的角色（{Policy.RoleLabel(actor.Role)}）无权撤下已发布内容", cancellationToken);
        }

        if (published is null)
        {
            var scheduled = await db.ContentItemVersions.Where(v => v.ContentItemId == id && v.Status == ContentStatus.Scheduled).ToListAsync(cancellationToken);
            if (scheduled.Count == 0 || at is not null)
            {
                return ContentFailures.Conflict("该内容当前未发布", item.LatestVersion);
            }

            // Unpublishing something only scheduled cancels the schedule: it never goes out.
            foreach (var v in scheduled)
            {
                v.Status = ContentStatus.Unpublished;
            }

            audit.Stage(actor.Name, AuditActions.Unpublished, id, "取消定时发布", scheduled[0].Number, scheduled[0].ContentHash, actor.Address);
            return await CommitAsync(scheduled[0], null, cancellationToken);
        }

        if (at is { } when && when > Now)
        {
            db.Set<ScheduledAction>().Add(new ScheduledAction { ContentItemId = id, VersionNumber = published.Number, Kind = ScheduledKind.Unpublish, DueUtc = when, RequestedBy = actor.Name });
            audit.Stage(actor.Name, AuditActions.UnpublishScheduled, id, $"定时撤下：{SiteTime.ToLocal(when):yyyy-MM-dd HH:mm}", published.Number, published.ContentHash, actor.Address);
            return await CommitAsync(published, null, cancellationToken);
        }

        audit.Stage(actor.Name, AuditActions.Unpublished, id, null, published.Number, published.ContentHash, actor.Address);
        var result = await content.UnpublishAsync(id, cancellationToken);
        return Finish(result);
    }

    private async Task<Result<WorkflowChange>> PublishApprovedAsync(Actor actor, ContentItem item, ContentItemVersion version, DateTime? at, CancellationToken cancellationToken)
    {
        // The editor's 定时发布 / 定时下线 fields (PublishLaterPart) apply unless the publisher names a time.
        var data = ContentData.Parse(version.Data);
        at ??= TimeField(data, "PublishAt") is { } planned && planned > Now ? planned : null;
        if (TimeField(data, "UnpublishAt") is { } expiry && expiry > (at ?? Now))
        {
            db.Set<ScheduledAction>().Add(new ScheduledAction { ContentItemId = item.Id, VersionNumber = version.Number, Kind = ScheduledKind.Unpublish, DueUtc = expiry, RequestedBy = actor.Name });
            audit.Stage(actor.Name, AuditActions.UnpublishScheduled, item.Id, $"定时下线：{SiteTime.ToLocal(expiry):yyyy-MM-dd HH:mm}", version.Number, version.ContentHash, actor.Address);
        }

        if (at is { } when && when > Now)
        {
            db.Set<ScheduledAction>().Add(new ScheduledAction { ContentItemId = item.Id, VersionNumber = version.Number, Kind = ScheduledKind.Publish, DueUtc = when, RequestedBy = actor.Name });
            audit.Stage(actor.Name, AuditActions.Scheduled, item.Id, $"定时发布：{SiteTime.ToLocal(when):yyyy-MM-dd HH:mm}", version.Number, version.ContentHash, actor.Address);
        }
        else
        {
            audit.Stage(actor.Name, AuditActions.Published, item.Id, null, version.Number, version.ContentHash, actor.Address);
        }

        try
        {
            return Finish(await content.PublishAsync(item.Id, version.Number, at, cancellationToken: cancellationToken));
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return ContentFailures.Conflict(WorkflowTexts.Raced);
        }
    }

    private static DateTime? TimeField(JsonObject data, string field) =>
        DateTimeOffset.TryParse(ContentData.GetString(data, BuiltInParts.PublishLater, field), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time.UtcDateTime
            : null;

    private Result<WorkflowChange> Finish(Result<ContentItemVersion> result)
    {
        if (result.Failure is { } failure)
        {
            db.ChangeTracker.Clear();
            return failure;
        }

        return new WorkflowChange(result.Value!);
    }

    /// <summary>Anyone who wrote any version since the last publication took part in writing this text.</summary>
    private async Task<bool> WroteOrEditedAsync(Actor actor, ContentItem item, ContentItemVersion version, CancellationToken cancellationToken)
    {
        var since = item.PublishedVersion ?? 0;
        return version.Author == actor.Name
            || await db.ContentItemVersions.AnyAsync(v => v.ContentItemId == item.Id && v.Number > since && v.Number <= version.Number && v.Author == actor.Name, cancellationToken);
    }

    private async Task WithdrawAsync(ContentItemVersion latest, Actor actor, CancellationToken cancellationToken)
    {
        if (latest.Status != ContentStatus.InReview)
        {
            return;
        }

        latest.Status = ContentStatus.Draft;
        if (await db.Set<VersionReview>().FirstOrDefaultAsync(r => r.VersionId == latest.Id, cancellationToken) is { } review)
        {
            review.Stage = -1;
            review.Revision++;
        }

        audit.Stage(actor.Name, AuditActions.Saved, latest.ContentItemId, $"修改审核中的第 {latest.Number} 版，该版撤回审核", latest.Number, latest.ContentHash, actor.Address);
    }

    /// <summary>
    /// The 错敏词 check of a saved version, as a warning: saving never waits on it, submitting does
    /// (<see cref="SubmitAsync"/>). Reads only.
    /// </summary>
    public Task<WordCheckResult> CheckWordsAsync(ContentItemVersion version, CancellationToken cancellationToken = default) =>
        CheckWordsAsync(version, false, cancellationToken);

    private async Task<WordCheckResult> CheckWordsAsync(ContentItemVersion version, bool acknowledged, CancellationToken cancellationToken)
    {
        var data = ContentData.Parse(version.Data);
        var list = await words.GetAsync(cancellationToken);
        var hits = WordChecker.Find(list,
        [
            ("标题", version.Title),
            ("摘要", ContentData.GetString(data, BuiltInParts.Summary, "Summary")),
            ("正文", RichText.BodyRenderer.ToIndexText(RichText.RichBody.Of(data))),
        ]);
        return new WordCheckResult { Hits = hits, Acknowledged = acknowledged && hits.Count > 0, CheckedUtc = Now };
    }

    private void AddStep(ContentItemVersion version, int stageIndex, string stage, ReviewDecision decision, Actor actor, string? comment, string? returnedTo) =>
        db.Set<ReviewStep>().Add(new ReviewStep
        {
            VersionId = version.Id,
            ContentItemId = version.ContentItemId,
            Number = version.Number,
            StageIndex = stageIndex,
            Stage = stage,
            Decision = decision,
            By = actor.Name,
            AtUtc = Now,
            Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(),
            ReturnedTo = returnedTo,
        });

    private async Task<VersionReview> ReviewOfAsync(ContentItemVersion version, CancellationToken cancellationToken)
    {
        var review = await db.Set<VersionReview>().FirstOrDefaultAsync(r => r.VersionId == version.Id, cancellationToken);
        if (review is null)
        {
            review = new VersionReview { VersionId = version.Id, ContentItemId = version.ContentItemId, Number = version.Number };
            db.Set<VersionReview>().Add(review);
        }

        return review;
    }

    private async Task<Result<WorkflowChange>> CommitAsync(ContentItemVersion version, string? stage, CancellationToken cancellationToken)
    {
        version.ModifiedUtc = Now;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return ContentFailures.Conflict(WorkflowTexts.Raced);
        }

        return new WorkflowChange(version, stage);
    }

    private async Task<Result<WorkflowChange>> DenyAsync(Actor actor, string action, string target, string reason, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await audit.WriteAsync(actor.Name, AuditActions.Denied, target, $"{action}：{reason}", address: actor.Address, cancellationToken: cancellationToken);
        return new Failure.Forbidden(reason);
    }

    private static Failure? Stale(ContentItem item, int? expectedVersion) =>
        expectedVersion is { } expected && expected != item.LatestVersion
            ? ContentFailures.Conflict($"内容已有更新的版本（当前为第 {item.LatestVersion} 版，您看到的是第 {expected} 版），请刷新后再办理", item.LatestVersion)
            : null;

    private async Task<(ContentItem? Item, ContentItemVersion? Latest)> LoadAsync(string id, CancellationToken cancellationToken)
    {
        if (!ContentIds.IsValid(id))
        {
            return (null, null);
        }

        var item = await db.ContentItems.FirstOrDefaultAsync(i => i.Id == id && !i.Deleted, cancellationToken);
        var latest = item is null ? null : await db.ContentItemVersions.FirstOrDefaultAsync(v => v.ContentItemId == id && v.Number == item.LatestVersion, cancellationToken);
        return (item, latest);
    }

    private static string? ColumnOf(SiteDefinition site, JsonObject values) =>
        values.FirstOrDefault(kv => kv.Key.Equals("column", StringComparison.OrdinalIgnoreCase)).Value is JsonValue raw
            ? site.FindColumn(raw.ToString())?.Name ?? raw.ToString()
            : null;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public static string StatusLabel(ContentStatus status) => status switch
    {
        ContentStatus.Draft => "草稿",
        ContentStatus.InReview => "审核中",
        ContentStatus.Approved => "已通过",
        ContentStatus.Scheduled => "定时发布",
        ContentStatus.Published => "已发布",
        ContentStatus.Unpublished => "已撤下",
        _ => "已归档",
    };
}
