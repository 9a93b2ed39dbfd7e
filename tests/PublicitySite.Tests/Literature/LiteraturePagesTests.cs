using System.Net;
using System.Text.Json;
using PublicitySite.Tests.Infrastructure;

namespace PublicitySite.Tests.Literature;

/// <summary>Collections, contents, the reading view and the literature API over HTTP, on the seed content.</summary>
public sealed class LiteraturePagesTests(SeededSiteFixture site) : IClassFixture<SeededSiteFixture>
{
    private readonly HttpClient client = site.Site.CreateClient();

    [Fact]
    public async Task The_collections_page_shows_covers_in_number_order()
    {
        var html = await client.GetStringAsync("/literature");

        var first = html.IndexOf("第一辑 · 政协履职记忆", StringComparison.Ordinal);
        var second = html.IndexOf("第二辑", StringComparison.Ordinal);
        Assert.True(first > 0 && second > first, "第一辑 comes before 第二辑");
        Assert.Contains("共 5 篇", html);
        Assert.Contains("class=\"cover plain\"", html); // no cover image: a drawn cover
    }

    [Fact]
    public async Task A_collection_page_lists_its_articles_in_order_with_pages_and_credits()
    {
        var html = await client.GetStringAsync("/literature/zhengxie-lvzhi-jiyi");

        var titles = new[] { "我当民主监督员的那几年", "一座大桥护栏的修复", "乡镇协商工作室里的“板凳会”" }.Select(t => html.IndexOf(t, StringComparison.Ordinal)).ToList();
        Assert.All(titles, p => Assert.True(p > 0));
        Assert.Equal(titles.Order(), titles);
        Assert.Contains("第 1-9 页", html);
        Assert.Contains("口述：示例口述人 孟春林", html);
    }

    [Fact]
    public async Task The_reading_view_has_an_outline_size_links_and_neighbours_and_no_marks_after_headings()
    {
        var html = await client.GetStringAsync("/literature/articles/yizuo-daqiao-hulan-de-xiufu?size=l");

        Assert.Contains("size-l", html[..html.IndexOf("<head>", StringComparison.Ordinal)]); // the site's 字号, on <html>
        Assert.Contains("<div class=\"text body\">", html); // the site's article body and heading style
        Assert.Contains("本文目录", html);
        Assert.Contains("href=\"#", html); // the contents box links to the headings' ids
        Assert.DoesNotContain("class=\"anchor\"", html);
        Assert.Contains("rel=\"prev\">我当民主监督员的那几年</a>", html);
        Assert.Contains("/literature/cite/", html);
        Assert.Contains("data-size=\"l\" aria-describedby=\"size-label\" rel=\"nofollow\" aria-current=\"true\">大</a>", html);
        Assert.Contains("data-size=\"s\"", html);
        Assert.DoesNotContain("特大", html);
    }

    [Fact]
    public async Task An_unknown_size_falls_back_to_the_normal_size()
    {
        var html = await client.GetStringAsync("/literature/articles/yizuo-daqiao-hulan-de-xiufu?size=%3Cscript%3E");

        Assert.Contains("size-m", html[..html.IndexOf("<head>", StringComparison.Ordinal)]);
        Assert.DoesNotContain("<script>", html);
    }

    [Fact]
    public async Task The_api_lists_collections_and_a_collection_with_its_articles()
    {
        using var list = JsonDocument.Parse(await client.GetStringAsync("/api/literature/collections"));
        var items = list.RootElement.GetProperty("items").EnumerateArray().ToList();
        var id = items[0].GetProperty("id").GetString();
        using var detail = JsonDocument.Parse(await client.GetStringAsync("/api/literature/collections/" + id));

        Assert.Equal(2, list.RootElement.GetProperty("total").GetInt32());
        Assert.Equal([1, 2], items.Select(i => i.GetProperty("number").GetInt32()));
        Assert.StartsWith("/literature/", items[0].GetProperty("url").GetString());
        var articles = detail.RootElement.GetProperty("articles").EnumerateArray().ToList();
        Assert.Equal(5, articles.Count);
        Assert.Equal("我当民主监督员的那几年", articles[0].GetProperty("title").GetString());
        Assert.Equal([1, 2, 3, 4, 5], articles.Select(a => a.GetProperty("order").GetInt32()));
    }

    [Fact]
    public async Task The_api_lists_the_articles_of_one_collection_in_order()
    {
        using var list = JsonDocument.Parse(await client.GetStringAsync("/api/literature/collections"));
        var id = list.RootElement.GetProperty("items")[1].GetProperty("id").GetString();

        using var articles = JsonDocument.Parse(await client.GetStringAsync("/api/literature/articles?collection=" + id));

        var items = articles.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(3, articles.RootElement.GetProperty("total").GetInt32());
        Assert.All(items, i => Assert.Equal(id, i.GetProperty("collection").GetString()));
        Assert.Equal([1, 2, 3], items.Select(i => i.GetProperty("order").GetInt32()));
    }

    [Theory]
    [InlineData("/api/literature/articles", HttpStatusCode.BadRequest, "请求参数有误")]
    [InlineData("/api/literature/articles?collection=nosuchid", HttpStatusCode.NotFound, "未找到")]
    [InlineData("/api/literature/collections/nosuchid", HttpStatusCode.NotFound, "未找到")]
    [InlineData("/api/literature/collections?sort=x", HttpStatusCode.BadRequest, "请求参数有误")]
    [InlineData("/api/literature/articles/nosuchid", HttpStatusCode.NotFound, "未找到")]
    public async Task Bad_literature_requests_are_problems_in_Chinese(string url, HttpStatusCode status, string title)
    {
        var response = await client.GetAsync(url);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(title, body.RootElement.GetProperty("title").GetString());
    }
}
