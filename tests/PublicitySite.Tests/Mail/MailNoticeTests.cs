using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublicitySite.Mail;
using PublicitySite.Proposals;
using PublicitySite.Storage;
using PublicitySite.Tests.Admin;
using PublicitySite.Tests.Infrastructure;
using PublicitySite.Tests.MemberPortal;
using PublicitySite.Users;

namespace PublicitySite.Tests.Mail;

/// <summary>E-mail notices to members through a real local SMTP server, from the durable outbox, with retries.</summary>
public sealed class MailNoticeTests
{
    private static Dictionary<string, string?> Smtp(int port, int maxAttempts = 5) => new()
    {
        ["Smtp:Host"] = "127.0.0.1",
        ["Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Smtp:From"] = "政协提案委 <tiweiban@example.cn>",
        ["Smtp:Security"] = "None",
        ["Smtp:SiteUrl"] = "https://zx.example.cn",
        ["Smtp:PollInterval"] = "00:00:00.200",
        ["Smtp:RetryAfter"] = "00:00:00.200",
        ["Smtp:Timeout"] = "00:00:05",
        ["Smtp:MaxAttempts"] = maxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static async Task EmailAsync(TestSite site, string userName, string email)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByNameAsync(userName);
        Assert.True((await users.SetEmailAsync(user!, email)).Succeeded);
    }

    [Fact]
    public async Task Members_get_mails_for_a_cosign_request_the_decision_the_assignment_and_a_reply_to_evaluate()
    {
        using var smtp = await SmtpTestServer.StartAsync();
        using var site = new TestSite(seed: false, settings: Smtp(smtp.Port));
        await PortalTestData.MemberAsync(site, "ml-lead", "示例委员甲");
        await PortalTestData.MemberAsync(site, "ml-co", "示例委员乙");
        await EmailAsync(site, "ml-lead", "jia@example.cn");
        await EmailAsync(site, "ml-co", "yi@example.cn");
        using var lead = await PortalTestData.SignInAsync(site, "ml-lead");
        using var co = await PortalTestData.SignInAsync(site, "ml-co");

        var id = await PortalTestData.DraftAsync(lead, "关于加强社区养老服务的提案");
        Assert.Equal(HttpStatusCode.Redirect, (await lead.PostAsync($"/member/proposals/{id}/invite", new() { ["cosigner"] = "ml-co" })).StatusCode);
        var invitation = await smtp.WaitForAsync(s => s.Contains("邀请您联名", StringComparison.Ordinal));
        Assert.Equal("【委员之家】示例委员甲 委员邀请您联名：关于加强社区养老服务的提案", invitation.Subject);
        Assert.Equal("yi@example.cn", invitation.To.Mailboxes.Single().Address);
        Assert.Contains($"https://zx.example.cn/member/proposals/{id}", invitation.TextBody, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await co.PostAsync($"/member/proposals/{id}/cosign", new() { ["answer"] = "confirm" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await lead.PostAsync($"/member/proposals/{id}/submit", new() { ["public"] = "yes" })).StatusCode);
        var itemId = (await PortalTestData.RowAsync(site, id)).ContentItemId!;
        await PortalTestData.OfficeAsync(site, itemId, new ProposalEventInput { Kind = "立案" });
        await PortalTestData.OfficeAsync(site, itemId, new ProposalEventInput { Kind = "交办", Unit = "市民政局" });
        await PortalTestData.OfficeAsync(site, itemId, new ProposalEventInput { Kind = "已答复", Unit = "市民政局", ReplyClass = "A", ReplyText = "已解决。" });

        var accepted = await smtp.WaitForAsync(s => s.Contains("已立案", StringComparison.Ordinal));
        var assigned = await smtp.WaitForAsync(s => s.Contains("已交办", StringComparison.Ordinal));
        var replied = await smtp.WaitForAsync(s => s.Contains("答复已到", StringComparison.Ordinal));
        Assert.Equal("【委员之家】提案已立案：关于加强社区养老服务的提案", accepted.Subject);
        Assert.Equal("【委员之家】提案已交办：关于加强社区养老服务的提案", assigned.Subject);
        Assert.Contains("主办单位：市民政局", assigned.TextBody, StringComparison.Ordinal);
        Assert.Equal("【委员之家】答复已到，请评价：关于加强社区养老服务的提案", replied.Subject);
        Assert.All(new[] { accepted, assigned, replied }, m => Assert.Equal("jia@example.cn", m.To.Mailboxes.Single().Address));
        Assert.Equal("tiweiban@example.cn", replied.From.Mailboxes.Single().Address);

        var (_, home) = await lead.GetAsync("/member");
        Assert.Contains("答复已到，请评价", home, StringComparison.Ordinal);
        Assert.Contains("提案已交办", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mail_to_a_server_that_is_down_is_retried_shown_to_the_office_as_failed_and_sent_again_on_request()
    {
        var port = SmtpTestServer.FreePort();
        using var site = new TestSite(seed: false, settings: Smtp(port, maxAttempts: 3));
        await PortalTestData.MemberAsync(site, "ml-a", "示例委员丙");
        await PortalTestData.MemberAsync(site, "ml-b", "示例委员丁");
        await EmailAsync(site, "ml-b", "ding@example.cn");
        using var lead = await PortalTestData.SignInAsync(site, "ml-a");
        var id = await PortalTestData.DraftAsync(lead, "关于改善老旧小区停车的提案");
        Assert.Equal(HttpStatusCode.Redirect, (await lead.PostAsync($"/member/proposals/{id}/invite", new() { ["cosigner"] = "ml-b" })).StatusCode);

        var mail = await WaitForRowAsync(site, m => m.State == MailState.Failed);
        Assert.Equal(3, mail.Attempts);
        Assert.False(string.IsNullOrEmpty(mail.LastError));

        using var clerk = await AdminSession.LoginAsync(site, "ml-clerk", "ProposalClerk");
        var (status, page) = await clerk.GetAsync("/admin/mail");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("发送失败", page, StringComparison.Ordinal);
        Assert.Contains("ding@example.cn", page, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(mail.LastError!), page, StringComparison.Ordinal);
        Assert.Contains("3 次", page, StringComparison.Ordinal);

        using var smtp = await SmtpTestServer.StartAsync(port);
        var retried = await clerk.PostAsync("/admin/mail?handler=Retry", new() { ["id"] = mail.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "/admin/mail");
        Assert.Equal(HttpStatusCode.Redirect, retried.StatusCode);
        var arrived = await smtp.WaitForAsync(s => s.Contains("邀请您联名", StringComparison.Ordinal));
        Assert.Equal("【委员之家】示例委员丙 委员邀请您联名：关于改善老旧小区停车的提案", arrived.Subject);
        Assert.Equal(MailState.Sent, (await WaitForRowAsync(site, m => m.State == MailState.Sent)).State);
        var (_, after) = await clerk.GetAsync("/admin/mail");
        Assert.Contains("没有待发送或发送失败的邮件", after, StringComparison.Ordinal);
        await using var scope = site.Services.CreateAsyncScope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<PublicitySite.Audit.AuditEntry>().AnyAsync(e => e.Action == PublicitySite.Audit.AuditActions.MailRetried && e.Actor == "ml-clerk"));
    }

    [Fact]
    public async Task The_backoff_doubles_after_each_failure()
    {
        using var site = new TestSite(seed: false, settings: Smtp(SmtpTestServer.FreePort()));
        await using var scope = site.Services.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<MailOutbox>();

        Assert.Equal(TimeSpan.FromMilliseconds(200), outbox.Backoff(1));
        Assert.Equal(TimeSpan.FromMilliseconds(400), outbox.Backoff(2));
        Assert.Equal(TimeSpan.FromMilliseconds(1600), outbox.Backoff(4));
    }

    [Fact]
    public async Task Without_an_smtp_server_configured_nothing_is_queued_and_the_office_page_says_so()
    {
        using var site = new TestSite(seed: false);
        await PortalTestData.MemberAsync(site, "ml-c", "示例委员戊");
        await PortalTestData.MemberAsync(site, "ml-d", "示例委员己");
        await EmailAsync(site, "ml-d", "ji@example.cn");
        using var lead = await PortalTestData.SignInAsync(site, "ml-c");
        var id = await PortalTestData.DraftAsync(lead, "关于社区食堂的提案");
        Assert.Equal(HttpStatusCode.Redirect, (await lead.PostAsync($"/member/proposals/{id}/invite", new() { ["cosigner"] = "ml-d" })).StatusCode);
        using var clerk = await AdminSession.LoginAsync(site, "ml-clerk2", "ProposalClerk");
        using var editor = await AdminSession.LoginAsync(site, "ml-editor", "Editor");

        var (_, page) = await clerk.GetAsync("/admin/mail");
        var (refused, _) = await editor.GetAsync("/admin/mail");
        var bad = await clerk.PostAsync("/admin/mail?handler=Retry", new() { ["id"] = "999" }, "/admin/mail");

        Assert.Contains("未配置邮件服务器", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, refused);
        Assert.Equal(HttpStatusCode.NotFound, bad.StatusCode);
        Assert.Contains("邮件不存在", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var scope = site.Services.CreateAsyncScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<OutboxMail>().CountAsync());
    }

    private static async Task<OutboxMail> WaitForRowAsync(TestSite site, Func<OutboxMail, bool> match)
    {
        for (var i = 0; i < 200; i++)
        {
            await using var scope = site.Services.CreateAsyncScope();
            var rows = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<OutboxMail>().AsNoTracking().ToListAsync();
            if (rows.FirstOrDefault(match) is { } row)
            {
                return row;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The outbox never reached the expected state");
    }
}
