using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using PublicitySite.Tests.Infrastructure;

namespace PublicitySite.Tests.Api;

public sealed class ContentReadEndpointsTests(SeededSiteFixture fixture) : IClassFixture<SeededSiteFixture>
{
    [Fact]
    public async Task The_list_pages_through_published_news_of_a_column_newest_first()
    {
        var client = fixture.Client;
        var page1 = await client.GetFromJsonAsync<JsonElement>("/api/content?type=News&column=工作动态&pageSize=3");
        var page2 = await client.GetFromJsonAsync<JsonElement>("/api/content?type=News&column=dongtai&pageSize=3&page=2");

        var total = page1.GetProperty("total").GetInt32();
        Assert.True(total > 3);
        Assert.Equal(total, page2.GetProperty("total").GetInt32());
        var items = page1.GetProperty("items").EnumerateArray().Concat(page2.GetProperty("items").EnumerateArray()).ToList();
        Assert.Equal(6, items.Select(i => i.GetProperty("id").GetString()).Distinct().Count());
        Assert.All(items, i => Assert.Equal("工作动态", i.GetProperty("column").GetString()));
        var dates = items.Select(i => i.GetProperty("publishedUtc").GetDateTimeOffset()).ToList();
        Assert.Equal(dates.OrderDescending(), dates);
        Assert.All(items, i => Assert.StartsWith("/news/", i.GetProperty("url").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_typed_news_read_lists_only_news_and_refuses_another_type()
    {
        var client = fixture.Client;
        var news = await client.GetFromJsonAsync<JsonElement>("/api/news?column=工作动态&pageSize=5");
        var same = await client.GetFromJsonAsync<JsonElement>("/api/content?type=News&column=工作动态&pageSize=5");
        var all = await client.GetFromJsonAsync<JsonElement>("/api/content?pageSize=1");

        Assert.Equal(same.GetProperty("total").GetInt32(), news.GetProperty("total").GetInt32());
        Assert.True(news.GetProperty("total").GetInt32() < all.GetProperty("total").GetInt32());
        Assert.All(news.GetProperty("items").EnumerateArray(), i =>
        {
            Assert.Equal("News", i.GetProperty("type").GetString());
            Assert.False(string.IsNullOrEmpty(i.GetProperty("title").GetString()));
            Assert.StartsWith("/news/", i.GetProperty("url").GetString(), StringComparison.Ordinal);
        });

        var refused = await client.GetAsync("/api/news?type=Member");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("/api/news 只列新闻", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_detail_has_rendered_and_plain_body_and_answers_304_to_its_etag()
    {
        var client = fixture.Client;
        var list = await client.GetFromJsonAsync<JsonElement>("/api/content?column=领导讲话&pageSize=1");
        var id = list.GetProperty("items")[0].GetProperty("id").GetString();

        var response = await client.GetAsync($"/api/content/{id}");
        var item = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<p>", item.GetProperty("bodyHtml").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("<", item.GetProperty("bodyText").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("+08:00", item.GetProperty("publishedUtc").GetString(), StringComparison.Ordinal);

        using var conditional = new HttpRequestMessage(HttpMethod.Get, $"/api/content/{id}");
        conditional.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(response.Headers.ETag!.ToString()));
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(conditional)).StatusCode);
    }

    [Theory]
    [InlineData("/api/content?pageSize=101", "pageSize")]
    [InlineData("/api/content?page=0", "page")]
    [InlineData("/api/content?type=Nope", "type")]
    [InlineData("/api/content?column=火星", "column")]
    [InlineData("/api/content?sort=random", "sort")]
    [InlineData("/api/content?from=yesterday", "from")]
    [InlineData("/api/content?colour=red", "colour")]
    public async Task Bad_parameters_are_400_problems_naming_the_parameter(string url, string parameter)
    {
        var response = await fixture.Client.GetAsync(url);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(parameter, problem.GetProperty("parameter").GetString());
        Assert.Equal("请求参数有误", problem.GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("/api/content/zzzzzzzzzzzz")]
    [InlineData("/api/content/..%2F..%2Fetc")]
    public async Task Unknown_items_are_404(string url)
    {
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Client.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Health_reports_the_database()
    {
        // Right after start the index may still be catching up with the seed, which /healthz rightly calls degraded.
        var health = await fixture.Client.GetFromJsonAsync<JsonElement>("/healthz");
        for (var i = 0; i < 300 && health.GetProperty("status").GetString() != "ok"; i++)
        {
            await Task.Delay(100);
            health = await fixture.Client.GetFromJsonAsync<JsonElement>("/healthz");
        }

        Assert.Equal("ok", health.GetProperty("status").GetString());
        Assert.True(health.GetProperty("items").GetInt32() >= 40);
    }

    [Fact]
    public async Task An_item_can_be_read_by_its_public_path()
    {
        var list = await fixture.Client.GetFromJsonAsync<JsonElement>("/api/content?type=Page&pageSize=1");
        var first = list.GetProperty("items")[0];

        var byPath = await fixture.Client.GetFromJsonAsync<JsonElement>("/api/content/by-path?path=" + Uri.EscapeDataString(first.GetProperty("url").GetString()!));
        var missing = await fixture.Client.GetAsync("/api/content/by-path?path=pages/none-such");
        var empty = await fixture.Client.GetAsync("/api/content/by-path");

        Assert.Equal(first.GetProperty("id").GetString(), byPath.GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
    }
}
