using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PublicitySite.Search;
using PublicitySite.Tests.Infrastructure;

namespace PublicitySite.Tests.Search;

/// <summary>
/// A restart opens the index after the first page has been answered, so that opening it does not slow that page;
/// a search that comes first has it opened at once and waits for it instead of answering 503.
/// </summary>
public sealed class IndexOpeningTests
{
    [Fact]
    public async Task A_restart_holds_the_index_back_until_the_first_page_has_been_answered()
    {
        using var dir = new TestDirectory();
        await IndexSeedAsync(dir.Path);

        await using var site = new TestSite(new TestSiteOptions { Seed = false, DataDir = dir.Path });
        var index = site.Services.GetRequiredService<SearchIndex>();
        await Task.Delay(500); // opening an index this size takes a fraction of that; the wait for a page is 3 s
        Assert.Equal(SearchIndexState.Starting, index.State);

        using var client = site.CreateClient();
        using var home = await client.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        await WaitUntilAsync(() => index.IsReady);
        Assert.False(index.Asked.IsCompleted, "no search asked for it: the first page let it open");
    }

    [Theory]
    [InlineData("/api/search?q=%E6%94%BF%E5%8D%8F")]
    [InlineData("/search?q=%E6%94%BF%E5%8D%8F")]
    [InlineData("/api/content?q=%E6%94%BF%E5%8D%8F")]
    public async Task A_search_as_the_first_request_of_a_restart_is_answered_from_the_index(string path)
    {
        using var dir = new TestDirectory();
        await IndexSeedAsync(dir.Path);

        await using var site = new TestSite(new TestSiteOptions { Seed = false, DataDir = dir.Path });
        using var client = site.CreateClient();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(site.Services.GetRequiredService<SearchIndex>().Asked.IsCompleted);
        var body = await response.Content.ReadAsStringAsync();
        if (path.StartsWith("/api/", StringComparison.Ordinal))
        {
            using var json = JsonDocument.Parse(body);
            Assert.True(json.RootElement.GetProperty("total").GetInt32() > 0, body);
        }
        else
        {
            Assert.Contains("<em>政协</em>", body);
        }
    }

    [Fact]
    public async Task A_search_on_a_new_site_waits_for_its_first_index_instead_of_answering_503()
    {
        await using var site = new TestSite(seed: false); // no index yet: the first request asks for it to be built
        using var client = site.CreateClient();
        using var response = await client.GetAsync(new Uri("/api/search?q=%E6%94%BF%E5%8D%8F", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(site.Services.GetRequiredService<SearchIndex>().IsReady);
    }

    [Fact]
    public async Task Waiting_for_an_index_that_is_already_open_asks_for_nothing()
    {
        using var dir = new TestDirectory();
        await IndexSeedAsync(dir.Path);
        await using var site = new TestSite(new TestSiteOptions { Seed = false, DataDir = dir.Path });
        using var client = site.CreateClient();
        using var _ = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
        var index = site.Services.GetRequiredService<SearchIndex>();
        await WaitUntilAsync(() => index.IsReady);

        await index.WhenReadyAsync(TimeSpan.FromSeconds(5));
        Assert.False(index.Asked.IsCompleted);
    }

    private static async Task IndexSeedAsync(string dataDir)
    {
        await using var first = new TestSite(new TestSiteOptions { Seed = true, DataDir = dataDir });
        using var client = first.CreateClient();
        using var _ = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
        await first.Services.GetRequiredService<SearchIndexer>().WaitForIdleAsync(TimeSpan.FromSeconds(60));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(20);
        }
    }
}
