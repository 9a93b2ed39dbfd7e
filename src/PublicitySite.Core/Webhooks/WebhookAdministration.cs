using Microsoft.EntityFrameworkCore;
using PublicitySite.Audit;
using PublicitySite.Commands;
using PublicitySite.Contents.Definitions;
using PublicitySite.Storage;
using PublicitySite.Workflow;

namespace PublicitySite.Webhooks;

/// <summary>
/// The admin's webhook actions, for roles holding settings.manage (administrators): register, enable or
/// disable, delete, and send a failed delivery again at once. Every change is audited.
/// </summary>
public sealed class WebhookAdministration(WebhookService hooks, AppDbContext db, SiteDefinitionStore definitions, AuditLog audit, TimeProvider clock)
{
    public const int LogSize = 50;

    public static IReadOnlyDictionary<string, string> EventLabels { get; } = new Dictionary<string, string>
    {
        [WebhookEvents.Published] = "内容发布",
        [WebhookEvents.Unpublished] = "内容撤下或删除",
        [WebhookEvents.ProposalStatusChanged] = "提案状态变化",
    };

    public bool MayManage(Actor actor) => new WorkflowPolicy(definitions.Current).Has(actor, Permissions.ManageSettings);

    /// <param name="secret">The signing secret; null generates one (the command line lets an operator give it).</param>
    public async Task<Result<Webhook>> AddAsync(Actor actor, string? url, IReadOnlyCollection<string> events, string? secret = null)
    {
        if (!MayManage(actor))
        {
            return new Failure.Forbidden(Refusal);
        }

        if (string.IsNullOrWhiteSpace(url) || url.Trim().Length > 500)
        {
            return Failure.Invalid.Of("请填写接收地址（http 或 https 开头的完整网址，最长 500 个字符）");
        }

        if (events.Count == 0)
        {
            return Failure.Invalid.Of("请至少选择一个事件");
        }

        var (hook, error) = await hooks.AddAsync(url.Trim(), events, secret);
        if (hook is null)
        {
            return Failure.Invalid.Of(error!);
        }

        await audit.WriteAsync(actor.Name, AuditActions.WebhookCreated, Target(hook.Id), $"{hook.Url}（{hook.Events}）", address: actor.Address);
        return hook;
    }

    public async Task<Result<Done>> SetActiveAsync(Actor actor, long id, bool active)
    {
        if (!MayManage(actor))
        {
            return new Failure.Forbidden(Refusal);
        }

        // Enabling also ends a pause: the hook starts afresh, its waiting deliveries are sent at once.
        var changed = active
            ? await db.Set<Webhook>().Where(h => h.Id == id).ExecuteUpdateAsync(s => s.SetProperty(h => h.Active, true)
                .SetProperty(h => h.PausedUtc, (DateTime?)null).SetProperty(h => h.PausedReason, (string?)null)
                .SetProperty(h => h.ConsecutiveFailures, 0).SetProperty(h => h.RetryAfterUtc, (DateTime?)null))
            : await db.Set<Webhook>().Where(h => h.Id == id).ExecuteUpdateAsync(s => s.SetProperty(h => h.Active, false));
        if (changed == 0)
        {
            return Missing;
        }

        await audit.WriteAsync(actor.Name, AuditActions.WebhookChanged, Target(id), active ? "启用" : "停用", address: actor.Address);
        return Done.Result;
    }

    public async Task<Result<Done>> DeleteAsync(Actor actor, long id)
    {
        if (!MayManage(actor))
        {
            return new Failure.Forbidden(Refusal);
        }

        var url = await db.Set<Webhook>().Where(h => h.Id == id).Select(h => h.Url).FirstOrDefaultAsync();
        if (url is null || !await hooks.RemoveAsync(id))
        {
            return Missing;
        }

        await audit.WriteAsync(actor.Name, AuditActions.WebhookDeleted, Target(id), url, address: actor.Address);
        return Done.Result;
    }

    /// <summary>
    /// Puts a failed delivery (given up, or waiting for its next retry) back at the head of the outbox. It gets
    /// one more attempt even past the retry limit; the caller wakes the dispatcher.
    /// </summary>
    public async Task<Result<Done>> RetryAsync(Actor actor, long hookId, long deliveryId)
    {
        if (!MayManage(actor))
        {
            return new Failure.Forbidden(Refusal);
        }

        var hook = await db.Set<Webhook>().AsNoTracking().FirstOrDefaultAsync(h => h.Id == hookId);
        var delivery = await db.Set<WebhookDelivery>().FirstOrDefaultAsync(d => d.Id == deliveryId && d.WebhookId == hookId);
        if (hook is null || delivery is null)
        {
            return new Failure.NotFound("投递记录不存在");
        }

        if (delivery.DeliveredUtc is not null || (!delivery.Abandoned && delivery.LastError is null))
        {
            return Failure.Invalid.Of("只有失败的投递可以重试");
        }

        if (!hook.Active)
        {
            return Failure.Invalid.Of("该 Webhook 已停用，请先启用再重试");
        }

        delivery.Abandoned = false;
        delivery.NextAttemptUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync();
        await audit.WriteAsync(actor.Name, AuditActions.WebhookRetried, Target(hookId), $"投递 #{deliveryId}（{delivery.Event}）", address: actor.Address);
        return Done.Result;
    }

    public const string Refusal = "只有管理员可以管理 Webhook";

    public const string MissingText = "Webhook 不存在";

    private static Result<Done> Missing => new Failure.NotFound(MissingText);

    private static string Target(long id) => $"webhook:{id}";
}
