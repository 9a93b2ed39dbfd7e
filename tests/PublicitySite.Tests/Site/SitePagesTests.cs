using System.Net;
using PublicitySite.Tests.Infrastructure;

namespace PublicitySite.Tests.Site;

public sealed class SitePagesTests(SeededSiteFixture fixture) : IClassFixture<SeededSiteFixture>
{
    [Fact]
    public async Task The_home_page_lists_the_seeded_news_in_chinese()
    {
        var response = await fixture.Client.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("lang=\"zh-CN\"", html, StringComparison.Ordinal);
        Assert.Contains("政协要闻", html, StringComparison.Ordinal);
        Assert.Contains("领导讲话", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/news/", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_address_is_a_chinese_404_page()
    {
        var response = await fixture.Client.GetAsync("/news/1999/no-such-thing");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("页面不存在", html, StringComparison.Ordinal);
    }
}
