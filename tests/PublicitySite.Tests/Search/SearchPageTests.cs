using System.Net;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PublicitySite.Search;
using PublicitySite.Tests.Infrastructure;

namespace PublicitySite.Tests.Search;

/// <summary>The public <c>/search</c> page, and start-up with a broken or unavailable index.</summary>
public sealed class SearchPageTests : IClassFixture<IndexedSiteFixture>
{
    private readonly HttpClient client;

    public SearchPageTests(IndexedSiteFixture fixture) => client = fixture.Site.CreateClient();

    [Fact]
    public async Task The_page_shows_highlighted_results_facets_and_sorting()
    {
        var html = await client.GetStringAsync("/search?q=" + Uri.EscapeDataString("履职"));
        Assert.Contains("<em>履职</em>", html);
        Assert.Contains("共找到", html);
        Assert.Contains("<h2>类型</h2>", html);
        Assert.Contains("按时间", html);
        Assert.Matches("/themes/publicity/css/search\\.[0-9a-f]{12}\\.css", html);
        Assert.Contains("value=\"履职\"", html);
    }

    [Fact]
    public async Task The_page_without_a_query_prompts_for_one()
    {
        var html = await client.GetStringAsync("/search");
        Assert.Contains("请输入搜索关键词", html);
        Assert.DoesNotContain("共找到", html);
        Assert.Matches("<meta name=\"description\" content=\"在[^\"]+搜索新闻、委员、提案和文史资料", html);
    }

    [Fact]
    public async Task The_page_says_nothing_was_found_and_offers_tips()
    {
        var html = await client.GetStringAsync("/search?q=" + Uri.EscapeDataString("量子计算机"));
        Assert.Contains("没有找到相关内容", html);
        Assert.Contains("检查关键词是否有错别字", html);
    }

    [Fact]
    public async Task Markup_in_the_query_is_shown_as_text()
    {
        var html = await client.GetStringAsync("/search?q=" + Uri.EscapeDataString("<script>alert(1)</script>政协"));
        Assert.DoesNotContain("<script>alert(1)", html);
        Assert.Contains("&lt;script&gt;", html);
    }

    [Fact]
    public async Task A_bad_parameter_gets_a_Chinese_message_on_the_page()
    {
        var response = await client.GetAsync("/search?q=政协&year=abc");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("搜索条件有误", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Facet_links_filter_by_type()
    {
        var html = await client.GetStringAsync("/search?q=" + Uri.EscapeDataString("委员") + "&type=Member");
        Assert.Contains("类型：委员", html);
        Assert.DoesNotContain(">新闻</span>", html);
    }
}

/// <summary>Start-up when the index cannot be used: the site serves pages, search answers 503, then recovers.</summary>
public sealed class SearchStartupTests
{
    [Fact]
    public async Task A_corrupt_index_at_start_up_is_rebuilt_while_pages_are_served()
    {
        using var site = new TestSite(seed: true);
        var broken = Path.Combine(site.DataDir, "index", "gen-broken");
        Directory.CreateDirectory(broken);
        await File.WriteAllTextAsync(Path.Combine(site.DataDir, "index", "current"), "gen-broken");
        await File.WriteAllBytesAsync(Path.Combine(broken, "segments_1"), [0, 1, 2, 3]);
        await File.WriteAllBytesAsync(Path.Combine(broken, "segments.gen"), [9, 9, 9]);
        using var client = site.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        var status = HttpStatusCode.ServiceUnavailable;
        for (var i = 0; i < 600 && status == HttpStatusCode.ServiceUnavailable; i++)
        {
            var response = await client.GetAsync("/api/search?q=" + Uri.EscapeDataString("政协"));
            status = response.StatusCode;
            if (status == HttpStatusCode.ServiceUnavailable)
            {
                Assert.Contains("搜索索引正在建立", await response.Content.ReadAsStringAsync());
                await Task.Delay(50);
            }
        }

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotEqual("gen-broken", (await File.ReadAllTextAsync(Path.Combine(site.DataDir, "index", "current"))).Trim());
    }

    [Fact]
    public async Task Search_answers_503_in_Chinese_while_no_index_is_ready()
    {
        using var site = new TestSite(seed: false);
        using var factory = site.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
        {
            // Without the start-up service nothing opens or builds the index: search stays unavailable.
            var hosted = services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.Name == "SearchHostedService");
            services.Remove(hosted);
        }));
        using var client = factory.CreateClient();

        var api = await client.GetAsync("/api/search?q=政协");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
        Assert.Contains("搜索服务暂不可用", await api.Content.ReadAsStringAsync());
        Assert.Equal("5", api.Headers.RetryAfter?.ToString());

        var page = await client.GetAsync("/search?q=政协");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        Assert.Contains("搜索索引正在建立", await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        Assert.False(factory.Services.GetRequiredService<SearchIndex>().IsReady);
    }
}
