using Deque.AxeCore.Playwright;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PublicitySite.Tests.Infrastructure;

namespace PublicitySite.Tests.Proposals;

/// <summary>A reader's path in real Chromium: the 提案追踪 list, a filter, a proposal, then its proposer's profile; axe checks each page.</summary>
public sealed class ProposalBrowserTests
{
    [Fact]
    public async Task A_reader_goes_from_the_list_to_a_proposal_and_on_to_the_proposers_profile()
    {
        using var site = new TestSite(seed: true);
        site.UseKestrel(0);
        site.StartServer();
        var baseUrl = site.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { Locale = "zh-CN" });

        await page.GotoAsync(baseUrl + "/proposals");
        Assert.Equal("提案追踪", await page.Locator("h1").InnerTextAsync());
        Assert.Equal(13, await page.Locator("table.pp-table tbody tr").CountAsync());

        // Filtering works without JavaScript: a plain GET form.
        await page.Locator("select[name=status]").SelectOptionAsync("已办结");
        await page.Locator("form.pp-filter button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/proposals?**");
        Assert.Equal(6, await page.Locator("table.pp-table tbody tr").CountAsync());

        await page.GetByRole(AriaRole.Link, new() { Name = "关于尽快维修原城郊大桥护栏的提案" }).ClickAsync();
        await page.WaitForURLAsync("**/proposals/chengjiao-daqiao-hulan-weixiu");
        Assert.Contains("第五届第二次会议第0012号", await page.Locator(".pp-number").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(7, await page.Locator("ol.pp-timeline > li").CountAsync());
        Assert.Equal("step", await page.Locator("ol.pp-timeline > li").Last.GetAttributeAsync("aria-current"));

        await page.GotoAsync(baseUrl + "/proposals/statistics?session=5-2");
        Assert.Equal(5, await page.Locator("figure.pp-chart table").CountAsync());
        foreach (var url in new[] { "/proposals", "/proposals/chengjiao-daqiao-hulan-weixiu", "/proposals/statistics" })
        {
            await page.GotoAsync(baseUrl + url);
            var axe = await page.RunAxe();
            var serious = axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{url}: {v.Id} {v.Help}").ToList();
            Assert.True(serious.Count == 0, string.Join("\n", serious));
        }

        await page.GotoAsync(baseUrl + "/proposals/chengjiao-daqiao-hulan-weixiu");
        await page.GetByRole(AriaRole.Link, new() { Name = "示例委员 安明" }).ClickAsync();
        await page.WaitForURLAsync("**/members/shili-weiyuan-an-ming");
        Assert.Contains("安明", await page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
    }
}
