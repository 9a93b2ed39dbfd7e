using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublicitySite.Contents;
using PublicitySite.Storage;
using PublicitySite.Tests.Infrastructure;
using PublicitySite.Webhooks;

namespace PublicitySite.Tests.Admin;

/// <summary><c>/admin/webhooks</c> over real HTTP, delivering to a loopback receiver.</summary>
public sealed partial class WebhooksPageTests
{
    private static Dictionary<string, string?> Settings(int maxAttempts = 8) => new()
    {
        ["Webhooks:FirstRetry"] = "00:00:00.200",
        ["Webhooks:PollInterval"] = "00:00:00.200",
        ["Webhooks:MaxAttempts"] = maxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Admin:Login:AttemptsPerWindow"] = "1000",
    };

    private static async Task<string> PublishAsync(TestSite site, string title)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<ContentManager>();
        var created = await manager.CreateAsync("News", new JsonObject { ["title"] = title, ["column"] = "通知公告", ["body"] = "正文" }, "admin");
        await manager.PublishAsync(created.Value!.ContentItemId);
        return created.Value.ContentItemId;
    }

    private static async Task<List<WebhookDelivery>> DeliveriesAsync(TestSite site)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<WebhookDelivery>().AsNoTracking().ToListAsync();
    }

    private static async Task<(HttpResponseMessage Response, string Html, long Id, string Secret)> RegisterAsync(AdminSession session, string url, params string[] events)
    {
        var (_, page) = await session.GetAsync("/admin/webhooks");
        var form = new List<KeyValuePair<string, string>> { new("url", url), new("__RequestVerificationToken", WebUtility.HtmlDecode(AntiforgeryPattern().Match(page).Groups[1].Value)) };
        form.AddRange(events.Select(e => new KeyValuePair<string, string>("events", e)));
        var response = await session.Client.PostAsync("/admin/webhooks?handler=Add", new FormUrlEncodedContent(form));
        var html = await response.Content.ReadAsStringAsync();
        var shown = CreatedPattern().Match(html);
        return (response, html, shown.Success ? long.Parse(shown.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0, shown.Success ? shown.Groups[2].Value : "");
    }

    private static async Task<bool> WaitAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 200; i++)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(50);
        }

        return false;
    }

    [Fact]
    public async Task A_registered_hook_receives_signed_deliveries_and_the_log_shows_them()
    {
        await using var receiver = await LoopbackReceiver.StartAsync();
        using var site = new TestSite(seed: false, settings: Settings());
        using var session = await AdminSession.LoginAsync(site, "hook-admin", "Administrator");

        var (response, html, id, secret) = await RegisterAsync(session, receiver.Url, WebhookEvents.Published);
        var (_, later) = await session.GetAsync("/admin/webhooks");
        await PublishAsync(site, "网页登记的通知");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("签名密钥只显示这一次", html, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, later, StringComparison.Ordinal);
        Assert.True(await receiver.WaitUntilAsync(r => !r.Received.IsEmpty, TimeSpan.FromSeconds(10)), "nothing delivered");
        var (headers, body, _) = receiver.Received.First();
        Assert.True(WebhookSignature.Verify(secret, headers[WebhookSignature.Header], body, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5)));
        Assert.True(await WaitAsync(async () => (await DeliveriesAsync(site)).Any(d => d.DeliveredUtc is not null)));
        var (status, log) = await session.GetAsync($"/admin/webhooks/{id}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("已送达", log, StringComparison.Ordinal);
        Assert.Contains("<td>200</td>", log, StringComparison.Ordinal);
        Assert.Contains("内容发布", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_delivery_shows_its_error_and_is_sent_again_by_retry_now()
    {
        await using var receiver = await LoopbackReceiver.StartAsync(failFirst: 1);
        using var site = new TestSite(seed: false, settings: Settings(maxAttempts: 1));
        using var session = await AdminSession.LoginAsync(site, "hook-admin", "Administrator");
        var (_, _, id, _) = await RegisterAsync(session, receiver.Url, WebhookEvents.Published);
        await PublishAsync(site, "第一次投递会失败");
        Assert.True(await WaitAsync(async () => (await DeliveriesAsync(site)).Any(d => d.Abandoned)), "never gave up");

        var (_, failed) = await session.GetAsync($"/admin/webhooks/{id}");
        var delivery = (await DeliveriesAsync(site)).Single();
        var retry = await session.PostAsync("/admin/webhooks?handler=Retry", new() { ["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["delivery"] = delivery.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, $"/admin/webhooks/{id}");

        Assert.Contains("已放弃", failed, StringComparison.Ordinal);
        Assert.Contains("<td>503</td>", failed, StringComparison.Ordinal);
        Assert.Contains("HTTP 503", failed, StringComparison.Ordinal);
        Assert.Contains("立即重试", failed, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, retry.StatusCode);
        Assert.True(await receiver.WaitUntilAsync(r => r.Received.Any(x => x.Status == 200), TimeSpan.FromSeconds(10)), "retry not sent");
        Assert.True(await WaitAsync(async () => (await DeliveriesAsync(site)).Single().DeliveredUtc is not null));
        Assert.Equal(2, (await DeliveriesAsync(site)).Single().Attempts);
        var (_, done) = await session.GetAsync($"/admin/webhooks/{id}");
        Assert.Contains("已送达", done, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_disabled_hook_gets_nothing_and_a_deleted_one_is_gone()
    {
        await using var receiver = await LoopbackReceiver.StartAsync();
        using var site = new TestSite(seed: false, settings: Settings());
        using var session = await AdminSession.LoginAsync(site, "hook-admin", "Administrator");
        var (_, _, id, _) = await RegisterAsync(session, receiver.Url, WebhookEvents.Published, WebhookEvents.Unpublished);
        var hookId = id.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var disable = await session.PostAsync("/admin/webhooks?handler=Active", new() { ["id"] = hookId, ["active"] = "false" });
        await PublishAsync(site, "停用期间发布");
        var queuedWhileDisabled = (await DeliveriesAsync(site)).Count;
        var (_, list) = await session.GetAsync("/admin/webhooks");
        var delete = await session.PostAsync("/admin/webhooks?handler=Delete", new() { ["id"] = hookId });
        var (gone, _) = await session.GetAsync($"/admin/webhooks/{id}");

        Assert.Equal(HttpStatusCode.Redirect, disable.StatusCode);
        Assert.Equal(0, queuedWhileDisabled);
        Assert.Contains("已停用", list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, delete.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone);
        Assert.Empty(receiver.Received);
    }

    [Theory]
    [InlineData("ftp://example.org/hook", WebhookEvents.Published, "http 或 https")]
    [InlineData("/relative/hook", WebhookEvents.Published, "http 或 https")]
    [InlineData("https://example.org/hook", null, "请至少选择一个事件")]
    [InlineData("https://example.org/hook", "content.exploded", "事件应为")]
    public async Task Bad_registrations_get_a_chinese_message(string url, string? eventName, string message)
    {
        using var site = new TestSite(seed: false, settings: Settings());
        using var session = await AdminSession.LoginAsync(site, "hook-admin", "Administrator");

        var (response, html, _, _) = eventName is null ? await RegisterAsync(session, url) : await RegisterAsync(session, url, eventName);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, html, StringComparison.Ordinal);
        await using var scope = site.Services.CreateAsyncScope();
        Assert.Empty(await scope.ServiceProvider.GetRequiredService<WebhookService>().ListAsync());
    }

    [Fact]
    public async Task Only_administrators_manage_webhooks()
    {
        using var site = new TestSite(seed: false, settings: Settings());
        using var session = await AdminSession.LoginAsync(site, "hook-editor", "Editor");

        var (status, html) = await session.GetAsync("/admin/webhooks");
        var post = await session.PostAsync("/admin/webhooks?handler=Add", new() { ["url"] = "https://example.org/hook", ["events"] = WebhookEvents.Published });

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("只有管理员可以管理 Webhook", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/admin/webhooks\"", html, StringComparison.Ordinal); // no nav link either
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        await using var scope = site.Services.CreateAsyncScope();
        Assert.Empty(await scope.ServiceProvider.GetRequiredService<WebhookService>().ListAsync());
    }

    [GeneratedRegex("Webhook #(\\d+) 已登记。.*?id=\"new-secret\" value=\"([0-9a-f]+)\"", RegexOptions.Singleline)]
    private static partial Regex CreatedPattern();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryPattern();
}
