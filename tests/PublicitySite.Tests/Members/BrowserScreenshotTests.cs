using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using PublicitySite.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PublicitySite.Tests.Members;

/// <summary>
/// The directory, a profile, a collection and a long article in real Chromium at a phone width (360 px) and
/// a desktop width (1366 px): a full-page screenshot each, no sideways scrolling, and no serious axe findings.
/// Screenshots are written to <c>screenshots/</c> beside the test binaries.
/// </summary>
[Collection(GeneratedVolume.Name)]
public sealed class BrowserScreenshotTests(GeneratedSite generated, ITestOutputHelper output)
{
    public static TheoryData<string, string> Pages => new()
    {
        { "members-directory", "/members" },
        { "member-profile", "/members/shili-weiyuan-an-ming" },
        { "literature-collection", "/literature/sample-volume-2" },
        { "literature-long-article", "/literature/articles/sample-article-2-7" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Pages_render_at_phone_and_desktop_widths_without_sideways_scrolling(string name, string path)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        foreach (var width in new[] { 360, 1366 })
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = 800 }, Locale = "zh-CN" });
            var response = await page.GotoAsync(new Uri(generated.BaseAddress, path).ToString());
            Assert.Equal(200, response!.Status);

            var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            Assert.True(scrollWidth <= width, $"{path} at {width}px scrolls sideways ({scrollWidth}px)");

            var file = Path.Combine(folder, $"{name}-{width}.png");
            var png = await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
            Assert.True(png.Length > 10_000, $"{file} looks empty");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{name}-{width}-first-screen.png") });
            output.WriteLine($"{file} ({png.Length / 1024} KB, page height {await page.EvaluateAsync<int>("document.documentElement.scrollHeight")} px)");

            var axe = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa"] } });
            var serious = axe.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
            Assert.True(serious.Count == 0, $"{path} at {width}px: " + string.Join("; ", serious.Select(v => $"{v.Id}: {v.Nodes.FirstOrDefault()?.Html}")));
            await page.CloseAsync();
        }
    }
}
