using Microsoft.Playwright;
using PublicitySite.BrowserTests.Infrastructure;

namespace PublicitySite.BrowserTests.Site;

/// <summary>A reader's path through the site in real Chromium, with screenshots at phone and desktop widths.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ReadingTests(BrowserSite site)
{
    [Theory]
    [InlineData(360)]
    [InlineData(1366)]
    [InlineData(1920)]
    public async Task The_home_page_reads_without_horizontal_scrolling(int width)
    {
        var page = await site.OpenAsync("/", width);

        Assert.True(await page.Locator(".headline h2 a").IsVisibleAsync());
        Assert.Equal(7, await page.Locator(".block-title").CountAsync()); // four news columns, members, proposals, literature
        await AssertNoHorizontalScrollAsync(page, width);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSite.ScreenshotDir, $"home-{width}.png"), FullPage = true });
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(360)]
    [InlineData(1366)]
    public async Task A_reader_opens_an_article_from_the_home_page(int width)
    {
        var page = await site.OpenAsync("/", width);
        var first = page.Locator(".block-lead .list a").First;
        var title = (await first.TextContentAsync())!.Trim();

        await first.ClickAsync();

        await Assertions.Expect(page.Locator("article h1")).ToContainTextAsync(title);
        Assert.True(await page.Locator(".meta").IsVisibleAsync());
        await AssertNoHorizontalScrollAsync(page, width);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSite.ScreenshotDir, $"article-{width}.png"), FullPage = true });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_text_size_control_enlarges_the_article_in_place_and_remembers_it()
    {
        var page = await site.OpenAsync(Article);
        var before = await BodyFontSizeAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "大", Exact = true }).ClickAsync();

        Assert.EndsWith(Article, page.Url, StringComparison.Ordinal); // enhanced by script: no reload to ?size=l
        Assert.True(await BodyFontSizeAsync(page) > before * 1.15);
        await page.ReloadAsync();
        Assert.True(await BodyFontSizeAsync(page) > before * 1.15);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_text_size_links_work_without_JavaScript()
    {
        var page = await site.OpenAsync(Article, javaScript: false);
        var before = await page.Locator(".body").EvaluateAsync<double>("e => parseFloat(getComputedStyle(e).fontSize)");

        await page.GetByRole(AriaRole.Link, new() { Name = "大", Exact = true }).ClickAsync();

        Assert.Contains("size=l", page.Url, StringComparison.Ordinal);
        Assert.True(await page.Locator(".body").EvaluateAsync<double>("e => parseFloat(getComputedStyle(e).fontSize)") > before * 1.15);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Elder_mode_enlarges_text_by_half_and_persists_across_pages()
    {
        var page = await site.OpenAsync("/", 1366);
        var before = await RootFontSizeAsync(page);

        await page.Locator(".topbar .elder-toggle").ClickAsync();

        Assert.Contains("elder", await page.Locator("html").GetAttributeAsync("class") ?? "", StringComparison.Ordinal);
        Assert.True(await RootFontSizeAsync(page) >= before * 1.5);
        await page.GotoAsync("/column/yaowen");
        Assert.Contains("elder", await page.Locator("html").GetAttributeAsync("class") ?? "", StringComparison.Ordinal);
        Assert.True(await page.GetByRole(AriaRole.Link, new() { Name = "退出长者模式" }).First.IsVisibleAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSite.ScreenshotDir, "elder-column-1366.png"), FullPage = true });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Elder_mode_on_a_phone_has_no_horizontal_scrolling()
    {
        var page = await site.OpenAsync("/?elder=1", 360);

        await AssertNoHorizontalScrollAsync(page, 360);
        Assert.False(await page.Locator(".lead-figure").IsVisibleAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSite.ScreenshotDir, "elder-home-360.png"), FullPage = true });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Printing_shows_the_article_alone()
    {
        var page = await site.OpenAsync(Article);

        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Microsoft.Playwright.Media.Print });

        foreach (var selector in new[] { ".masthead", ".nav", ".footer", ".article-tools", ".prevnext", ".related", ".topbar" })
        {
            Assert.False(await page.Locator(selector).First.IsVisibleAsync(), selector + " should not print");
        }

        Assert.True(await page.Locator("article h1").IsVisibleAsync());
        Assert.True(await page.Locator(".print-url").IsVisibleAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSite.ScreenshotDir, "article-print.png"), FullPage = true });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_keyboard_reaches_the_skip_link_first_and_it_moves_focus_to_the_content()
    {
        var page = await site.OpenAsync("/");

        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("跳到正文", await page.EvaluateAsync<string>("document.activeElement.textContent"));
        Assert.True(await page.Locator(".skip").IsVisibleAsync());
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForURLAsync("**/#main");
        Assert.Equal("main", await page.EvaluateAsync<string>("document.activeElement.id"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Search_from_the_header_reaches_the_search_page()
    {
        var page = await site.OpenAsync("/");

        await page.Locator("#site-search").FillAsync("护栏");
        await page.Locator("#site-search").PressAsync("Enter");

        await page.WaitForURLAsync("**/search?q=*");
        Assert.Contains("search?q=", page.Url, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    private const string Article = "/news/2025/shi-zhengxie-wujie-sanci-huiyi-kaimu";

    private static Task<double> BodyFontSizeAsync(IPage page) =>
        page.Locator(".body").EvaluateAsync<double>("e => parseFloat(getComputedStyle(e).fontSize)");

    private static Task<double> RootFontSizeAsync(IPage page) =>
        page.EvaluateAsync<double>("parseFloat(getComputedStyle(document.documentElement).fontSize)");

    private static async Task AssertNoHorizontalScrollAsync(IPage page, int width)
    {
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= width, $"page is {scrollWidth}px wide at a {width}px viewport");
    }
}
