using Deque.AxeCore.Playwright;
using PublicitySite.BrowserTests.Infrastructure;

namespace PublicitySite.BrowserTests.Site;

/// <summary>axe-core on every kind of public page: no serious or critical violations (GB/T 37668, WCAG 2.x AA).</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserSite site)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/column/dongtai")]
    [InlineData("/news/2025/shi-zhengxie-wujie-sanci-huiyi-kaimu")]
    [InlineData("/members")]
    [InlineData("/members/shili-weiyuan-bai-xue")]
    [InlineData("/proposals")]
    [InlineData("/proposals/chengjiao-daqiao-hulan-weixiu")]
    [InlineData("/literature")]
    [InlineData("/literature/articles/wo-dang-minzhu-jianduyuan-de-naxie-nian")]
    [InlineData("/search?q=%E6%94%BF%E5%8D%8F")]
    [InlineData("/?elder=1")]
    [InlineData("/leave?to=https%3A%2F%2Fwww.gov.cn%2F")]
    public async Task The_page_has_no_serious_or_critical_axe_violations(string path)
    {
        var page = await site.OpenAsync(path);

        var result = await page.RunAxe();

        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(", ", v.Nodes.Take(3).Select(n => n.Html))}")
            .ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious));
        await page.Context.CloseAsync();
    }
}
