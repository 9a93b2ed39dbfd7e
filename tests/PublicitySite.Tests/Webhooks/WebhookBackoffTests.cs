using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublicitySite.Contents;
using PublicitySite.Storage;
using PublicitySite.Tests.Admin;
using PublicitySite.Tests.Infrastructure;
using PublicitySite.Webhooks;

namespace PublicitySite.Tests.Webhooks;

/// <summary>
/// A dead receiver after an import of many items: the hook backs off as a whole (doubling from FirstRetry),
/// so attempts do not grow with the number of queued events, and a hook that keeps failing is paused with a
/// notice on /admin/webhooks, its deliveries kept until an administrator enables it again.
/// </summary>
public sealed class WebhookBackoffTests
{
    [Fact]
    public async Task A_dead_receiver_costs_one_attempt_per_wait_however_many_events_are_queued_and_is_paused()
    {
        await using var receiver = await LoopbackReceiver.StartAsync(failFirst: 1000);
        using var site = new TestSite(seed: false, settings: new()
        {
            ["Webhooks:FirstRetry"] = "00:00:00.300",
            ["Webhooks:PollInterval"] = "00:00:00.100",
            ["Webhooks:PauseAfterFailures"] = "4",
            ["Webhooks:MaxAttempts"] = "50",
        });
        _ = site.Server;
        long hookId;
        await using (var scope = site.Services.CreateAsyncScope())
        {
            hookId = (await scope.ServiceProvider.GetRequiredService<WebhookService>().AddAsync(receiver.Url, [WebhookEvents.Published])).Hook!.Id;
            var manager = scope.ServiceProvider.GetRequiredService<ContentManager>();
            for (var i = 0; i < 20; i++)
            {
                var created = await manager.CreateAsync("News", new JsonObject { ["title"] = $"批量导入第{i}条", ["column"] = "通知公告", ["body"] = "正文" }, "admin");
                await manager.PublishAsync(created.Value!.ContentItemId);
            }
        }

        Assert.True(await WaitAsync(() => PausedAsync(site, hookId), TimeSpan.FromSeconds(60)), "the hook was never paused");
        var attempts = receiver.Received.Count;
        await Task.Delay(1500);

        // 0.3 + 0.6 + 1.2 s of waiting between 4 failures: 4 attempts, not 20 events × retries.
        Assert.Equal(4, attempts);
        Assert.Equal(attempts, receiver.Received.Count); // paused: nothing more is tried
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var waiting = await db.Set<WebhookDelivery>().CountAsync(d => d.WebhookId == hookId && d.DeliveredUtc == null && !d.Abandoned);
            Assert.Equal(20, waiting); // kept for when the hook is enabled again
        }

        using var admin = await AdminSession.LoginAsync(site, "webhook-admin", "Administrator");
        var (status, html) = await admin.GetAsync("/admin/webhooks");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"Webhook #{hookId}", html, StringComparison.Ordinal);
        Assert.Contains("连续失败 4 次，已于", html, StringComparison.Ordinal);
        Assert.Contains("已暂停（连续失败）", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enabling_a_paused_hook_sends_what_waited()
    {
        await using var receiver = await LoopbackReceiver.StartAsync(failFirst: 2);
        using var site = new TestSite(seed: false, settings: new()
        {
            ["Webhooks:FirstRetry"] = "00:00:00.100",
            ["Webhooks:PollInterval"] = "00:00:00.100",
            ["Webhooks:PauseAfterFailures"] = "2",
        });
        _ = site.Server;
        long hookId;
        await using (var scope = site.Services.CreateAsyncScope())
        {
            hookId = (await scope.ServiceProvider.GetRequiredService<WebhookService>().AddAsync(receiver.Url, [WebhookEvents.Published])).Hook!.Id;
            var manager = scope.ServiceProvider.GetRequiredService<ContentManager>();
            var created = await manager.CreateAsync("News", new JsonObject { ["title"] = "暂停后补发", ["column"] = "通知公告", ["body"] = "正文" }, "admin");
            await manager.PublishAsync(created.Value!.ContentItemId);
        }

        Assert.True(await WaitAsync(() => PausedAsync(site, hookId), TimeSpan.FromSeconds(30)), "the hook was never paused");
        using var admin = await AdminSession.LoginAsync(site, "webhook-admin2", "Administrator");
        await admin.PostAsync("/admin/webhooks?handler=Active", new() { ["id"] = hookId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["active"] = "true" }, "/admin/webhooks");

        Assert.True(await receiver.WaitUntilAsync(r => r.Received.Any(x => x.Status == 200), TimeSpan.FromSeconds(30)), "not sent after enabling");
        Assert.False(await PausedAsync(site, hookId));
    }

    private static async Task<bool> PausedAsync(TestSite site, long hookId)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Set<Webhook>().AsNoTracking().AnyAsync(h => h.Id == hookId && h.PausedUtc != null);
    }

    private static async Task<bool> WaitAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(100);
        }

        return false;
    }
}
