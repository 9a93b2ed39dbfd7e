using System.Text.Json;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace PublicitySite.BrowserTests.Workflow;

/// <summary>
/// One news item from a contributor's draft through 初审, a return to the author, resubmission, a return from
/// 复审 to 初审, 复审 and 签发 (each with an opinion) to the 审签单 and the public page, clicked through the admin
/// in Chromium on a tablet-sized screen, with a screenshot of each step (bin/…/screenshots/workflow-walk/).
/// </summary>
public sealed class WorkflowWalkTests
{
    private const string Title = "市政协召开提案办理协商会（浏览器走查）";

    private static readonly string Shots = Path.Combine(AppContext.BaseDirectory, "screenshots", "workflow-walk");

    [Fact]
    public async Task A_news_item_goes_from_draft_through_returns_and_three_reviews_with_opinions_to_the_signoff_sheet_and_public_page()
    {
        using var site = new WalkSite();
        site.Start();
        await site.AddUserAsync("zhangsan", "Contributor", "张三");
        await site.AddUserAsync("lisi", "Editor", "李四");
        await site.AddUserAsync("wangwu", "Reviewer", "王五");
        await site.AddUserAsync("zhaoliu", "Publisher", "赵六");
        Directory.CreateDirectory(Shots);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var tablet = new BrowserNewContextOptions { ViewportSize = new() { Width = 1024, Height = 1366 }, Locale = "zh-CN", BaseURL = site.Address.ToString() };

        // 1. The contributor writes a draft and submits it.
        var page = await LoginAsync(browser, tablet, "zhangsan", "01-login");
        await page.GotoAsync("/admin/content/edit?type=News");
        await page.GetByLabel("标题").FillAsync(Title);
        await page.GetByLabel("栏目").SelectOptionAsync("工作动态");
        await PublicitySite.BrowserTests.Admin.RichEditorInput.ReplaceAsync(page, "市政协召开提案办理协商会，**委员与承办单位**面对面协商。\n\n会议听取了办理情况汇报。");
        await page.GetByLabel("来源").FillAsync("市政协办公室");
        await Expect(page.Locator("#preview strong"), "委员与承办单位");
        await Shot(page, "02-draft-with-live-preview");
        await NoSeriousAccessibilityProblemsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();
        await Expect(page.Locator(".flash"), "草稿已保存");
        var id = page.Url.Split('/').Last();
        await page.GetByRole(AriaRole.Button, new() { Name = "提交审核" }).ClickAsync();
        await Expect(page.Locator(".flash"), "已提交至“初审”");
        await Shot(page, "03-submitted");
        await page.Context.CloseAsync();

        // 2. The editor finds it in 我的待办, opens the review screen and sends it back with a reason.
        page = await LoginAsync(browser, tablet, "lisi", null);
        await Expect(page.Locator("main"), Title);
        await Shot(page, "04-editor-dashboard");
        await NoSeriousAccessibilityProblemsAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = Title }).First.ClickAsync();
        await Expect(page.Locator("h1"), "审阅：");
        await Expect(page.FrameLocator("#rendered").Locator("h1"), Title);
        await Shot(page, "04b-review-screen");
        await NoSeriousAccessibilityProblemsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "退回" }).ClickAsync();
        await Expect(page.Locator(".errors"), "须填写退回意见");
        await page.GetByLabel("意见").FillAsync("请补充会议时间和参会单位。");
        await page.GetByRole(AriaRole.Button, new() { Name = "退回" }).ClickAsync();
        await Expect(page.Locator(".flash"), "已退回作者");
        await page.Context.CloseAsync();

        // 3. The contributor sees the reason, revises and resubmits; then the item is read-only with its place in the chain.
        page = await LoginAsync(browser, tablet, "zhangsan", null);
        await Expect(page.Locator("main"), "请补充会议时间和参会单位。");
        await Shot(page, "05-returned-with-comment");
        await page.GetByRole(AriaRole.Link, new() { Name = Title }).First.ClickAsync();
        await PublicitySite.BrowserTests.Admin.RichEditorInput.ReplaceAsync(page, "11 月 20 日，市政协召开提案办理协商会，**委员与承办单位**面对面协商，市发展改革委等 6 家单位参会。\n\n会议听取了办理情况汇报。");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();
        await Expect(page.Locator(".flash"), "第 2 版草稿");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交审核" }).ClickAsync();
        await Expect(page.Locator(".flash"), "已提交至“初审”");
        await Expect(page.Locator("[aria-current=step]"), "初审");
        await Expect(page.Locator("main"), "审核期间稿件不能修改");
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).CountAsync());
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "退回" }).CountAsync());
        await Shot(page, "05b-author-read-only");
        await page.GotoAsync($"/admin/content/edit/{id}");
        Assert.Contains($"/admin/content/review/{id}", page.Url, StringComparison.Ordinal);
        await page.Context.CloseAsync();

        // 4. 初审 by the editor with an opinion, after checking the character diff of the revision.
        page = await LoginAsync(browser, tablet, "lisi", null);
        await page.GotoAsync($"/admin/content/history/{id}?a=1&b=2");
        await Expect(page.Locator(".diff ins").First, "11 月 20 日，");
        await Shot(page, "06-history-diff");
        await Decide(page, id, "初审通过", "文字、人名已核对。", null, "已转“复审”", "07-first-review-passed");

        // 5. 复审 sends it back to 初审 (not to the author), the editor passes it again.
        page = await LoginAsync(browser, tablet, "wangwu", null);
        await Decide(page, id, "退回", "请再核对参会单位名称。", "初审", "已退回至“初审”", "08-returned-to-first-review");
        page = await LoginAsync(browser, tablet, "lisi", null);
        await Decide(page, id, "初审通过", "参会单位名称已核对。", null, "已转“复审”", "08b-first-review-again");

        // 6. 复审 and 签发, each with an opinion.
        page = await LoginAsync(browser, tablet, "wangwu", null);
        await Decide(page, id, "复审通过", "同意，报终审。", null, "已转“终审签发”", "08c-second-review-passed");
        page = await LoginAsync(browser, tablet, "zhaoliu", null);
        await Decide(page, id, "签发", "同意发布。", null, "已签发，内容已发布", "09-signed-off");

        // 6b. The 审签单 holds every stage's opinion, signer and time, and prints on A4.
        page = await LoginAsync(browser, tablet, "zhaoliu", null);
        await page.GotoAsync($"/admin/content/history/{id}");
        await page.GetByRole(AriaRole.Link, new() { Name = "审签单" }).First.ClickAsync();
        var sheet = page.Locator("article.sheet");
        await Expect(sheet, Title);
        await Expect(sheet, "张三");
        await Expect(sheet, "参会单位名称已核对。");
        await Expect(sheet, "同意，报终审。");
        await Expect(sheet, "同意发布。");
        await Expect(sheet, "赵六");
        await Expect(sheet, "请再核对参会单位名称。");
        Assert.DoesNotContain("文字、人名已核对。", await sheet.InnerTextAsync(), StringComparison.Ordinal);
        await page.EmulateMediaAsync(new() { Media = Microsoft.Playwright.Media.Print });
        Assert.False(await page.Locator("header.bar").IsVisibleAsync());
        await Shot(page, "09b-signoff-sheet-print");
        var pdf = await page.PdfAsync(new() { Format = "A4", Path = Path.Combine(Shots, "09c-signoff-sheet.pdf") });
        Assert.True(pdf.Length > 10_000);
        await page.Context.CloseAsync();

        // 7. An anonymous reader sees it on the public site.
        var reader = await browser.NewContextAsync(tablet);
        var publicPage = await reader.NewPageAsync();
        var api = await publicPage.APIRequest.GetAsync($"/api/content/{id}");
        Assert.Equal(200, api.Status);
        var url = JsonDocument.Parse(await api.TextAsync()).RootElement.GetProperty("url").GetString()!;
        var response = await publicPage.GotoAsync(url);
        Assert.Equal(200, response!.Status);
        await Expect(publicPage.Locator("h1"), Title);
        await Expect(publicPage.Locator("body"), "市发展改革委等 6 家单位参会");
        await Shot(publicPage, "10-public-page");
        await reader.CloseAsync();
    }

    private static async Task<IPage> LoginAsync(IBrowser browser, BrowserNewContextOptions options, string name, string? shot)
    {
        var context = await browser.NewContextAsync(options);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/admin/login");
        await page.GetByLabel("用户名").FillAsync(name);
        await page.GetByLabel("密码").FillAsync(WalkSite.Password);
        if (shot is not null)
        {
            await Shot(page, shot);
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Expect(page.Locator("h1"), "我的待办");
        return page;
    }

    private static async Task Decide(IPage page, string id, string button, string opinion, string? returnTo, string flash, string shot)
    {
        await page.GotoAsync($"/admin/content/edit/{id}");
        await page.GetByLabel("意见").FillAsync(opinion);
        if (returnTo is not null)
        {
            await page.GetByLabel("退回至").SelectOptionAsync(returnTo);
        }

        await page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
        await Expect(page.Locator(".flash"), flash);
        await Expect(page.Locator("main table"), opinion);
        await Shot(page, shot);
        await page.Context.CloseAsync();
    }

    private static async Task Expect(ILocator locator, string text)
    {
        try
        {
            await locator.WaitForAsync(new() { Timeout = 10_000 });
        }
        catch (TimeoutException)
        {
            // Keep what the browser showed, so a failure can be read from the picture.
            await Shot(locator.Page, "failure");
            throw new TimeoutException($"“{text}” did not appear at {locator.Page.Url}; the page was: {await locator.Page.Locator("main").InnerTextAsync()}");
        }

        for (var i = 0; i < 50 && !(await locator.InnerTextAsync()).Contains(text, StringComparison.Ordinal); i++)
        {
            await Task.Delay(100);
        }

        Assert.Contains(text, await locator.InnerTextAsync());
    }

    /// <summary>axe-core on the admin page: nothing serious or critical (GB/T 37668 follows WCAG 2.x).</summary>
    private static async Task NoSeriousAccessibilityProblemsAsync(IPage page)
    {
        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help} ({v.Nodes.Length} 处: {string.Join("; ", v.Nodes.Take(5).Select(n => n.Html))})");
        Assert.True(!serious.Any(), string.Join("\n", serious));
    }

    private static Task Shot(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(Shots, name + ".png"), FullPage = true });
}
