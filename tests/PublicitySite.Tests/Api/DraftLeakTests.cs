using System.Net;
using System.Net.Http.Json;
using PublicitySite.Tests.Infrastructure;
using PublicitySite.Tests.Workflow;

namespace PublicitySite.Tests.Api;

/// <summary>Text that has not been signed off never reaches an anonymous reader, on any public surface.</summary>
public sealed class DraftLeakTests
{
    private const string Marker = "未审稿件标记甲乙丙";

    [Fact]
    public async Task Draft_in_review_and_scheduled_text_never_reaches_anonymous_readers()
    {
        using var site = new TestSite(seed: true);
        var writer = await site.Services.UserAsync("w", "Contributor");
        var ids = new List<string>
        {
            await site.Services.DraftAsync(writer, Marker + "草稿"),
            await site.Services.AtStageAsync(0, Marker + "初审"),
            await site.Services.AtStageAsync(1, Marker + "复审"),
            await site.Services.AtStageAsync(2, Marker + "待签发"),
        };
        var scheduled = await site.Services.AtStageAsync(2, Marker + "定时");
        var publisher = await site.ClientAsync("leak-publisher", "Publisher");
        Assert.True((await publisher.PostAsJsonAsync($"/api/content/{scheduled}/publish", new { at = DateTimeOffset.UtcNow.AddDays(2) })).IsSuccessStatusCode);
        ids.Add(scheduled);

        // A published item edited afterwards: the public keeps seeing the signed-off text only.
        var published = await site.Services.AtStageAsync(3, "已签发的标题");
        var editor = await site.Services.UserAsync("leak-editor", "Editor");
        Editorial.Ok(await site.Services.WorkflowAsync(w => w.UpdateAsync(editor, published, 1, Editorial.News(Marker + "发布后修改"))));

        var anonymous = site.CreateClient();
        var surfaces = new List<string> { "/", "/api/content?pageSize=100", "/api/content?type=News&pageSize=100", "/column/dongtai", $"/api/search?q={Marker}", "/rss.xml", "/feed", "/sitemap.xml", "/api/news?pageSize=100" };
        surfaces.AddRange(ids.Select(id => $"/api/content/{id}"));
        surfaces.AddRange(ids.Select(id => $"/preview/{id}"));
        surfaces.AddRange(ids.Select(id => $"/api/content/{id}/versions"));
        surfaces.Add($"/api/content/{published}");
        foreach (var url in surfaces)
        {
            var response = await anonymous.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            if (url.StartsWith("/api/search", StringComparison.Ordinal))
            {
                body = System.Text.Json.Nodes.JsonNode.Parse(body)?["items"]?.ToJsonString() ?? body; // the response echoes the query itself
            }

            Assert.DoesNotContain("未审稿件标记", body);
        }

        foreach (var id in ids)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/content/{id}")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/content/{ids[0]}/versions")).StatusCode);
        Assert.Equal("已签发的标题", (await (await anonymous.GetAsync($"/api/content/{published}")).JsonAsync())["title"]!.ToString());
        var graphql = await anonymous.PostAsJsonAsync("/api/graphql", new { query = "{ newsList(pageSize: 100) { total items { title bodyText } } }" });
        var graphqlBody = await graphql.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, graphql.StatusCode);
        Assert.Contains("已签发的标题", graphqlBody);
        Assert.DoesNotContain("未审稿件标记", graphqlBody);
    }
}
