using System.Diagnostics;
using Microsoft.Playwright;
using PublicitySite.BrowserTests.Workflow;
using PublicitySite.Tests.RichText;

namespace PublicitySite.BrowserTests.Admin;

/// <summary>
/// 导入Word in Chromium: a 20-section report (a heading, text, a list, a merged-cell table and a picture in each)
/// is chosen on the import page and opens as a draft in the rich editor. Screenshots go to bin/…/screenshots/import-word/.
/// </summary>
public sealed class ImportWordWalkTests
{
    private static readonly string Shots = Path.Combine(AppContext.BaseDirectory, "screenshots", "import-word");

    [Fact]
    public async Task A_twenty_section_report_opens_in_the_editor_with_its_tables_and_pictures()
    {
        using var site = new WalkSite();
        site.Start();
        await site.AddUserAsync("word-walk", "Editor", "导入编辑");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new() { Width = 1366, Height = 768 }, Locale = "zh-CN", BaseURL = site.Address.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/admin/login");
        await page.GetByLabel("用户名").FillAsync("word-walk");
        await page.GetByLabel("密码").FillAsync(WalkSite.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.Locator("h1").Filter(new() { HasText = "我的待办" }).WaitForAsync();

        var menu = page.GetByRole(AriaRole.Navigation, new() { Name = "管理菜单" });
        await menu.GetByText("内容", new() { Exact = true }).ClickAsync(); // the menu's 内容 group opens
        await menu.GetByRole(AriaRole.Link, new() { Name = "导入Word" }).ClickAsync();
        await page.GetByLabel("内容类型").SelectOptionAsync("News");
        await page.GetByLabel("栏目").SelectOptionAsync("工作动态");
        await page.GetByLabel("Word 文档（.docx）").SetInputFilesAsync(new FilePayload
        {
            Name = "年度调研报告.docx",
            MimeType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            Buffer = WordFixture.Report("2025年度社区养老服务调研报告", sections: 20),
        });
        Directory.CreateDirectory(Shots);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, "01-import-page.png"), FullPage = true });
        var clock = Stopwatch.StartNew();
        await page.GetByRole(AriaRole.Button, new() { Name = "导入为草稿" }).ClickAsync();
        await page.Locator(".flash").Filter(new() { HasText = "已从 Word 导入为草稿：20 张图片、20 个表格、1 条脚注" }).WaitForAsync(new() { Timeout = 30_000 });
        await RichEditorInput.WaitReadyAsync(page);
        Console.WriteLine($"a 20-section .docx (20 tables, 20 pictures) opened as a draft in the editor {clock.ElapsedMilliseconds} ms after 导入为草稿");

        Assert.Equal("2025年度社区养老服务调研报告", await page.GetByLabel("标题").InputValueAsync());
        var body = RichEditorInput.Body(page);
        Assert.Equal(20, await body.Locator("table").CountAsync());
        Assert.Equal(20, await body.Locator("td[rowspan='2']").CountAsync());
        Assert.Equal(20, await body.Locator("figure img[src^='/media/']").CountAsync());
        Assert.Equal("第1部分调研现场照片", await body.Locator("figure img").First.GetAttributeAsync("alt"));
        Assert.Equal("新建站点优先老旧小区", await body.Locator("ol > li ul > li").First.InnerTextAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, "02-imported-draft-1366x768.png") });

        // The media library, inside the admin, lists the document's pictures and shows where each is used.
        await menu.GetByRole(AriaRole.Link, new() { Name = "媒体库" }).ClickAsync();
        var search = page.GetByRole(AriaRole.Search);
        await search.GetByLabel("文件夹").FillAsync("Word导入");
        await search.GetByRole(AriaRole.Button, new() { Name = "检索" }).ClickAsync();
        await page.Locator("#grid button").Filter(new() { HasText = "第1部分调研现场照片" }).ClickAsync();
        await page.Locator("#usage").Filter(new() { HasText = "2025年度社区养老服务调研报告" }).WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, "03-media-library-usage.png"), FullPage = true });
        await context.CloseAsync();
    }
}
