using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PublicitySite.Tests.Infrastructure;
using PublicitySite.Tests.Workflow;
using PublicitySite.Users;

namespace PublicitySite.Tests.GraphQL;

/// <summary><c>drafts: true</c> follows the REST rules: a read:drafts token of a role that may see the type's drafts.</summary>
public sealed class GraphQLDraftsTests(BlankSiteFixture fixture) : IClassFixture<BlankSiteFixture>
{
    private const string DraftTitle = "图谱草稿标题甲";

    private static async Task<JsonElement> Post(HttpClient client, string query, object? variables = null)
    {
        var response = await client.PostAsJsonAsync("/api/graphql", new { query, variables });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static void AssertRefused(JsonElement body, string field)
    {
        Assert.True(body.TryGetProperty("errors", out var errors), body.ToString());
        Assert.NotEmpty(errors.EnumerateArray());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("data").GetProperty(field).ValueKind);
        Assert.DoesNotContain(DraftTitle, body.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_callers_asking_for_drafts_get_an_error_not_data()
    {
        var id = await DraftAsync();
        var anonymous = fixture.Site.CreateClient();

        AssertRefused(await Post(anonymous, "query($id: ID!) { news(id: $id, drafts: true) { title } }", new { id }), "news");
        AssertRefused(await Post(anonymous, "{ newsList(drafts: true) { total items { title } } }"), "newsList");
        var published = await Post(anonymous, "query($id: ID!) { news(id: $id) { title } }", new { id });
        Assert.Equal(JsonValueKind.Null, published.GetProperty("data").GetProperty("news").ValueKind);
        Assert.False(published.TryGetProperty("errors", out _));
    }

    [Fact]
    public async Task A_token_without_the_read_drafts_scope_gets_an_error()
    {
        var id = await DraftAsync();
        var client = await fixture.Site.ClientAsync("gql-writer-token", "Editor", TokenScopes.WriteContent);

        var body = await Post(client, "query($id: ID!) { news(id: $id, drafts: true) { title } }", new { id });

        AssertRefused(body, "news");
        Assert.Contains("read:drafts", body.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        AssertRefused(await Post(client, "{ newsList(drafts: true) { total } }"), "newsList");
    }

    [Fact]
    public async Task A_token_with_the_scope_reads_the_latest_version_and_lists_drafts_with_true_totals()
    {
        var id = await DraftAsync();
        var client = await fixture.Site.ClientAsync("gql-reader", "Editor", TokenScopes.ReadDrafts);

        var single = await Post(client, "query($id: ID!) { news(id: $id, drafts: true) { id title status version } }", new { id });
        var list = await Post(client, "{ newsList(drafts: true, pageSize: 100) { total items { id title status } } }");
        var publicList = await Post(client, "{ newsList(pageSize: 100) { total items { id } } }");

        Assert.False(single.TryGetProperty("errors", out var errors), errors.ToString());
        var news = single.GetProperty("data").GetProperty("news");
        Assert.Equal(DraftTitle, news.GetProperty("title").GetString());
        Assert.Equal("Draft", news.GetProperty("status").GetString());
        var page = list.GetProperty("data").GetProperty("newsList");
        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(page.GetProperty("total").GetInt32(), items.Count);
        Assert.Contains(items, i => i.GetProperty("id").GetString() == id && i.GetProperty("status").GetString() == "Draft");
        Assert.DoesNotContain(publicList.GetProperty("data").GetProperty("newsList").GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetString() == id);
    }

    [Fact]
    public async Task A_role_outside_the_type_is_refused_even_with_the_scope()
    {
        var id = await DraftAsync();
        var client = await fixture.Site.ClientAsync("gql-history", "HistoryEditor", TokenScopes.ReadDrafts);

        AssertRefused(await Post(client, "query($id: ID!) { news(id: $id, drafts: true) { title } }", new { id }), "news");
        AssertRefused(await Post(client, "{ newsList(drafts: true) { total } }"), "newsList");
    }

    /// <summary>A news draft by a contributor, for one test.</summary>
    private async Task<string> DraftAsync()
    {
        var writer = await fixture.Site.Services.UserAsync("w", "Contributor");
        return await fixture.Site.Services.DraftAsync(writer, DraftTitle);
    }
}
