using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PublicitySite.Audit;
using PublicitySite.Commands;
using PublicitySite.Contents;
using PublicitySite.Contents.Definitions;

namespace PublicitySite.Workflow;

/// <summary>签发 and taking down, now or at a set time.</summary>
public sealed partial class WorkflowService
{
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
}
