using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using PublicitySite.Tests.Infrastructure;

namespace PublicitySite.Tests.Members;

/// <summary>Members and literature through <c>POST /api/graphql</c>.</summary>
public sealed class MemberGraphTests(SeededSiteFixture site) : IClassFixture<SeededSiteFixture>
{
    private readonly HttpClient client = site.Site.CreateClient();

    internal static async Task<(HttpStatusCode Status, JsonNode Body)> QueryAsync(HttpClient client, string query, object? variables = null)
    {
        var response = await client.PostAsJsonAsync("/api/graphql", new { query, variables });
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    [Fact]
    public async Task Members_can_be_filtered_by_party_and_lead_to_their_proposals()
    {
        var (status, body) = await QueryAsync(client, "query($p: String) { memberList(where: { party: $p }, pageSize: 100) { total items { title party url proposals { title } } } }", new { p = "中共" });

        Assert.Equal(HttpStatusCode.OK, status);
        var members = body["data"]!["memberList"]!;
        var items = members["items"]!.AsArray();
        Assert.NotEmpty(items);
        Assert.Equal(items.Count, members["total"]!.GetValue<int>());
        Assert.All(items, i => Assert.Equal("中共", i!["party"]!.GetValue<string>()));
        Assert.Contains(items, i => i!["proposals"]!.AsArray().Count > 0);
    }

    [Fact]
    public async Task A_collection_lists_its_articles_in_order()
    {
        var (_, list) = await QueryAsync(client, "{ literatureCollectionList(orderBy: OLDEST) { items { id number title } } }");
        var first = list["data"]!["literatureCollectionList"]!["items"]!.AsArray().First(c => c!["number"]!.GetValue<double>() == 1)!;

        var (status, detail) = await QueryAsync(client, "query($id: ID!) { literatureCollection(id: $id) { title literatureArticleItems { title order pages } } }", new { id = first["id"]!.GetValue<string>() });

        Assert.Equal(HttpStatusCode.OK, status);
        var articles = detail["data"]!["literatureCollection"]!["literatureArticleItems"]!.AsArray();
        Assert.Equal(5, articles.Count);
        Assert.Equal([1.0, 2, 3, 4, 5], articles.Select(a => a!["order"]!.GetValue<double>()));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"query\": \"\"}")]
    public async Task A_bad_request_body_is_a_400_problem_in_Chinese(string payload)
    {
        var response = await client.PostAsync("/api/graphql", new StringContent(payload, System.Text.Encoding.UTF8, "application/json"));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("请求参数有误", body.RootElement.GetProperty("title").GetString());
    }
}
