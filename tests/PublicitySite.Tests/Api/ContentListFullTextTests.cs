using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PublicitySite.Search;
using PublicitySite.Tests.Infrastructure;
using PublicitySite.Tests.Workflow;

namespace PublicitySite.Tests.Api;

/// <summary><c>GET /api/content?q=</c>: full text combined with the list's filters, paging and totals.</summary>
public sealed class ContentListFullTextTests(IndexedSiteFixture fixture) : IClassFixture<IndexedSiteFixture>
{
    private static string Q(string text) => Uri.EscapeDataString(text);

    private Task<JsonElement> GetJson(string url) => fixture.Client.GetFromJsonAsync<JsonElement>(url);

    private static List<string> Ids(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!).ToList();

    [Fact]
    public async Task A_chinese_word_finds_the_seed_articles_that_hold_it()
    {
        var page = await GetJson($"/api/content?q={Q("民主监督员")}&pageSize=100");

        var ids = Ids(page);
        Assert.NotEmpty(ids);
        Assert.Equal(page.GetProperty("total").GetInt32(), ids.Count);
        Assert.Contains(page.GetProperty("items").EnumerateArray(), i => i.GetProperty("url").GetString()!.Contains("minzhu-jianduyuan", StringComparison.Ordinal));
        foreach (var id in ids)
        {
            var item = await GetJson($"/api/content/{id}");
            var text = item.GetProperty("title").GetString() + item.GetProperty("bodyText").GetString() + item.GetProperty("summary").GetString() + item.GetProperty("parts");
            Assert.Contains("民主监督员", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Combined_with_a_type_it_returns_exactly_what_search_finds_of_that_type()
    {
        var list = await GetJson($"/api/content?q={Q("民主监督员")}&type=News&pageSize=100");
        var search = await GetJson($"/api/search?q={Q("民主监督员")}&type=News&pageSize=50");
        var all = await GetJson($"/api/content?q={Q("民主监督员")}&pageSize=100");

        Assert.All(list.GetProperty("items").EnumerateArray(), i => Assert.Equal("News", i.GetProperty("type").GetString()));
        Assert.Equal(list.GetProperty("total").GetInt32(), Ids(list).Count);
        Assert.Equal(search.GetProperty("total").GetInt32(), list.GetProperty("total").GetInt32());
        Assert.Equal(search.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()).Order(), Ids(list).Order());
        Assert.True(Ids(list).Count < Ids(all).Count, "members and literature hold the word too");
    }

    [Fact]
    public async Task Pages_of_a_full_text_list_share_one_total_and_do_not_overlap()
    {
        var first = await GetJson($"/api/content?q={Q("政协")}&column=工作动态&pageSize=2&sort=oldest");
        var second = await GetJson($"/api/content?q={Q("政协")}&column=工作动态&pageSize=2&page=2&sort=oldest");
        var whole = await GetJson($"/api/content?q={Q("政协")}&column=工作动态&pageSize=100&sort=oldest");

        Assert.True(whole.GetProperty("total").GetInt32() > 4);
        Assert.Equal(whole.GetProperty("total").GetInt32(), first.GetProperty("total").GetInt32());
        Assert.Equal(whole.GetProperty("total").GetInt32(), second.GetProperty("total").GetInt32());
        Assert.Equal(Ids(whole).Take(4), Ids(first).Concat(Ids(second)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task An_empty_q_filters_nothing(string q)
    {
        var plain = await GetJson("/api/content?type=News&pageSize=5");
        var empty = await GetJson($"/api/content?type=News&pageSize=5&q={Q(q)}");

        Assert.Equal(plain.GetProperty("total").GetInt32(), empty.GetProperty("total").GetInt32());
        Assert.Equal(Ids(plain), Ids(empty));
    }

    [Fact]
    public async Task An_overlong_q_is_a_400_problem_naming_q()
    {
        var response = await fixture.Client.GetAsync($"/api/content?q={Q(new string('政', 201))}");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("q", problem.GetProperty("parameter").GetString());
        Assert.Equal(HttpStatusCode.OK, (await fixture.Client.GetAsync($"/api/content?q={Q(new string('政', 200))}")).StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_describes_q_with_its_limit()
    {
        var document = await GetJson("/openapi/v1.json");

        var parameters = document.GetProperty("paths").GetProperty("/api/content").GetProperty("get").GetProperty("parameters").EnumerateArray().ToList();
        var q = parameters.Single(p => p.GetProperty("name").GetString() == "q");
        Assert.Equal("query", q.GetProperty("in").GetString());
        Assert.Equal(200, q.GetProperty("schema").GetProperty("maxLength").GetInt32());
        Assert.Contains(parameters, p => p.GetProperty("name").GetString() == "pageSize");
    }

    [Fact]
    public async Task Drafts_and_unpublished_edits_are_never_returned()
    {
        const string Marker = "全文筛选草稿标记";
        var writer = await fixture.Site.Services.UserAsync("w", "Contributor");
        await fixture.Site.Services.DraftAsync(writer, Marker + "草稿");
        await fixture.Site.Services.AtStageAsync(1, Marker + "审核中");
        var published = await fixture.Site.Services.AtStageAsync(3, "全文筛选已签发稿件");
        var editor = await fixture.Site.Services.UserAsync("fulltext-editor", "Editor");
        Editorial.Ok(await fixture.Site.Services.WorkflowAsync(w => w.UpdateAsync(editor, published, 1, Editorial.News(Marker + "发布后修改"))));
        await fixture.Site.Services.GetRequiredService<SearchIndexer>().WaitForIdleAsync(TimeSpan.FromSeconds(30));

        var byMarker = await GetJson($"/api/content?q={Q(Marker)}&pageSize=100");
        var byPublishedTitle = await GetJson($"/api/content?q={Q("全文筛选已签发稿件")}");

        Assert.Equal(0, byMarker.GetProperty("total").GetInt32());
        Assert.Empty(Ids(byMarker));
        Assert.Equal([published], Ids(byPublishedTitle));
    }
}
