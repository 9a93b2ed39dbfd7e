using System.Net;
using System.Xml.Linq;
using PublicitySite.Tests.Infrastructure;

namespace PublicitySite.Tests.Feeds;

public sealed class FeedTests(SeededSiteFixture seeded) : IClassFixture<SeededSiteFixture>
{
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";

    [Fact]
    public async Task The_news_feed_is_RSS_2_with_absolute_links_newest_first()
    {
        var (response, xml) = await GetXmlAsync("/rss.xml");

        Assert.Equal("application/rss+xml", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("2.0", xml.Root!.Attribute("version")!.Value);
        var items = xml.Root.Element("channel")!.Elements("item").ToList();
        Assert.InRange(items.Count, 10, 30);
        Assert.All(items, i => Assert.StartsWith("http://localhost/news/", i.Element("link")!.Value, StringComparison.Ordinal));
        var dates = items.Select(i => DateTimeOffset.Parse(i.Element("pubDate")!.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(dates.OrderByDescending(d => d), dates);
    }

    [Fact]
    public async Task A_column_feed_holds_only_that_column()
    {
        var (_, xml) = await GetXmlAsync("/column/tonggao/rss.xml");

        var categories = xml.Descendants("item").Select(i => i.Element("category")!.Value).ToList();
        Assert.NotEmpty(categories);
        Assert.All(categories, c => Assert.Equal("通知公告", c));
    }

    [Fact]
    public async Task An_unknown_column_feed_is_not_found()
    {
        using var response = await seeded.Client.GetAsync(new Uri("/column/nothing/rss.xml", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_sitemap_lists_published_items_with_lastmod()
    {
        var (_, xml) = await GetXmlAsync("/sitemap.xml");

        var urls = xml.Root!.Elements(Sitemap + "url").ToList();
        var locs = urls.Select(u => u.Element(Sitemap + "loc")!.Value).ToList();
        Assert.Contains("http://localhost/", locs);
        Assert.Contains("http://localhost/column/yaowen", locs);
        Assert.Contains("http://localhost/news/2025/shi-zhengxie-wujie-sanci-huiyi-kaimu", locs);
        Assert.Contains("http://localhost/members/shili-weiyuan-bai-xue", locs);
        var article = urls.First(u => u.Element(Sitemap + "loc")!.Value.EndsWith("shi-zhengxie-wujie-sanci-huiyi-kaimu", StringComparison.Ordinal));
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$", article.Element(Sitemap + "lastmod")!.Value);
    }

    [Fact]
    public async Task Robots_txt_points_at_the_sitemap()
    {
        var text = await seeded.Client.GetStringAsync(new Uri("/robots.txt", UriKind.Relative));

        Assert.Contains("Sitemap: http://localhost/sitemap.xml", text);
        Assert.Contains("Disallow: /api/", text);
    }

    private async Task<(HttpResponseMessage Response, XDocument Xml)> GetXmlAsync(string url)
    {
        var response = await seeded.Client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (response, XDocument.Parse(await response.Content.ReadAsStringAsync()));
    }
}
