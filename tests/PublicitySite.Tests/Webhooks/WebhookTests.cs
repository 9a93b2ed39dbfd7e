using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublicitySite.Contents;
using PublicitySite.Storage;
using PublicitySite.Tests.Infrastructure;
using PublicitySite.Webhooks;

namespace PublicitySite.Tests.Webhooks;

public sealed class WebhookTests
{
    private static readonly Dictionary<string, string?> FastRetries = new()
    {
        ["Webhooks:FirstRetry"] = "00:00:00.200",
        ["Webhooks:PollInterval"] = "00:00:00.200",
    };

    private static async Task<T> InScope<T>(TestSite site, Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    private static Task<string> PublishNewsAsync(TestSite site, string title) => InScope(site, async sp =>
    {
        var manager = sp.GetRequiredService<ContentManager>();
        var created = await manager.CreateAsync("News", new JsonObject { ["title"] = title, ["column"] = "通知公告", ["body"] = "正文" }, "admin");
        await manager.PublishAsync(created.Value!.ContentItemId);
        return created.Value.ContentItemId;
    });

    [Fact]
    public async Task Publishing_sends_a_signed_delivery_the_receiver_can_verify()
    {
        await using var receiver = await LoopbackReceiver.StartAsync();
        using var site = new TestSite(seed: false, settings: FastRetries);
        _ = site.Server;
        var hook = await InScope(site, sp => sp.GetRequiredService<WebhookService>().AddAsync(receiver.Url, [WebhookEvents.Published], "s3cret-key"));

        var id = await PublishNewsAsync(site, "关于召开常委会议的通知");

        Assert.True(await receiver.WaitUntilAsync(r => !r.Received.IsEmpty, TimeSpan.FromSeconds(10)), "nothing delivered");
        var (headers, body, _) = receiver.Received.First();
        Assert.Equal(WebhookEvents.Published, headers["X-Publicity-Event"]);
        Assert.True(WebhookSignature.Verify("s3cret-key", headers[WebhookSignature.Header], body, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify("wrong-key", headers[WebhookSignature.Header], body, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify("s3cret-key", headers[WebhookSignature.Header], body + " ", DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5)));
        var payload = JsonDocument.Parse(body).RootElement;
        Assert.Equal(id, payload.GetProperty("id").GetString());
        Assert.Equal("关于召开常委会议的通知", payload.GetProperty("title").GetString());
        Assert.NotNull(hook.Hook);
    }

    [Fact]
    public async Task A_failing_receiver_is_retried_until_it_answers()
    {
        await using var receiver = await LoopbackReceiver.StartAsync(failFirst: 2);
        using var site = new TestSite(seed: false, settings: FastRetries);
        _ = site.Server;
        var (hook, _) = await InScope(site, sp => sp.GetRequiredService<WebhookService>().AddAsync(receiver.Url, [WebhookEvents.Published]));

        await PublishNewsAsync(site, "重试测试");

        Assert.True(await receiver.WaitUntilAsync(r => r.Received.Any(x => x.Status == 200), TimeSpan.FromSeconds(15)), "never delivered");
        Assert.Equal([503, 503, 200], receiver.Received.Select(r => r.Status));
        var log = await InScope(site, sp => sp.GetRequiredService<WebhookService>().DeliveriesAsync(hook!.Id));
        Assert.Equal(3, log.Single().Attempts);
        Assert.NotNull(log.Single().DeliveredUtc);
    }

    [Fact]
    public async Task Deliveries_queued_before_a_stop_are_sent_after_the_restart()
    {
        await using var receiver = await LoopbackReceiver.StartAsync();
        using var dir = new TestDirectory();
        using (var first = new TestSite(seed: false, dataDir: dir.Path, settings: new(FastRetries) { ["Webhooks:Dispatch"] = "false" }))
        {
            _ = first.Server;
            await InScope(first, sp => sp.GetRequiredService<WebhookService>().AddAsync(receiver.Url, [WebhookEvents.Published, WebhookEvents.Unpublished]));
            await PublishNewsAsync(first, "停机前发布");
            var queued = await InScope(first, sp => sp.GetRequiredService<AppDbContext>().Set<WebhookDelivery>().CountAsync(d => d.DeliveredUtc == null));
            Assert.Equal(1, queued);
        }

        Assert.Empty(receiver.Received);
        using var second = new TestSite(seed: false, dataDir: dir.Path, settings: FastRetries);
        _ = second.Server;

        Assert.True(await receiver.WaitUntilAsync(r => r.Received.Count == 1, TimeSpan.FromSeconds(10)), "lost across the restart");
        Assert.Contains("停机前发布", receiver.Received.Single().Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ftp://example.org/hook", "content.published")]
    [InlineData("not a url", "content.published")]
    [InlineData("https://example.org/hook", "content.exploded")]
    public async Task Bad_registrations_are_refused(string url, string eventName)
    {
        await using var host = await CoreHost.StartAsync(Db.Sqlite);
        var (hook, error) = await host.RunAsync<WebhookService, (Webhook?, string?)>(s => s.AddAsync(url, [eventName]));

        Assert.Null(hook);
        Assert.False(string.IsNullOrEmpty(error));
    }
}
