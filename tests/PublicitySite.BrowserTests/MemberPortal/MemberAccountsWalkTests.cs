using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PublicitySite.BrowserTests.Workflow;
using PublicitySite.Contents;
using PublicitySite.Mail;
using PublicitySite.MemberPortal;
using PublicitySite.Storage;
using PublicitySite.Workflow;

namespace PublicitySite.BrowserTests.MemberPortal;

/// <summary>
/// In Chromium: the clerk opens accounts for two members and prints their sealed slips, sees the 消息 badge and
/// 邮件通知; a member on a phone finds a co-signer by pinyin initials and may withdraw 同意公开 after submitting.
/// Screenshots in bin/…/screenshots/member-accounts/ (and PUBLICITY_SHOTS when set).
/// </summary>
public sealed class MemberAccountsWalkTests
{
    private static readonly string Shots = Environment.GetEnvironmentVariable("PUBLICITY_SHOTS") is { Length: > 0 } dir ? dir : Path.Combine(AppContext.BaseDirectory, "screenshots", "member-accounts");

    [Fact]
    public async Task The_clerk_opens_accounts_with_slips_and_a_member_finds_a_cosigner_by_pinyin_and_withdraws_consent()
    {
        using var site = new WalkSite();
        site.Start();
        await site.AddUserAsync("walk-clerk", "ProposalClerk", "提案委工作人员");
        string zhang, li;
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var contents = scope.ServiceProvider.GetRequiredService<ContentManager>();
            zhang = (await contents.CreateAsync("Member", new JsonObject { ["title"] = "张三", ["body"] = "简介", ["sector"] = "经济界", ["email"] = "zhangsan@example.cn" }, "admin")).Value!.ContentItemId;
            li = (await contents.CreateAsync("Member", new JsonObject { ["title"] = "李四", ["body"] = "简介", ["sector"] = "教育界" }, "admin")).Value!.ContentItemId;
            await contents.CreateAsync("Member", new JsonObject { ["title"] = "王五", ["body"] = "简介", ["sector"] = "医药卫生界" }, "admin");
            var lead = (await contents.CreateAsync("Member", new JsonObject { ["title"] = "赵六", ["body"] = "简介", ["sector"] = "农业界" }, "admin")).Value!.ContentItemId;
            var (_, errors) = await scope.ServiceProvider.GetRequiredService<MemberAccounts>().AddAsync(Actor.System, "zhaoliu", lead, WalkSite.Password, generated: false);
            Assert.Empty(errors);
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.Set<OutboxMail>().Add(new OutboxMail { To = "wangwu@example.cn", UserName = "wangwu", Subject = "【委员之家】提案已交办：关于完善社区养老服务的提案", Body = "正文", State = MailState.Failed, Attempts = 5, LastError = "SocketException: Connection refused" });
            await db.SaveChangesAsync();
        }

        Directory.CreateDirectory(Shots);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var clerk = await SignInAsync(browser, site, "walk-clerk", 1280);
        await clerk.GotoAsync("/admin/members/accounts");
        Assert.Equal("1", (await clerk.Locator("#office-messages .badge").InnerTextAsync()).Trim());
        await clerk.Locator($"#m-{zhang}").CheckAsync();
        await clerk.Locator($"#m-{li}").CheckAsync();
        await Shot(clerk, "01-accounts-chosen");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "开通所选并打印密封条" }).ClickAsync();
        await clerk.Locator(".slip").First.WaitForAsync();
        Assert.Equal(2, await clerk.Locator(".slip").CountAsync());
        Assert.Contains("zhangsan", await clerk.Locator(".slips").InnerTextAsync(), StringComparison.Ordinal);
        await Shot(clerk, "02-sealed-slips");
        await clerk.EmulateMediaAsync(new() { Media = Microsoft.Playwright.Media.Print });
        await Shot(clerk, "03-sealed-slips-print");
        await clerk.EmulateMediaAsync(new() { Media = Microsoft.Playwright.Media.Screen });
        await clerk.GotoAsync("/admin/members/accounts");
        Assert.Contains("已开通的委员账户（3 个）", await clerk.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await clerk.Locator("#office-messages summary").ClickAsync();
        await Shot(clerk, "04-office-messages-badge");
        await clerk.GotoAsync("/admin/mail");
        Assert.Contains("发送失败", await clerk.Locator("#mail-list").InnerTextAsync(), StringComparison.Ordinal);
        await Shot(clerk, "05-mail-failed");

        var member = await SignInAsync(browser, site, "zhaoliu", 390);
        await member.GotoAsync("/member/proposals/new");
        await member.GetByLabel("案由（提案标题）").FillAsync("关于推进垃圾分类的提案");
        await member.GetByLabel("案据（现状与问题）").FillAsync("居民分类投放准确率不高。");
        await member.GetByLabel("建议（具体措施）").FillAsync("一、增设分类督导员；二、完善积分奖励。");
        await member.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();
        await member.GetByLabel("委员姓名或拼音").FillAsync("zs");
        await member.GetByRole(AriaRole.Button, new() { Name = "查找" }).ClickAsync();
        Assert.Contains("张三", await member.Locator("#mp-cosign-h ~ ul.mp-list").InnerTextAsync(), StringComparison.Ordinal);
        await Shot(member, "06-cosigner-by-initials-phone");
        await member.GetByLabel("同意公开", new() { Exact = true }).CheckAsync();
        await member.GetByRole(AriaRole.Button, new() { Name = "提交提案" }).ClickAsync();
        await member.GetByRole(AriaRole.Button, new() { Name = "撤回同意公开" }).ClickAsync();
        Assert.Contains("已撤回同意公开", await member.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await Shot(member, "07-consent-withdrawn-phone");
    }

    private static async Task<IPage> SignInAsync(IBrowser browser, WalkSite site, string name, int width)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new() { Width = width, Height = width < 600 ? 844 : 900 }, Locale = "zh-CN", BaseURL = site.Address.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/admin/login");
        await page.GetByLabel("用户名").FillAsync(name);
        await page.GetByLabel("密码").FillAsync(WalkSite.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForLoadStateAsync();
        return page;
    }

    private static Task Shot(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(Shots, name + ".png"), FullPage = true });
}
