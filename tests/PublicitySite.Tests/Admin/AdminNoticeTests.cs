using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublicitySite.Storage;
using PublicitySite.Tests.Infrastructure;
using PublicitySite.Tests.Workflow;
using PublicitySite.Webhooks;

namespace PublicitySite.Tests.Admin;

/// <summary>系统提醒 on 我的待办: what an administrator must hear of without reading the logs.</summary>
public sealed class AdminNoticeTests
{
    private static Dictionary<string, string?> Thresholds => new()
    {
        ["Admin:Login:ChallengeAfter"] = "100", // the guessing below is about the notice, not the question
        ["Admin:Login:NoticeAccountFailures"] = "5",
        ["Admin:Login:NoticeAddressFailures"] = "8",
    };

    [Fact]
    public async Task Repeated_failed_sign_ins_of_an_account_are_told_to_those_who_manage_users_only()
    {
        using var site = new TestSite(seed: false, settings: Thresholds);
        await site.Services.UserAsync("target-editor", "Editor");
        using (var guesser = new AdminSession(AdminSession.NewClient(site)))
        {
            for (var i = 0; i < 5; i++)
            {
                await guesser.PostAsync("/admin/login", new() { ["name"] = "target-editor", ["password"] = $"guess-number-{i}" }, "/admin/login");
            }
        }

        using var admin = await AdminSession.LoginAsync(site, "notice-admin", "Administrator");
        var notices = await NoticesAsync(admin);
        var account = Assert.Single(notices, n => n.Contains("target-editor", StringComparison.Ordinal));
        Assert.Contains("24 小时内登录失败 5 次", account, StringComparison.Ordinal);
        Assert.DoesNotContain(notices, n => n.StartsWith("地址", StringComparison.Ordinal)); // 5 failures from the address: under its threshold

        using var editor = await AdminSession.LoginAsync(site, "notice-editor", "Editor");
        Assert.Empty(await NoticesAsync(editor));
    }

    [Fact]
    public async Task One_address_guessing_many_accounts_is_told_with_the_number_of_accounts()
    {
        using var site = new TestSite(seed: false, settings: Thresholds);
        using (var guesser = new AdminSession(AdminSession.NewClient(site)))
        {
            for (var i = 0; i < 8; i++)
            {
                await guesser.PostAsync("/admin/login", new() { ["name"] = $"nobody-{i}", ["password"] = "guess-password-1" }, "/admin/login");
            }
        }

        using var admin = await AdminSession.LoginAsync(site, "notice-admin", "Administrator");
        var notices = await NoticesAsync(admin);

        var address = Assert.Single(notices, n => n.StartsWith("地址", StringComparison.Ordinal));
        Assert.Contains("登录失败 8 次，尝试了 8 个账号", address, StringComparison.Ordinal);
        Assert.DoesNotContain(notices, n => n.StartsWith("账号", StringComparison.Ordinal)); // one failure per account
    }

    [Fact]
    public async Task A_paused_webhook_is_told_with_a_link_to_its_deliveries_and_goes_when_resumed()
    {
        using var site = new TestSite(seed: false);
        long id;
        using (var scope = site.Services.CreateScope())
        {
            id = (await scope.ServiceProvider.GetRequiredService<WebhookService>().AddAsync("http://127.0.0.1:9/hook", [WebhookEvents.Published])).Hook!.Id;
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<Webhook>().Where(h => h.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(h => h.PausedUtc, DateTime.UtcNow).SetProperty(h => h.ConsecutiveFailures, 12));
        }

        using var admin = await AdminSession.LoginAsync(site, "hook-admin", "Administrator");
        var (_, html) = await admin.GetAsync("/admin");
        var link = new HtmlParser().ParseDocument(html).QuerySelector(".notices a")!;
        Assert.Equal("/admin/webhooks/" + id, link.GetAttribute("href"));
        Assert.Contains("连续失败 12 次，已暂停投递", html, StringComparison.Ordinal);

        using (var scope = site.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<Webhook>().Where(h => h.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(h => h.PausedUtc, (DateTime?)null));
        }

        Assert.Empty(await NoticesAsync(admin));
    }

    private static async Task<List<string>> NoticesAsync(AdminSession session)
    {
        var (_, html) = await session.GetAsync("/admin");
        return [.. new HtmlParser().ParseDocument(html).QuerySelectorAll(".notices li").Select(li => li.TextContent.Trim())];
    }
}
