using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PublicitySite.Audit;
using PublicitySite.Commands;
using PublicitySite.Contents;
using PublicitySite.Contents.Definitions;

namespace PublicitySite.Workflow;

/// <summary>Creating and editing drafts, and restoring an old version as a new one.</summary>
public sealed partial class WorkflowService
{
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
}
