using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PublicitySite.Contents;
using PublicitySite.Storage;

namespace PublicitySite.Webhooks;

/// <summary>Registering hooks, and putting events into the outbox (in the caller's transaction).</summary>
public sealed class WebhookService(AppDbContext db, TimeProvider clock)
{
    public async Task<(Webhook? Hook, string? Error)> AddAsync(string url, IReadOnlyCollection<string> events, string? secret = null, CancellationToken cancellationToken = default)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return (null, "地址应为 http 或 https 开头的完整网址");
        }

        var unknown = events.Except(WebhookEvents.All).ToList();
        if (events.Count == 0 || unknown.Count > 0)
        {
            return (null, $"事件应为：{string.Join(", ", WebhookEvents.All)}");
        }

        var hook = new Webhook
        {
            Url = uri.ToString(),
            Events = string.Join(' ', events.Distinct()),
            Secret = string.IsNullOrEmpty(secret) ? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24)) : secret,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Set<Webhook>().Add(hook);
        await db.SaveChangesAsync(cancellationToken);
        return (hook, null);
    }

    public Task<List<Webhook>> ListAsync(CancellationToken cancellationToken = default) =>
        db.Set<Webhook>().AsNoTracking().OrderBy(h => h.Id).ToListAsync(cancellationToken);

    public async Task<bool> RemoveAsync(long id, CancellationToken cancellationToken = default) =>
        await db.Set<Webhook>().Where(h => h.Id == id).ExecuteDeleteAsync(cancellationToken) > 0;

    public Task<List<WebhookDelivery>> DeliveriesAsync(long hookId, int take = 50, CancellationToken cancellationToken = default) =>
        db.Set<WebhookDelivery>().AsNoTracking().Where(d => d.WebhookId == hookId).OrderByDescending(d => d.Id).Take(take).ToListAsync(cancellationToken);

    /// <summary>
    /// Adds a delivery row for every active hook that wants the event, on <paramref name="context"/> without
    /// saving: the caller's SaveChanges commits it with the change it reports.
    /// </summary>
    public static async Task EnqueueAsync(AppDbContext context, string eventName, object payload, DateTime now, CancellationToken cancellationToken)
    {
        var hooks = await context.Set<Webhook>().AsNoTracking().Where(h => h.Active).ToListAsync(cancellationToken);
        var body = JsonSerializer.Serialize(payload, StorageJson.Options);
        foreach (var hook in hooks.Where(h => h.Wants(eventName)))
        {
            context.Set<WebhookDelivery>().Add(new WebhookDelivery { WebhookId = hook.Id, Event = eventName, Payload = body, CreatedUtc = now, NextAttemptUtc = now });
        }
    }
}

/// <summary>Turns content publication changes into outbox rows, inside the change's own transaction.</summary>
internal sealed class WebhookContentStager(TimeProvider clock) : IContentChangeStager
{
    public async ValueTask StageAsync(AppDbContext db, ContentChange change, CancellationToken cancellationToken)
    {
        var eventName = change.Kind switch
        {
            ContentChangeKind.Published => WebhookEvents.Published,
            ContentChangeKind.Unpublished or ContentChangeKind.Deleted => WebhookEvents.Unpublished,
            _ => null,
        };
        if (eventName is null)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var item = db.ContentItems.Local.FirstOrDefault(i => i.Id == change.ContentItemId);
        var version = db.ContentItemVersions.Local.FirstOrDefault(v => v.ContentItemId == change.ContentItemId && v.Number == change.Version);
        await WebhookService.EnqueueAsync(db, eventName, new
        {
            @event = eventName,
            id = change.ContentItemId,
            type = change.ContentType,
            version = change.Version,
            title = version?.Title,
            column = change.Column,
            url = item?.Path is { } path ? "/" + path : null,
            api = $"/api/content/{change.ContentItemId}",
            occurredUtc = now,
        }, now, cancellationToken);
    }
}
