using System.Globalization;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using PublicitySite.Settings;
using Xunit.Abstractions;

namespace PublicitySite.Tests.Curation;

/// <summary>
/// The curated public face in real Chromium at 1366×900 and 390×844: the 轮播 by keyboard and without
/// JavaScript, the 菜单 panel, the first line of an article inside the first phone screen (also in 长者模式),
/// the picture column, greyscale 哀悼模式 ending at its time, and no serious axe findings on the new pages.
/// Screenshots go to <c>screenshots/curation/</c> beside the test binaries (or PUBLICITY_SHOTS).
/// </summary>
[Collection(CuratedSiteCollection.Name)]
public sealed class CurationBrowserTests(CuratedSite curated, ITestOutputHelper output) : IAsyncLifetime
{
    private IPlaywright playwright = null!;
    private IBrowser browser = null!;

    private static string Shots => Environment.GetEnvironmentVariable("PUBLICITY_SHOTS") is { Length: > 0 } dir ? dir : Path.Combine(AppContext.BaseDirectory, "screenshots", "curation");

    public async Task InitializeAsync()
    {
        playwright = await Playwright.CreateAsync();
        browser = await Chromium.LaunchAsync(playwright);
        Directory.CreateDirectory(Shots);
    }

    public async Task DisposeAsync()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
    }

    [Theory]
    [InlineData(1366, 900)]
    [InlineData(390, 844)]
    public async Task The_carousel_moves_by_keyboard_and_pauses(int width, int height)
    {
        var page = await OpenAsync("/", width, height);
        var slides = page.Locator("[data-carousel] .slide");
        Assert.Equal(3, await slides.CountAsync());
        Assert.True(await slides.Nth(0).IsVisibleAsync());
        Assert.False(await slides.Nth(1).IsVisibleAsync());

        var next = page.GetByRole(AriaRole.Button, new() { Name = "下一张" });
        await next.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        Assert.True(await slides.Nth(1).IsVisibleAsync());
        Assert.False(await slides.Nth(0).IsVisibleAsync());
        await page.Keyboard.PressAsync("ArrowRight");
        Assert.True(await slides.Nth(2).IsVisibleAsync());
        await page.Keyboard.PressAsync("ArrowLeft");
        Assert.True(await slides.Nth(1).IsVisibleAsync());

        var pause = page.Locator(".carousel-pause");
        Assert.Equal("false", await pause.GetAttributeAsync("aria-pressed"));
        await pause.ClickAsync();
        Assert.Equal("true", await pause.GetAttributeAsync("aria-pressed"));
        Assert.Equal("播放轮播", (await pause.TextContentAsync())?.Trim());
        Assert.Equal("polite", await page.Locator("[data-carousel] .slides").GetAttributeAsync("aria-live"));

        // Every slide's picture carries alt text and comes from the responsive variants.
        foreach (var img in await page.Locator("[data-carousel] .slide img").AllAsync())
        {
            Assert.False(string.IsNullOrWhiteSpace(await img.GetAttributeAsync("alt")));
            Assert.Contains("w", await img.GetAttributeAsync("srcset") ?? "");
        }

        Assert.Equal("high", await page.Locator("[data-carousel] .slide img").First.GetAttributeAsync("fetchpriority"));
        await ShotAsync(page, $"home-{width}");
        await AxeAsync(page, $"home {width}");
    }

    [Fact]
    public async Task With_reduced_motion_the_carousel_starts_paused()
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 900 }, ReducedMotion = ReducedMotion.Reduce, Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(curated.BaseAddress, "/").ToString());
        Assert.Equal("true", await page.Locator(".carousel-pause").GetAttributeAsync("aria-pressed"));
        await context.CloseAsync();
    }

    [Theory]
    [InlineData(1366, 900)]
    [InlineData(390, 844)]
    public async Task Without_javascript_the_first_slide_shows_and_the_others_are_links(int width, int height)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height }, JavaScriptEnabled = false, Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(curated.BaseAddress, "/").ToString());
        var slides = page.Locator("[data-carousel] .slide");
        Assert.True(await slides.Nth(0).IsVisibleAsync());
        Assert.False(await slides.Nth(1).IsVisibleAsync());
        var links = page.Locator("[data-carousel] .slide-links a");
        Assert.Equal(3, await links.CountAsync());
        Assert.True(await links.Nth(1).IsVisibleAsync());
        Assert.Contains("推荐新闻第2条", await links.Nth(1).TextContentAsync());
        Assert.Equal(await curated.UrlOfAsync(curated.Slides[1]), await links.Nth(1).GetAttributeAsync("href"));
        Assert.Equal(0, await page.Locator(".carousel-controls").CountAsync());
        await context.CloseAsync();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task On_a_phone_the_menu_opens_as_a_panel_and_the_article_starts_in_the_first_screen(bool elder)
    {
        var mode = elder ? "elder" : "normal";
        var page = await OpenAsync(elder ? "/?elder=1" : "/?elder=0", 390, 844);
        Assert.False(await page.Locator("#site-nav").IsVisibleAsync());
        Assert.True(await page.Locator(".brand-name").IsVisibleAsync());
        Assert.True(await page.Locator(".m-search").IsVisibleAsync());
        await ShotAsync(page, $"mobile-home-{mode}", fullPage: false);
        await AxeAsync(page, $"mobile home {mode}");

        var menu = page.GetByRole(AriaRole.Button, new() { Name = "菜单" });
        Assert.Equal("false", await menu.GetAttributeAsync("aria-expanded"));
        await menu.ClickAsync();
        Assert.Equal("true", await menu.GetAttributeAsync("aria-expanded"));
        Assert.True(await page.Locator("#site-nav").IsVisibleAsync());
        Assert.True(await page.Locator("#site-nav a", new() { HasText = "工作动态" }).IsVisibleAsync());
        await ShotAsync(page, $"mobile-menu-{mode}", fullPage: false);
        await page.Keyboard.PressAsync("Escape");
        Assert.False(await page.Locator("#site-nav").IsVisibleAsync());

        await page.GotoAsync(new Uri(curated.BaseAddress, curated.ArticleUrl).ToString());
        var top = await page.EvaluateAsync<double>("document.querySelector('.article .body p').getBoundingClientRect().top");
        var lineHeight = await page.EvaluateAsync<double>("parseFloat(getComputedStyle(document.querySelector('.article .body p')).lineHeight)");
        output.WriteLine($"{mode}: first text line at {top:0} px, line height {lineHeight:0} px");
        Assert.True(top + lineHeight <= 844, $"the article's first line ends at {top + lineHeight:0} px, below the first screen ({mode})");
        await ShotAsync(page, $"mobile-article-{mode}", fullPage: false);
        await AxeAsync(page, $"mobile article {mode}");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Without_javascript_the_menu_link_opens_the_panel()
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 }, JavaScriptEnabled = false, Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(curated.BaseAddress, "/").ToString());
        Assert.False(await page.Locator("#site-nav").IsVisibleAsync());
        await page.Locator(".m-menu").ClickAsync();
        Assert.True(await page.Locator("#site-nav").IsVisibleAsync());
        await context.CloseAsync();
    }

    [Theory]
    [InlineData(1366, 900)]
    [InlineData(390, 844)]
    public async Task The_picture_column_is_a_grid_of_covers_with_titles(int width, int height)
    {
        var page = await OpenAsync("/column/tupian", width, height);
        var cells = page.Locator(".picture-grid li");
        Assert.True(await cells.CountAsync() >= 4);
        var first = await cells.Nth(0).BoundingBoxAsync();
        var second = await cells.Nth(1).BoundingBoxAsync();
        Assert.Equal(first!.Y, second!.Y, 1.0); // side by side, also on a phone
        Assert.True(await cells.Nth(0).Locator("img").IsVisibleAsync());
        Assert.Contains("图片新闻：委员视察现场", await cells.Nth(0).TextContentAsync());
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= width, $"scrolls sideways ({scrollWidth}px)");
        await ShotAsync(page, $"picture-column-{width}");
        await AxeAsync(page, $"picture column {width}");
    }

    [Theory]
    [InlineData(1366, 900)]
    [InlineData(390, 844)]
    public async Task An_archived_item_shows_its_notice_and_is_absent_from_its_list(int width, int height)
    {
        var page = await OpenAsync("/column/dongtai", width, height);
        Assert.Equal(0, await page.GetByText(CuratedSite.ArchivedTitle).CountAsync());
        await page.GotoAsync(new Uri(curated.BaseAddress, curated.ArchivedUrl).ToString());
        Assert.True(await page.Locator(".archived-notice").IsVisibleAsync());
        await AxeAsync(page, "archived article");
    }

    [Theory]
    [InlineData(1366, 900)]
    [InlineData(390, 844)]
    public async Task Mourning_mode_turns_the_site_grey_and_ends_at_its_time(int width, int height)
    {
        var end = PublicitySite.Contents.SiteTime.ToLocal(curated.Clock.GetUtcNow().UtcDateTime.AddMinutes(10)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        await curated.UpdateSettingsAsync(new() { [SiteSettingKeys.MourningUntil] = end });
        try
        {
            var page = await OpenAsync("/", width, height);
            Assert.Equal("grayscale(1)", await page.EvaluateAsync<string>("getComputedStyle(document.documentElement).filter"));
            await ShotAsync(page, $"home-mourning-{width}", fullPage: false);
            await page.GotoAsync(new Uri(curated.BaseAddress, "/?elder=1").ToString());
            Assert.Equal("grayscale(1)", await page.EvaluateAsync<string>("getComputedStyle(document.documentElement).filter"));
            Assert.Contains("elder", await page.EvaluateAsync<string>("document.documentElement.className"));
            await page.GotoAsync(new Uri(curated.BaseAddress, "/?elder=0").ToString());

            curated.Clock.Advance(TimeSpan.FromMinutes(11));
            await Task.Delay(1500); // the watcher sees the end pass and empties the cached pages
            await page.ReloadAsync();
            Assert.Equal("none", await page.EvaluateAsync<string>("getComputedStyle(document.documentElement).filter"));
        }
        finally
        {
            await curated.UpdateSettingsAsync(new() { [SiteSettingKeys.MourningUntil] = null });
        }
    }

    [Theory]
    [InlineData(1366, 900)]
    [InlineData(390, 844)]
    public async Task A_topic_page_shows_its_banner_and_sections(int width, int height)
    {
        var page = await OpenAsync(curated.TopicUrl, width, height);
        Assert.True(await page.GetByRole(AriaRole.Heading, new() { Name = "学习贯彻全会精神", Level = 1 }).IsVisibleAsync());
        Assert.True(await page.Locator(".topic-banner img").IsVisibleAsync());
        Assert.Equal(3, await page.Locator(".topic-sections section").CountAsync());
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= width, $"scrolls sideways ({scrollWidth}px)");
        await ShotAsync(page, $"topic-{width}");
        await AxeAsync(page, $"topic {width}");
        await page.GotoAsync(new Uri(curated.BaseAddress, "/zhuanti").ToString());
        await AxeAsync(page, $"topic index {width}");
    }

    [Fact]
    public async Task On_a_phone_search_facets_sit_behind_a_filter_button()
    {
        var page = await OpenAsync("/search?q=%E6%94%BF%E5%8D%8F", 390, 844);
        var filter = page.Locator("details[data-filter] > summary");
        Assert.True(await filter.IsVisibleAsync());
        Assert.False(await page.Locator(".search-facets").IsVisibleAsync());
        await filter.ClickAsync();
        Assert.True(await page.Locator(".search-facets").IsVisibleAsync());
        var facets = await page.Locator(".search-filter").BoundingBoxAsync();
        var results = await page.Locator(".search-results").BoundingBoxAsync();
        Assert.True(facets!.Y < results!.Y, "the filter sits above the results");
        await page.Context.CloseAsync();

        var desktop = await OpenAsync("/search?q=%E6%94%BF%E5%8D%8F", 1366, 900);
        Assert.True(await desktop.Locator(".search-facets").IsVisibleAsync());
        Assert.False(await desktop.Locator("details[data-filter] > summary").IsVisibleAsync());
    }

    [Theory]
    [InlineData(1366, 900, "/", "#site-search")]
    [InlineData(390, 844, "/search", "#search-q")]
    public async Task Pinyin_typed_in_the_search_box_suggests_committee_words(int width, int height, string path, string box)
    {
        var page = await OpenAsync(path, width, height);
        var input = page.Locator(box);
        await input.PressSequentiallyAsync("tian");
        var options = page.GetByRole(AriaRole.Listbox, new() { Name = "搜索建议" }).GetByRole(AriaRole.Option);
        await options.First.WaitForAsync();
        Assert.Equal("提案", (await options.First.InnerTextAsync()).Trim());
        Assert.Equal("true", await input.GetAttributeAsync("aria-expanded"));
        await ShotAsync(page, $"search-suggest-{width}", fullPage: false);
        await AxeAsync(page, $"search suggestions {width}");
        await page.Keyboard.PressAsync("ArrowDown");
        Assert.Equal(await options.First.GetAttributeAsync("id"), await input.GetAttributeAsync("aria-activedescendant"));
        var state = await input.EvaluateAsync<string>("e => `${document.activeElement === e} ${e.value} ${e.getAttribute('aria-expanded')}`");
        await page.Keyboard.PressAsync("Enter");
        try
        {
            // What the reader sees is the search for the chosen word: its address and its results. The page's
            // DOMContentLoaded once came more than a minute after both were there on a loaded machine, so it is
            // not what this waits for.
            await page.WaitForURLAsync(url => url.Contains("/search?q=%E6%8F%90%E6%A1%88", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit, Timeout = 60_000 });
            await page.Locator(".search-results").WaitForAsync(new() { Timeout = 60_000 });
        }
        catch (TimeoutException)
        {
            // Says where the page went and what the box held before Enter, so a failure shows its cause.
            Assert.Fail($"Enter did not search 提案: the page is at {page.Url}; before Enter the box (focused, value, expanded) was {state}");
        }

        Assert.Equal("提案", await page.Locator("#search-q").InputValueAsync()); // the search page's own box holds the query
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Member_names_stay_on_one_line_and_proposal_cards_keep_their_labels_on_a_phone()
    {
        var page = await OpenAsync("/", 390, 844);
        foreach (var name in await page.Locator(".member-strip .member-name").AllAsync())
        {
            if (await name.IsVisibleAsync())
            {
                var box = await name.BoundingBoxAsync();
                var line = await name.EvaluateAsync<double>("e => parseFloat(getComputedStyle(e).lineHeight)");
                Assert.True(box!.Height < line * 1.5, $"{await name.TextContentAsync()} wraps ({box.Height:0} px)");
            }
        }

        await page.GotoAsync(new Uri(curated.BaseAddress, "/proposals").ToString());
        var label = await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('.pp-table td[data-label=\"状态\"]'), '::before').content");
        Assert.Contains("状态", label);
    }

    [Fact]
    public async Task The_member_directory_packs_letter_groups_into_columns_on_a_desktop()
    {
        var page = await OpenAsync("/members", 1366, 900);
        var groups = page.Locator(".letter-group");
        Assert.True(await groups.CountAsync() >= 2);
        var first = await groups.Nth(0).BoundingBoxAsync();
        Assert.True(first!.Width < 700, $"a letter group spans {first.Width:0} px, the whole row");
    }

    [Fact]
    public async Task The_sitemap_page_passes_axe()
    {
        var page = await OpenAsync("/sitemap", 1366, 900);
        Assert.True(await page.GetByRole(AriaRole.Heading, new() { Name = "网站地图" }).IsVisibleAsync());
        await AxeAsync(page, "sitemap");
    }

    private async Task<IPage> OpenAsync(string path, int width, int height)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height }, Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync(new Uri(curated.BaseAddress, path).ToString());
        Assert.Equal(200, response!.Status);
        return page;
    }

    private static async Task ShotAsync(IPage page, string name, bool fullPage = true) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Shots, name + ".png"), FullPage = fullPage });

    private static async Task AxeAsync(IPage page, string what)
    {
        var axe = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa"] } });
        var serious = axe.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"{what}: " + string.Join("; ", serious.Select(v => $"{v.Id}: {v.Nodes.FirstOrDefault()?.Html}")));
    }
}
