using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using PublicitySite.Contents;
using PublicitySite.Tests.Infrastructure;

namespace PublicitySite.Tests.Members;

/// <summary>Members and literature through <c>POST /api/graphql</c>.</summary>
public sealed class MemberGraphTests(SeededSite site) : IClassFixture<SeededSite>
{
    private readonly HttpClient client = site.Site.CreateClient();

    internal static async Task<(HttpStatusCode Status, JsonNode Body)> QueryAsync(HttpClient client, string query, object? variables = null)
    {
        var response = await client.PostAsJsonAsync("/api/graphql", new { query, variables });
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    [Fact]
    public async Task Members_can_be_filtered_by_party_and_come_in_pinyin_order()
    {
        var (status, body) = await QueryAsync(client, "query($p: String) { members(party: $p) { total items { name party url proposals { title role } } } }", new { p = "中共" });

        Assert.Equal(HttpStatusCode.OK, status);
        var members = body["data"]!["members"]!;
        var items = members["items"]!.AsArray();
        Assert.Equal(items.Count, members["total"]!.GetValue<int>());
        Assert.Equal("示例委员 安明", items[0]!["name"]!.GetValue<string>());
        Assert.All(items, i => Assert.Equal("中共", i!["party"]!.GetValue<string>()));
        Assert.Contains(items[0]!["proposals"]!.AsArray(), p => p!["role"]!.GetValue<string>() == "领衔");
    }

    [Fact]
    public async Task Private_fields_are_not_in_the_schema()
    {
        var (status, body) = await QueryAsync(client, "{ members { items { name phone idNumber } } }");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("phone", body["errors"]!.ToJsonString(StorageJson.Options));
        Assert.Null(body["data"]);
    }

    [Fact]
    public async Task A_collection_lists_its_articles_in_order()
    {
        var (_, list) = await QueryAsync(client, "{ literatureCollections { id number title } }");
        var first = list["data"]!["literatureCollections"]![0]!;

        var (status, detail) = await QueryAsync(client, "query($id: ID!) { literatureCollection(id: $id) { title articleCount articles { title order pages credits } } }", new { id = first["id"]!.GetValue<string>() });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, first["number"]!.GetValue<int>());
        var articles = detail["data"]!["literatureCollection"]!["articles"]!.AsArray();
        Assert.Equal(5, articles.Count);
        Assert.Equal([1, 2, 3, 4, 5], articles.Select(a => a!["order"]!.GetValue<int>()));
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
