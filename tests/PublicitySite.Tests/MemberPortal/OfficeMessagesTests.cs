using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using PublicitySite.Mail;
using PublicitySite.Proposals;
using PublicitySite.Storage;
using PublicitySite.Tests.Admin;
using PublicitySite.Tests.Infrastructure;

namespace PublicitySite.Tests.MemberPortal;

/// <summary>The admin header's 消息 badge: what waits for the office, counted for the roles that handle it.</summary>
public sealed partial class OfficeMessagesTests
{
    [Fact]
    public async Task The_clerk_sees_submitted_proposals_evaluations_and_failed_mails_counted_in_the_header()
    {
        using var site = new TestSite(seed: false);
        await PortalTestData.MemberAsync(site, "om-a", "示例委员甲");
        using var member = await PortalTestData.SignInAsync(site, "om-a");
        using var clerk = await AdminSession.LoginAsync(site, "om-clerk", "ProposalClerk");
        using var editor = await AdminSession.LoginAsync(site, "om-editor", "Editor");
        var (_, empty) = await clerk.GetAsync("/admin");

        var waiting = await PortalTestData.DraftAsync(member, "关于增设公交线路的提案");
        Assert.Equal(HttpStatusCode.Redirect, (await member.PostAsync($"/member/proposals/{waiting}/submit", new() { ["public"] = "yes" })).StatusCode);
        var evaluated = await PortalTestData.DraftAsync(member, "关于公园延时开放的提案");
        Assert.Equal(HttpStatusCode.Redirect, (await member.PostAsync($"/member/proposals/{evaluated}/submit", new() { ["public"] = "yes" })).StatusCode);
        var itemId = (await PortalTestData.RowAsync(site, evaluated)).ContentItemId!;
        await PortalTestData.OfficeAsync(site, itemId, new ProposalEventInput { Kind = "立案" });
        await PortalTestData.OfficeAsync(site, itemId, new ProposalEventInput { Kind = "交办", Unit = "市民政局" });
        await PortalTestData.OfficeAsync(site, itemId, new ProposalEventInput { Kind = "已答复", ReplyClass = "A", ReplyText = "已解决。" });
        Assert.Equal(HttpStatusCode.Redirect, (await member.PostAsync($"/member/proposals/{evaluated}/evaluate", new() { ["verdict"] = "满意" })).StatusCode);
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.Set<OutboxMail>().Add(new OutboxMail { To = "x@example.cn", Subject = "测试", Body = "正文", State = MailState.Failed, Attempts = 5, LastError = "连接被拒绝" });
            await db.SaveChangesAsync();
        }

        var (status, html) = await clerk.GetAsync("/admin");
        var (_, editorsView) = await editor.GetAsync("/admin");

        Assert.DoesNotContain("id=\"office-messages\"", empty, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("3", Badge().Match(html).Groups[1].Value);
        Assert.Contains("待审查的提案 1 件", html, StringComparison.Ordinal);
        Assert.Contains("收到委员评价 1 件", html, StringComparison.Ordinal);
        Assert.Contains("发送失败的邮件 1 封", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"office-messages\"", editorsView, StringComparison.Ordinal);

        var (_, filtered) = await clerk.GetAsync("/admin/proposals?status=" + Uri.EscapeDataString("已评价"));
        Assert.Contains("关于公园延时开放的提案", filtered, StringComparison.Ordinal);
    }

    [GeneratedRegex("id=\"office-messages\">\\s*<summary[^>]*>消息<span class=\"badge\">(\\d+)</span>")]
    private static partial Regex Badge();
}
