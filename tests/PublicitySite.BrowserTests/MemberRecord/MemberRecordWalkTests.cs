using System.Text.Json.Nodes;
using Deque.AxeCore.Playwright;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PublicitySite.BrowserTests.Workflow;
using PublicitySite.Contents;
using PublicitySite.MemberPortal;
using PublicitySite.MemberRecord;

namespace PublicitySite.BrowserTests.MemberRecord;

/// <summary>
/// 社情民意 and 履职档案 in Chromium: a member reports from a phone (390×844), a reviewer marks 领导批示, the member
/// reads it from 消息; the clerk records a plenary meeting's roster and reads the ranking; the member's 履职档案
/// adds it up. Screenshots go to bin/…/screenshots/member-record/.
/// </summary>
public sealed class MemberRecordWalkTests
{
    private const string Title = "关于加强校园周边交通安全管理的建议";

    private static readonly string Shots = Path.Combine(AppContext.BaseDirectory, "screenshots", "member-record");

    [Fact]
    public async Task A_reported_social_opinion_and_a_meeting_roster_reach_the_members_record_and_the_offices_ranking()
    {
        using var site = new WalkSite();
        site.Start();
        await AddMemberAsync(site, "wy-qian", "示例委员钱");
        await AddMemberAsync(site, "wy-sun", "示例委员孙");
        await site.AddUserAsync("shen", "Reviewer", "沈审核");
        await site.AddUserAsync("tian", "ProposalClerk", "田清");
        Directory.CreateDirectory(Shots);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var desk = new ViewportSize { Width = 1280, Height = 900 };

        var member = await SignInAsync(browser, site, "wy-qian", new() { Width = 390, Height = 844 });
        await member.GetByRole(AriaRole.Link, new() { Name = "报送社情民意" }).ClickAsync();
        await member.GetByLabel("标题").FillAsync(Title);
        await member.GetByLabel("类别").SelectOptionAsync("社会建设");
        await member.GetByLabel("基本情况").FillAsync("城区部分中小学校门口上下学时段车辆乱停，学生过马路存在隐患。");
        await member.GetByLabel("意见建议").FillAsync("建议在校门口增设护学岗和临时停车泊位，错峰放学。");
        await Shot(member, "r01-opinion-form");
        await NoSeriousAccessibilityProblemsAsync(member);
        await member.GetByRole(AriaRole.Button, new() { Name = "报送" }).ClickAsync();
        await member.GetByText("社情民意已报送，等待办公室审核采用。").WaitForAsync();
        Assert.Contains("待审核", await member.Locator(".mp-list").InnerTextAsync(), StringComparison.Ordinal);
        await Shot(member, "r02-opinions-list");

        var reviewer = await SignInAsync(browser, site, "shen", desk);
        await reviewer.GotoAsync("/admin/opinions");
        await reviewer.GetByRole(AriaRole.Row, new() { Name = Title }).GetByRole(AriaRole.Link, new() { Name = "标记采用" }).ClickAsync();
        await reviewer.GetByLabel("采用级别").SelectOptionAsync("领导批示");
        await reviewer.GetByLabel("批示或说明（选填）").FillAsync("请市公安局交警支队会同教育局研究落实。");
        await Shot(reviewer, "r03-admin-adopt");
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await reviewer.Locator(".flash").WaitForAsync();
        Assert.Contains("领导批示", await reviewer.GetByRole(AriaRole.Row, new() { Name = Title }).InnerTextAsync(), StringComparison.Ordinal);
        await Shot(reviewer, "r04-admin-opinions");

        await member.GotoAsync("/member");
        Assert.Equal("1", await member.Locator(".mp-badge").InnerTextAsync());
        Assert.Contains("社情民意被领导批示", await member.Locator("#mp-notices").InnerTextAsync(), StringComparison.Ordinal);
        await Shot(member, "r05-member-notice");
        await member.Locator("#mp-notices").GetByRole(AriaRole.Link, new() { Name = Title }).ClickAsync();
        Assert.Contains("请市公安局交警支队会同教育局研究落实。", await member.Locator(".mp-facts").InnerTextAsync(), StringComparison.Ordinal);
        await Shot(member, "r06-opinion-detail");

        var clerk = await SignInAsync(browser, site, "tian", desk);
        await clerk.GotoAsync("/admin/meetings");
        await clerk.GetByLabel("名称").FillAsync("政协第五届第四次全体会议");
        await clerk.GetByLabel("日期").FillAsync($"{DutyRecords.ThisYear(TimeProvider.System)}-01-08");
        await clerk.GetByLabel("类型").SelectOptionAsync("全体会议");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "登记" }).ClickAsync();
        await clerk.GetByLabel("示例委员钱").SelectOptionAsync("出席");
        await clerk.GetByLabel("示例委员孙").SelectOptionAsync("缺席");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "保存出席名单" }).ClickAsync();
        await clerk.GetByText("出席 1 人，请假 0 人，缺席 1 人").WaitForAsync();
        await Shot(clerk, "r07-admin-roster");
        await clerk.GotoAsync("/admin/duties");
        var rows = await clerk.Locator("main table").First.Locator("tbody tr").AllInnerTextsAsync();
        Assert.StartsWith("1\t示例委员钱", rows[0], StringComparison.Ordinal);
        Assert.EndsWith("10", rows[0].TrimEnd(), StringComparison.Ordinal); // 领导批示 8 + 出席全体会议 2
        Assert.EndsWith("-5", rows[1].TrimEnd(), StringComparison.Ordinal); // 缺席 −5
        await Shot(clerk, "r08-admin-ranking");

        await member.GotoAsync("/member/record");
        Assert.Equal("10", await member.Locator("#rc-total").InnerTextAsync());
        Assert.Contains("领导批示", await member.Locator("#rc-opinions").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("出席", await member.Locator("#rc-meetings").InnerTextAsync(), StringComparison.Ordinal);
        await Shot(member, "r09-member-record");
        await NoSeriousAccessibilityProblemsAsync(member);
    }

    private static async Task AddMemberAsync(WalkSite site, string userName, string name)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var contents = scope.ServiceProvider.GetRequiredService<ContentManager>();
        var created = await contents.CreateAsync("Member", new JsonObject { ["title"] = name, ["body"] = "示例委员", ["sector"] = "教育界" }, "admin");
        await contents.PublishAsync(created.Value!.ContentItemId);
        var (_, errors) = await scope.ServiceProvider.GetRequiredService<MemberAccounts>()
            .AddAsync(PublicitySite.Workflow.Actor.System, userName, created.Value.ContentItemId, WalkSite.Password, generated: false);
        Assert.Empty(errors);
    }

    private static async Task<IPage> SignInAsync(IBrowser browser, WalkSite site, string name, ViewportSize viewport)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = viewport, Locale = "zh-CN", BaseURL = site.Address.ToString(), HasTouch = viewport.Width < 500 });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/admin/login");
        await page.GetByLabel("用户名").FillAsync(name);
        await page.GetByLabel("密码").FillAsync(WalkSite.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.Locator("h1").WaitForAsync();
        return page;
    }

    private static async Task NoSeriousAccessibilityProblemsAsync(IPage page)
    {
        var result = await page.RunAxe();
        Assert.Empty(result.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help} ({v.Nodes.Length} 处)"));
    }

    private static Task Shot(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(Shots, name + ".png"), FullPage = true });
}
