using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using PublicitySite.BrowserTests.Workflow;

namespace PublicitySite.BrowserTests.Admin;

/// <summary>
/// An administrator reorders the main menu at 导航管理 by keyboard (下移) and, on a desktop, by dragging, saves,
/// and the public header follows; a 友情链接 in the footer leads to the 即将离开本站 page. At 1366×900 and
/// 390×844; screenshots in bin/…/screenshots/navigation/ (or PUBLICITY_SHOTS).
/// </summary>
public sealed class NavigationWalkTests
{
    private static string Shots => Environment.GetEnvironmentVariable("PUBLICITY_SHOTS") is { Length: > 0 } dir ? dir : Path.Combine(AppContext.BaseDirectory, "screenshots", "navigation");

    [Theory]
    [InlineData(1366, 900)]
    [InlineData(390, 844)]
    public async Task An_administrator_reorders_the_menu_and_a_friend_link_warns_before_leaving(int width, int height)
    {
        using var site = new WalkSite();
        site.Start();
        await site.AddUserAsync("nav-walker", "Administrator", "导航管理员");
        Directory.CreateDirectory(Shots);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new() { Width = width, Height = height }, Locale = "zh-CN", BaseURL = site.Address.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/admin/login");
        await page.GetByLabel("用户名").FillAsync("nav-walker");
        await page.GetByLabel("密码").FillAsync(WalkSite.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.Locator("h1").Filter(new() { HasText = "我的待办" }).WaitForAsync();

        await page.GotoAsync("/admin/navigation");
        var rows = page.Locator("[data-row=link] input[name=target]");
        Assert.Equal("yaowen", await rows.Nth(0).InputValueAsync()); // column rows show the column's name unless renamed
        await Axe(page, "导航管理");

        // Keyboard: 下移 on the first row moves it below 工作动态, and focus stays on the button.
        await page.GetByRole(AriaRole.Button, new() { Name = "下移“政协要闻”" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("dongtai", await rows.Nth(0).InputValueAsync());
        Assert.Equal("yaowen", await rows.Nth(1).InputValueAsync());
        Assert.Contains("已将“政协要闻”下移", await page.Locator("[data-order-status]").InnerTextAsync());

        var expectedFirst = "工作动态";
        if (width >= 900)
        {
            // A desktop drags 通知公告 by its handle onto the top row (rows near the top: no scrolling mid-drag).
            await page.Locator("h1").ScrollIntoViewIfNeededAsync();
            var handle = page.Locator("[data-row=link]", new() { Has = page.Locator("input[value='tonggao']") }).Locator(".handle");
            await handle.DragToAsync(page.Locator("[data-row=link]").Nth(0), new() { TargetPosition = new() { X = 20, Y = 10 } });
            Assert.Equal("tonggao", await rows.Nth(0).InputValueAsync());
            Assert.Equal("dongtai", await rows.Nth(1).InputValueAsync());
            Assert.Contains("移到第 1 位", await page.Locator("[data-order-status]").InnerTextAsync());
            expectedFirst = "通知公告";
        }

        await Shot(page, $"admin-navigation-{width}");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();
        await page.Locator(".flash").Filter(new() { HasText = "主菜单已保存" }).WaitForAsync();

        await page.GotoAsync("/");
        if (width < 768)
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "菜单" }).ClickAsync();
        }

        var nav = page.Locator("#site-nav a");
        Assert.Equal("首页", (await nav.Nth(0).InnerTextAsync()).Trim());
        Assert.Equal(expectedFirst, (await nav.Nth(1).InnerTextAsync()).Trim());
        await Shot(page, $"home-menu-{width}", fullPage: false);

        var friend = page.Locator(".friend-links a", new() { HasText = "中国政府网" });
        await friend.ScrollIntoViewIfNeededAsync();
        Assert.True(await page.Locator(".friend-links h3", new() { HasText = "政府网站" }).IsVisibleAsync());
        await Shot(page, $"footer-friend-links-{width}", fullPage: false);
        await friend.ClickAsync();
        await page.Locator("h1").Filter(new() { HasText = "即将离开本站" }).WaitForAsync();
        Assert.Equal("https://www.gov.cn/", await page.GetByRole(AriaRole.Link, new() { Name = "继续访问" }).GetAttributeAsync("href"));
        await Axe(page, "即将离开本站");
        await Shot(page, $"leave-{width}", fullPage: false);
    }

    [Fact]
    public async Task Without_a_script_the_move_button_saves_the_new_order()
    {
        using var site = new WalkSite();
        site.Start();
        await site.AddUserAsync("nav-nojs", "Administrator", "导航管理员");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new() { Width = 1366, Height = 900 }, Locale = "zh-CN", BaseURL = site.Address.ToString(), JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/admin/login");
        await page.GetByLabel("用户名").FillAsync("nav-nojs");
        await page.GetByLabel("密码").FillAsync(WalkSite.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.GotoAsync("/admin/navigation?menu=footer");
        await page.GetByRole(AriaRole.Button, new() { Name = "上移“网站地图”" }).ClickAsync();
        await page.Locator(".flash").Filter(new() { HasText = "页脚链接已将“网站地图”上移" }).WaitForAsync();
        var rows = page.Locator("[data-row=link] input[name=label]");
        Assert.Equal("网站地图", await rows.Nth(1).InputValueAsync());
        await page.GotoAsync("/");
        Assert.Equal("网站地图", (await page.Locator(".footer-links a").Nth(1).InnerTextAsync()).Trim());
    }

    private static async Task Axe(IPage page, string what)
    {
        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {string.Join(", ", v.Nodes.Take(3).Select(n => n.Html))}").ToList();
        Assert.True(serious.Count == 0, what + ": " + string.Join("\n", serious));
    }

    private static Task Shot(IPage page, string name, bool fullPage = true) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(Shots, name + ".png"), FullPage = fullPage });
}
