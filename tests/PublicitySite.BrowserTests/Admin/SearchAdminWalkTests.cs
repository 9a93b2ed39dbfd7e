using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PublicitySite.BrowserTests.Workflow;
using PublicitySite.Contents;

namespace PublicitySite.BrowserTests.Admin;

/// <summary>
/// An administrator opens 搜索管理 from the menu in Chromium, clicks 重建索引 and sees the build's progress bar
/// end full with the finished state and document count. Screenshots in bin/…/screenshots/search-admin/.
/// </summary>
public sealed class SearchAdminWalkTests
{
    private static readonly string Shots = Path.Combine(AppContext.BaseDirectory, "screenshots", "search-admin");

    [Fact]
    public async Task An_administrator_rebuilds_the_index_and_sees_the_progress_end_in_the_finished_state()
    {
        using var site = new WalkSite();
        site.Start();
        await site.AddUserAsync("search-walker", "Administrator", "搜索管理员");
        await PublishAsync(site, 25);
        Directory.CreateDirectory(Shots);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new() { Width = 1280, Height = 900 }, Locale = "zh-CN", BaseURL = site.Address.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/admin/login");
        await page.GetByLabel("用户名").FillAsync("search-walker");
        await page.GetByLabel("密码").FillAsync(WalkSite.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.Locator("h1").Filter(new() { HasText = "我的待办" }).WaitForAsync();

        var menu = page.GetByRole(AriaRole.Navigation, new() { Name = "管理菜单" });
        await menu.GetByText("系统", new() { Exact = true }).ClickAsync(); // the menu's 系统 group opens
        await Shot(page, "00-menu-system-group");
        await menu.GetByRole(AriaRole.Link, new() { Name = "搜索管理" }).ClickAsync();
        await page.Locator("h1").Filter(new() { HasText = "搜索管理" }).WaitForAsync();
        await Shot(page, "01-before");
        await page.GetByRole(AriaRole.Button, new() { Name = "重建索引" }).ClickAsync();
        await page.Locator(".flash").Filter(new() { HasText = "已开始重建索引" }).Or(page.Locator("#reindex-outcome")).First.WaitForAsync();
        await Shot(page, "02-started");

        // The page polls while building and reloads itself when done; without a build in hand it shows the last one.
        await page.Locator("#reindex-outcome").WaitForAsync(new() { Timeout = 30_000 });
        Assert.Equal("就绪", (await page.Locator("#index-state").InnerTextAsync()).Trim());
        Assert.Matches(@"重建完成，索引 \d+ 个文档", await page.Locator("#reindex-outcome").InnerTextAsync());
        var bar = page.Locator("progress#reindex-progress");
        Assert.Equal(await bar.GetAttributeAsync("max"), await bar.GetAttributeAsync("value"));
        Assert.Equal("已处理 25 / 25", (await page.Locator("#reindex-count").InnerTextAsync()).Trim());
        Assert.True(int.Parse(await page.Locator("#index-documents").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture) >= 25);
        await Shot(page, "03-finished");
    }

    private static async Task PublishAsync(WalkSite site, int count)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<ContentManager>();
        for (var i = 1; i <= count; i++)
        {
            var created = await manager.CreateAsync("News", new JsonObject { ["title"] = $"市政协第{i}次专题协商会召开", ["column"] = "工作动态", ["body"] = "会议围绕年度重点工作开展协商。" }, "admin");
            Assert.True(created.Succeeded, created.Failure?.Detail);
            Assert.True((await manager.PublishAsync(created.Value!.ContentItemId)).Succeeded);
        }
    }

    private static Task Shot(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(Shots, name + ".png"), FullPage = true });
}
