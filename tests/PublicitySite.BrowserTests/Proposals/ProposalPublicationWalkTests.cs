using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PublicitySite.BrowserTests.Workflow;
using PublicitySite.Proposals;

namespace PublicitySite.BrowserTests.Proposals;

/// <summary>
/// One record, one publication path, in Chromium at 1366×768: a clerk files a proposal and records its steps on
/// the office page; the office head publishes it with one 发布 decision on the same page; the public page then
/// shows the office record's fields. Screenshots go to bin/…/screenshots/proposal-publication/.
/// </summary>
public sealed class ProposalPublicationWalkTests
{
    private const string Title = "关于推进社区嵌入式养老服务的提案（发布走查）";

    private static readonly string Shots = Path.Combine(AppContext.BaseDirectory, "screenshots", "proposal-publication");

    [Fact]
    public async Task A_clerk_files_and_records_steps_and_the_office_head_publishes_with_one_decision()
    {
        using var site = new WalkSite();
        site.Start();
        await site.AddUserAsync("qin", "ProposalClerk", "秦岚");
        await site.AddUserAsync("zhou", "ProposalHead", "周正");
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var units = await scope.ServiceProvider.GetRequiredService<ProposalDirectory>()
                .ImportAsync(new PublicitySite.Workflow.Actor("qin", "ProposalClerk"), ProposalDirectoryKind.Unit, "名称\n市民政局\n市财政局\n市卫生健康委\n");
            Assert.True(units.Succeeded, units.Failure?.Detail);
        }

        Directory.CreateDirectory(Shots);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var options = new BrowserNewContextOptions { ViewportSize = new() { Width = 1366, Height = 768 }, Locale = "zh-CN", BaseURL = site.Address.ToString() };

        var clerkContext = await browser.NewContextAsync(options);
        var clerk = await SignInAsync(clerkContext, "qin");
        await clerk.GotoAsync("/admin/proposals/new");
        await clerk.GetByLabel("案由").FillAsync(Title);
        await clerk.GetByLabel("提交日期").FillAsync("2025-03-01");
        await clerk.Locator("#ProposerType").SelectOptionAsync("sector");
        await clerk.Locator("#ProposerName").FillAsync("经济界");
        await clerk.Locator("#Sector").FillAsync("经济界");
        await clerk.Locator("#Category").SelectOptionAsync("社会建设");
        await clerk.Locator("input[name='Public']").CheckAsync();
        await clerk.Locator("#Body").FillAsync("建议在社区嵌入养老服务站点。");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "登记提案" }).ClickAsync();
        await clerk.Locator(".flash").WaitForAsync();
        var officeUrl = clerk.Url;

        await RecordAsync(clerk, "accept", null);
        await RecordAsync(clerk, "assign", async form =>
        {
            await form.Locator("#assign-unit").SelectOptionAsync("市民政局");
            // 协办 from 承办单位名录: typing pinyin initials narrows the list to the unit meant.
            await form.GetByLabel("筛选协办单位").FillAsync("swsj");
            Assert.Equal(["市卫生健康委"], await form.Locator("#assign-co option:not([hidden])").AllInnerTextsAsync());
            await form.Locator("#assign-co").SelectOptionAsync(["市卫生健康委"]);
            await form.GetByLabel("筛选协办单位").FillAsync("财政");
            Assert.Equal(["市财政局", "市卫生健康委"], await form.Locator("#assign-co option:not([hidden])").AllInnerTextsAsync());
            await form.Locator("#assign-co").SelectOptionAsync(["市卫生健康委", "市财政局"]);
            await form.ScreenshotAsync(new() { Path = Path.Combine(Shots, "00-assign-unit-picker-1366.png") });
        });
        await RecordAsync(clerk, "reply", async form =>
        {
            await form.Locator("#reply-class").SelectOptionAsync("A");
            await form.Locator("#reply-text").FillAsync("已在三个街道建成嵌入式养老服务站。");
        });
        await RecordAsync(clerk, "evaluate", form => form.Locator("input[name='Verdict'][value='满意']").CheckAsync());
        Assert.Contains("当前状态：已评价", await clerk.Locator(".flash").InnerTextAsync(), StringComparison.Ordinal);
        await TimelineRowsStayOnOneLineAsync(clerk);
        await clerk.Locator("table.timeline").ScrollIntoViewIfNeededAsync();
        await clerk.ScreenshotAsync(new() { Path = Path.Combine(Shots, "01-office-timeline-1366.png") });
        await clerkContext.CloseAsync();

        var headContext = await browser.NewContextAsync(options);
        var head = await SignInAsync(headContext, "zhou");
        await head.GotoAsync(officeUrl);
        var panel = head.Locator("section.publish");
        Assert.Contains("提案人意见：同意公开", await panel.InnerTextAsync(), StringComparison.Ordinal);
        await panel.ScrollIntoViewIfNeededAsync();
        await head.ScreenshotAsync(new() { Path = Path.Combine(Shots, "02-publish-panel-1366.png") });
        await panel.GetByLabel("审批意见（可选）").FillAsync("同意公开发布。");
        await panel.GetByRole(AriaRole.Button, new() { Name = "发布", Exact = true }).ClickAsync();
        await head.Locator(".flash").WaitForAsync();
        Assert.Contains("已发布", await head.Locator(".flash").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("提案委负责人审批 通过 · zhou：同意公开发布。", await head.Locator("section.publish").InnerTextAsync(), StringComparison.Ordinal);

        await head.GetByRole(AriaRole.Link, new() { Name = "查看公开页面" }).ClickAsync();
        await head.WaitForURLAsync("**/proposals/t5-4-0001");
        var facts = await head.Locator("dl.pp-facts").InnerTextAsync();
        foreach (var shown in new[] { "提案者类别\n界别", "主办单位\n市民政局", "协办单位\n市财政局、市卫生健康委", "委员评价\n满意" })
        {
            Assert.Contains(shown, facts, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("sector", facts, StringComparison.Ordinal);
        await head.ScreenshotAsync(new() { Path = Path.Combine(Shots, "03-public-page-1366.png"), FullPage = true });
        await headContext.CloseAsync();
    }

    private static async Task<IPage> SignInAsync(IBrowserContext context, string name)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/admin/login");
        await page.GetByLabel("用户名").FillAsync(name);
        await page.GetByLabel("密码").FillAsync(WalkSite.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.Locator("h1").WaitForAsync();
        return page;
    }

    private static async Task RecordAsync(IPage page, string kind, Func<ILocator, Task>? fill)
    {
        var form = page.Locator($"form[aria-labelledby='f-{kind}']");
        if (fill is not null)
        {
            await fill(form);
        }

        await form.Locator("button[type='submit']").ClickAsync();
        await page.Locator(".flash").WaitForAsync();
    }

    /// <summary>Each row's date, step and unit cells are one line high at 1366 px.</summary>
    private static async Task TimelineRowsStayOnOneLineAsync(IPage page)
    {
        var tall = await page.EvaluateAsync<int>(@"() => [...document.querySelectorAll('table.timeline tbody td:nth-child(-n+3)')]
            .filter(td => td.textContent.trim() !== '')
            .filter(td => { const r = document.createRange(); r.selectNodeContents(td); return r.getClientRects().length > 1; }).length");
        Assert.Equal(0, tall);
    }
}
