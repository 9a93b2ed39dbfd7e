using Deque.AxeCore.Playwright;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PublicitySite.BrowserTests.Workflow;
using PublicitySite.Proposals;

namespace PublicitySite.BrowserTests.Proposals;

/// <summary>
/// The proposal clerk's screens in Chromium: sign in, open 提案办理 from the menu, open a proposal waiting for
/// 审查 and record 立案 with its form; the 交办 form then takes its place. Screenshots of each step go to
/// bin/…/screenshots/proposal-office/.
/// </summary>
public sealed class ProposalOfficeWalkTests
{
    private const string Title = "关于完善社区养老服务设施的提案（浏览器走查）";

    private static readonly string Shots = Path.Combine(AppContext.BaseDirectory, "screenshots", "proposal-office");

    [Fact]
    public async Task A_clerk_opens_a_proposal_from_the_dashboard_and_records_its_acceptance()
    {
        using var site = new WalkSite();
        site.Start();
        await site.AddUserAsync("tian", "ProposalClerk", "田清");
        string id;
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var filed = await scope.ServiceProvider.GetRequiredService<ProposalOffice>().FileAsync(new PublicitySite.Workflow.Actor("tian", "ProposalClerk"), new ProposalFiling
            {
                Title = Title, FiledOn = new DateOnly(2025, 3, 1), ProposerType = "sector", Proposers = ["经济界"], Category = "社会建设", Public = true,
            });
            Assert.True(filed.Succeeded, filed.Failure?.Detail);
            id = filed.Value!.ContentItemId;
        }

        Directory.CreateDirectory(Shots);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new() { Width = 1280, Height = 900 }, Locale = "zh-CN", BaseURL = site.Address.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/admin/login");
        await page.GetByLabel("用户名").FillAsync("tian");
        await page.GetByLabel("密码").FillAsync(WalkSite.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.Locator("h1").WaitForAsync();

        var menu = page.GetByRole(AriaRole.Navigation, new() { Name = "管理菜单" });
        await menu.GetByText("提案", new() { Exact = true }).ClickAsync(); // the menu's 提案 group opens
        await menu.GetByRole(AriaRole.Link, new() { Name = "提案办理", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/admin/proposals");
        Assert.Equal("提案办理", await page.Locator("h1").InnerTextAsync());
        await Shot(page, "01-dashboard");
        await NoSeriousAccessibilityProblemsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = Title }).ClickAsync();
        await page.WaitForURLAsync($"**/admin/proposals/{id}");
        Assert.Contains("第五届第四次会议第0001号", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "登记“交办”" }).CountAsync());
        await Shot(page, "02-office-page-at-review");
        await NoSeriousAccessibilityProblemsAsync(page);

        var accept = page.Locator("form[aria-labelledby='f-accept']");
        await accept.GetByLabel("说明").FillAsync("经审查，符合立案条件。");
        await accept.GetByRole(AriaRole.Button, new() { Name = "登记“立案”" }).ClickAsync();
        await page.Locator(".flash").WaitForAsync();

        Assert.Contains("当前状态：已立案", await page.Locator(".flash").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(2, await page.Locator("table.timeline tbody tr").CountAsync());
        Assert.Contains("经审查，符合立案条件。", await page.Locator("table.timeline").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await page.GetByRole(AriaRole.Button, new() { Name = "登记“交办”" }).CountAsync());
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "登记“立案”" }).CountAsync());
        await Shot(page, "03-accepted-assignment-form-offered");
        await context.CloseAsync();
    }

    /// <summary>axe-core: nothing serious or critical (GB/T 37668 follows WCAG 2.x).</summary>
    private static async Task NoSeriousAccessibilityProblemsAsync(IPage page)
    {
        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help} ({v.Nodes.Length} 处)");
        Assert.Empty(serious);
    }

    private static Task Shot(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(Shots, name + ".png"), FullPage = true });
}
