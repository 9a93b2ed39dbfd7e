using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublicitySite.Search;
using PublicitySite.Storage;
using PublicitySite.Tests.Infrastructure;
using PublicitySite.Tests.Search;
using PublicitySite.Tests.Site;

namespace PublicitySite.Tests.Operations;

/// <summary><c>/healthz</c>: the database decides 200 or 503; the search index is reported but never turns it 503.</summary>
public sealed class HealthEndpointsTests
{
    [Fact]
    public async Task A_ready_site_reports_ok_with_the_index_state_and_its_document_count()
    {
        using var site = new TestSite(seed: false);
        await SiteContent.PublishNewsAsync(site, "健康检查用的工作动态");
        await site.Services.GetRequiredService<SearchIndexer>().WaitForIdleAsync(TimeSpan.FromSeconds(10));

        var (status, body) = await HealthAsync(site);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("ok", body.GetProperty("status").GetString());
        Assert.Equal("ready", body.GetProperty("search").GetProperty("state").GetString());
        var documents = body.GetProperty("search").GetProperty("documents").GetInt32();
        Assert.True(documents > 0);
        Assert.Equal(site.Services.GetRequiredService<SearchIndex>().Snapshot().Documents, documents);
    }

    [Fact]
    public async Task While_a_rebuild_runs_it_stays_200_and_says_building()
    {
        using var site = new TestSite(seed: false);
        site.CreateClient().Dispose();
        await using var held = await HeldRebuild.StartAsync(site.Services);

        var (status, body) = await HealthAsync(site);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("building", body.GetProperty("search").GetProperty("state").GetString());
        Assert.Equal("ok", body.GetProperty("status").GetString()); // the old index still answers searches
        await held.ReleaseAsync();
        Assert.Equal("ready", (await HealthAsync(site)).Body.GetProperty("search").GetProperty("state").GetString());
    }

    [Fact]
    public async Task With_no_usable_index_it_stays_200_but_says_unavailable_and_degraded()
    {
        using var site = new TestSite(seed: false);
        // A file where the index folder should be: the start-up build cannot create it.
        await File.WriteAllTextAsync(Path.Combine(site.DataDir, "index"), "not a folder");
        site.CreateClient().Dispose();
        await Task.Delay(200);

        var (status, body) = await HealthAsync(site);
        using var search = await site.CreateClient().GetAsync(new Uri("/api/search?q=" + Uri.EscapeDataString("政协"), UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("degraded", body.GetProperty("status").GetString());
        Assert.Equal("unavailable", body.GetProperty("search").GetProperty("state").GetString());
        Assert.Equal(0, body.GetProperty("search").GetProperty("documents").GetInt32());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, search.StatusCode);
    }

    [Fact]
    public async Task When_the_database_does_not_answer_it_is_503_with_a_Chinese_problem()
    {
        using var site = new TestSite(seed: false);
        site.CreateClient().Dispose();
        await using (var scope = site.Services.CreateAsyncScope())
        {
            // The table the check reads goes away: to the check, as good as a database that does not answer.
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.ExecuteSqlRawAsync("ALTER TABLE \"ContentItems\" RENAME TO \"ContentItemsAway\"");
        }

        using var response = await site.CreateClient().GetAsync(new Uri("/healthz", UriKind.Relative));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("数据库不可用", problem.GetProperty("title").GetString());
        Assert.DoesNotContain("ContentItems", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> HealthAsync(TestSite site)
    {
        using var client = site.CreateClient();
        using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }
}
