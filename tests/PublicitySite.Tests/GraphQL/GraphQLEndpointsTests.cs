using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PublicitySite.Tests.Infrastructure;

namespace PublicitySite.Tests.GraphQL;

public sealed class GraphQLEndpointsTests(SeededSiteFixture fixture) : IClassFixture<SeededSiteFixture>
{
    private async Task<JsonElement> Query(string query, object? variables = null)
    {
        var response = await fixture.Client.PostAsJsonAsync("/api/graphql", new { query, variables });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToString());
        Assert.False(body.TryGetProperty("errors", out var errors), errors.ToString());
        return body.GetProperty("data");
    }

    [Fact]
    public async Task Lists_page_with_totals_that_match_rest()
    {
        var data = await Query("{ newsList(where: { column: \"工作动态\" }, pageSize: 2) { total pageSize items { id title column url } } }");
        var rest = await fixture.Client.GetFromJsonAsync<JsonElement>("/api/content?type=News&column=工作动态&pageSize=2");

        var list = data.GetProperty("newsList");
        Assert.Equal(rest.GetProperty("total").GetInt32(), list.GetProperty("total").GetInt32());
        Assert.Equal(
            rest.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()),
            list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Recipe_fields_can_be_filtered()
    {
        var all = await Query("{ memberList(pageSize: 100) { items { name: title party sector } } }");
        var first = all.GetProperty("memberList").GetProperty("items")[0];
        var party = first.GetProperty("party").GetString();

        var filtered = await Query("query($p: String) { memberList(where: { party: $p }, pageSize: 100) { total items { title party } } }", new { p = party });

        var items = filtered.GetProperty("memberList").GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        Assert.All(items, i => Assert.Equal(party, i.GetProperty("party").GetString()));
        Assert.True(items.Count < all.GetProperty("memberList").GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Proposals_lead_to_their_proposers_and_on_to_their_other_proposals()
    {
        var data = await Query("{ proposalList(where: { proposerType: \"member\" }, pageSize: 100) { items { title proposers proposerMembers { title proposals { title } } } } }");

        var linked = data.GetProperty("proposalList").GetProperty("items").EnumerateArray()
            .Where(p => p.GetProperty("proposerMembers").GetArrayLength() > 0).ToList();
        Assert.NotEmpty(linked);
        foreach (var proposal in linked)
        {
            var title = proposal.GetProperty("title").GetString();
            foreach (var member in proposal.GetProperty("proposerMembers").EnumerateArray())
            {
                Assert.Contains(member.GetProperty("title").GetString(), proposal.GetProperty("proposers").EnumerateArray().Select(p => p.GetString()));
                Assert.Contains(title, member.GetProperty("proposals").EnumerateArray().Select(p => p.GetProperty("title").GetString()));
            }
        }
    }

    [Fact]
    public async Task Private_member_fields_are_not_in_the_schema()
    {
        var response = await fixture.Client.PostAsJsonAsync("/api/graphql", new { query = "{ memberList { items { title phone idNumber } } }" });
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("phone", body, StringComparison.Ordinal);
        var introspection = await Query("{ __type(name: \"Member\") { fields { name } } }");
        var fields = introspection.GetProperty("__type").GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("name").GetString()).ToList();
        Assert.Contains("sector", fields);
        Assert.DoesNotContain("phone", fields);
        Assert.DoesNotContain("idNumber", fields);
        Assert.DoesNotContain("birthDate", fields);
    }

    [Fact]
    public async Task Overly_deep_queries_and_oversized_pages_are_refused()
    {
        var nested = "{ proposalList { items { proposerMembers { proposals { proposerMembers { proposals { proposerMembers { proposals { proposerMembers { proposals { proposerMembers { title } } } } } } } } } } } }";
        var deep = await fixture.Client.PostAsJsonAsync("/api/graphql", new { query = nested });
        var huge = await fixture.Client.PostAsJsonAsync("/api/graphql", new { query = "{ newsList(pageSize: 1000) { total } }" });
        var empty = await fixture.Client.PostAsync("/api/graphql", new StringContent("not json", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, deep.StatusCode);
        Assert.Contains("errors", await huge.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
    }

    [Fact]
    public async Task Get_requests_work_for_persisted_style_queries()
    {
        var response = await fixture.Client.GetAsync("/api/graphql?query=" + Uri.EscapeDataString("{ pageList { total } }"));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(body.GetProperty("data").GetProperty("pageList").GetProperty("total").GetInt32() > 0);
    }
}
