using Microsoft.Playwright;
using PublicitySite.BrowserTests.Workflow;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace PublicitySite.BrowserTests.Admin;

/// <summary>
/// The cover image of a news item chosen in Chromium: uploaded from the editor, removed, then picked again in
/// the media library's picker window; the thumbnail and the saved value are checked, with screenshots
/// (bin/…/screenshots/cover-picker/).
/// </summary>
public sealed class CoverPickerWalkTests
{
    private static readonly string Shots = Path.Combine(AppContext.BaseDirectory, "screenshots", "cover-picker");

    [Fact]
    public async Task An_editor_uploads_removes_and_picks_a_cover_in_the_library_popup_and_the_draft_keeps_it()
    {
        using var site = new WalkSite();
        site.Start();
        await site.AddUserAsync("cover-editor", "Editor", "封面编辑");
        Directory.CreateDirectory(Shots);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var options = new BrowserNewContextOptions { ViewportSize = new() { Width = 1280, Height = 1000 }, Locale = "zh-CN", BaseURL = site.Address.ToString() };
        var page = await LoginAsync(browser, options);

        await page.GotoAsync("/admin/content/edit?type=News");
        await page.GetByLabel("标题").FillAsync("市政协举行全体会议（封面图走查）");
        await page.GetByLabel("栏目").SelectOptionAsync("工作动态");
        await PublicitySite.BrowserTests.Admin.RichEditorInput.ReplaceAsync(page, "会议听取了常委会工作报告。");
        var cover = page.Locator("fieldset.media-field").Filter(new() { HasText = "封面图" });
        var input = cover.GetByLabel("媒体库编号");

        // Upload through the library's endpoint from the field itself.
        await cover.GetByRole(AriaRole.Button, new() { Name = "上传新图片" }).ClickAsync();
        await cover.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "plenary.jpg", MimeType = "image/jpeg", Buffer = Jpeg() });
        await cover.GetByLabel("替代文字（必填，供读屏软件朗读）").FillAsync("全体会议会场");
        await cover.GetByRole(AriaRole.Button, new() { Name = "上传并使用" }).ClickAsync();
        await cover.Locator("img[data-thumb]").WaitForAsync(new() { Timeout = 15_000 });
        var uploaded = await input.InputValueAsync();
        Assert.Matches("^[0-9a-z]{12}$", uploaded);

        await cover.GetByRole(AriaRole.Button, new() { Name = "移除" }).ClickAsync();
        Assert.Equal("", await input.InputValueAsync());
        Assert.Equal(0, await cover.Locator("img[data-thumb]").CountAsync());

        // Pick it again in the library's picker window.
        var popup = await page.RunAndWaitForPopupAsync(() => cover.GetByRole(AriaRole.Button, new() { Name = "选择图片" }).ClickAsync());
        await popup.Locator("#grid button").Filter(new() { HasText = "plenary.jpg" }).ClickAsync();
        await popup.Locator("#pick").WaitForAsync(new() { State = WaitForSelectorState.Visible });
        await Shot(popup, "01-library-picker");
        try
        {
            await popup.Locator("#pick").ClickAsync();
        }
        catch (PlaywrightException) when (popup.IsClosed)
        {
            // Picking closes the window, sometimes before the click's own bookkeeping ends: that is the point.
        }

        await cover.Locator("img[data-thumb]").WaitForAsync(new() { Timeout = 10_000 });
        Assert.Equal(uploaded, await input.InputValueAsync());
        for (var i = 0; i < 50 && !popup.IsClosed; i++)
        {
            await Task.Delay(100);
        }

        Assert.True(popup.IsClosed, "the picker window closes after the pick");
        Assert.Contains("/media/" + uploaded, await cover.Locator("img[data-thumb]").GetAttributeAsync("src"), StringComparison.Ordinal);
        await Shot(page, "02-cover-picked");

        await page.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();
        await page.Locator(".flash").WaitForAsync();
        Assert.Contains("草稿已保存", await page.Locator(".flash").InnerTextAsync());
        Assert.Equal(uploaded, await cover.GetByLabel("媒体库编号").InputValueAsync());
        var thumb = cover.Locator("img[data-thumb]");
        Assert.Equal("全体会议会场", await thumb.GetAttributeAsync("alt"));
        Assert.True(await thumb.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "the saved cover's thumbnail loads");
        await Shot(page, "03-draft-saved-with-cover");
    }

    [Fact]
    public async Task Without_JavaScript_the_cover_is_a_plain_id_input_with_a_link_to_the_library()
    {
        using var site = new WalkSite();
        site.Start();
        await site.AddUserAsync("plain-editor", "Editor", "无脚本编辑");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var options = new BrowserNewContextOptions { Locale = "zh-CN", BaseURL = site.Address.ToString(), JavaScriptEnabled = false };
        var page = await LoginAsync(browser, options, "plain-editor");

        await page.GotoAsync("/admin/content/edit?type=News");
        var cover = page.Locator("fieldset.media-field").Filter(new() { HasText = "封面图" });

        Assert.True(await cover.GetByLabel("媒体库编号").IsVisibleAsync());
        Assert.True(await cover.GetByRole(AriaRole.Link, new() { Name = "媒体库" }).IsVisibleAsync());
        Assert.False(await cover.GetByRole(AriaRole.Button, new() { Name = "选择图片" }).IsVisibleAsync());
        await Shot(page, "04-without-javascript");
    }

    private static async Task<IPage> LoginAsync(IBrowser browser, BrowserNewContextOptions options, string name = "cover-editor")
    {
        var context = await browser.NewContextAsync(options);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/admin/login");
        await page.GetByLabel("用户名").FillAsync(name);
        await page.GetByLabel("密码").FillAsync(WalkSite.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.Locator("h1").Filter(new() { HasText = "我的待办" }).WaitForAsync();
        return page;
    }

    private static byte[] Jpeg()
    {
        using var image = new Image<Rgb24>(960, 600, new Rgb24(168, 18, 28));
        using var stream = new MemoryStream();
        image.SaveAsJpeg(stream);
        return stream.ToArray();
    }

    private static Task Shot(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(Shots, name + ".png"), FullPage = true });
}
