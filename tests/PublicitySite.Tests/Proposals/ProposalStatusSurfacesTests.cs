using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PublicitySite.Contents;
using PublicitySite.Proposals;
using PublicitySite.Search;
using PublicitySite.Tests.Infrastructure;

namespace PublicitySite.Tests.Proposals;

/// <summary>
/// A step the office records changes the proposal's status on every public surface at once — the home page's
/// 提案追踪 block (cached) and the search facet — not only on the proposal's own page.
/// </summary>
public sealed class ProposalStatusSurfacesTests
{
    private static async Task<T> InScope<T>(TestSite site, Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    private static async Task<JsonElement> SearchAsync(HttpClient client, string status)
    {
        var url = "/api/search?q=" + Uri.EscapeDataString("无障碍设施") + "&type=Proposal&status=" + Uri.EscapeDataString(status);
        return await client.GetFromJsonAsync<JsonElement>(new Uri(url, UriKind.Relative));
    }

    [Fact]
    public async Task A_recorded_step_shows_on_the_cached_home_page_and_in_the_search_facet()
    {
        using var site = new TestSite(seed: false);
        var client = site.CreateClient();
        var filed = await InScope(site, sp => sp.GetRequiredService<ProposalOffice>().FileAsync(TestActors.Clerk("clerk"), new ProposalFiling
        {
            Title = "关于完善公交站台无障碍设施的提案", FiledOn = new DateOnly(2025, 3, 1), Proposers = ["经济界"], ProposerType = "sector", Public = true,
        }));
        Assert.True(filed.Succeeded, filed.Failure?.Detail);
        var id = filed.Value!.ContentItemId!;
        Assert.True((await InScope(site, sp => sp.GetRequiredService<ContentManager>().PublishAsync(id))).Succeeded);
        var indexer = site.Services.GetRequiredService<SearchIndexer>();
        await indexer.WaitForIdleAsync(TimeSpan.FromSeconds(30));
        Assert.Contains("status-待审查\">待审查", await client.GetStringAsync(new Uri("/", UriKind.Relative)));
        Assert.Equal(1, (await SearchAsync(client, "待审查")).GetProperty("total").GetInt32());

        var recorded = await InScope(site, sp => sp.GetRequiredService<ProposalOffice>().RecordAsync(TestActors.Clerk("clerk"), id, new ProposalEventInput { Kind = "立案", Date = new DateOnly(2025, 3, 8) }));
        Assert.True(recorded.Succeeded, recorded.Failure?.Detail);
        await indexer.WaitForIdleAsync(TimeSpan.FromSeconds(30));

        var home = await client.GetStringAsync(new Uri("/", UriKind.Relative));
        Assert.Contains("status-已立案\">已立案", home);
        Assert.DoesNotContain("status-待审查\">待审查", home);
        Assert.Equal(1, (await SearchAsync(client, "已立案")).GetProperty("total").GetInt32());
        Assert.Equal(0, (await SearchAsync(client, "待审查")).GetProperty("total").GetInt32());
    }
}
