using System.Net;
using PublicitySite.Tests.Infrastructure;

namespace PublicitySite.Tests.Proposals;

/// <summary>A site with no proposals yet still answers every page of the column in Chinese.</summary>
public sealed class ProposalEmptySiteTests
{
    [Theory]
    [InlineData("/proposals", "没有符合条件的提案")]
    [InlineData("/proposals/statistics", "目前还没有公开的提案")]
    [InlineData("/proposals/statistics?session=5-9", "第五届第九次会议提案办理情况统计")]
    [InlineData("/proposals/feed.xml", "提案办理进展")]
    [InlineData("/api/proposals", "\"total\":0")]
    public async Task Every_page_answers_on_an_empty_site(string url, string expected)
    {
        using var site = new TestSite(seed: false);
        using var client = site.CreateClient();

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
