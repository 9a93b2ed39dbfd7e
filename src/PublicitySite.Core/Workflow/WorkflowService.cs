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
public sealed partial class WorkflowService(
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
