using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using PublicitySite.Audit;
using PublicitySite.Search;
using PublicitySite.Tests.Infrastructure;
using PublicitySite.Tests.Search;
using PublicitySite.Tests.Site;

namespace PublicitySite.Tests.Admin;

/// <summary>搜索管理 at <c>/admin/search</c>: rebuilding the index from the page, and its role checks.</summary>
public sealed class SearchAdminPageTests : IClassFixture<BlankSiteFixture>
{
    private readonly TestSite site;

    public SearchAdminPageTests(BlankSiteFixture fixture) => site = fixture.Site;

    [Fact]
    public async Task Reindex_from_the_page_runs_in_the_background_and_the_page_then_shows_the_finished_state_and_count()
    {
        await SiteContent.PublishNewsAsync(site, "市政协召开重建索引专题协商会");
        using var admin = await AdminSession.LoginAsync(site, "search-admin", "Administrator");
        var (_, before) = await admin.GetAsync("/admin/search");
        var oldGeneration = Cell(before, "index-generation");

        var post = await admin.PostAsync("/admin/search?handler=Reindex", new(), "/admin/search");

        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Equal("/admin/search", post.Headers.Location!.OriginalString);
        var status = await WaitUntilBuiltAsync(admin);
        Assert.Equal("ready", status.GetProperty("state").GetString());
        var (code, html) = await admin.GetAsync("/admin/search");
        var documents = Index.Snapshot().Documents;
        Assert.Equal(HttpStatusCode.OK, code);
        Assert.True(documents > 0);
        Assert.Equal("就绪", Cell(html, "index-state"));
        Assert.Equal(documents.ToString(System.Globalization.CultureInfo.InvariantCulture), Cell(html, "index-documents"));
        Assert.NotEqual(oldGeneration, Cell(html, "index-generation"));
        Assert.StartsWith("gen-", Cell(html, "index-generation"), StringComparison.Ordinal);
        Assert.Matches(@"已处理 (\d+) / \1", html); // the bar of the last build, full
        Assert.Contains($"重建完成，索引 {documents} 个文档", html);
        Assert.DoesNotContain("http-equiv=\"refresh\"", html); // nothing left to refresh for
        var trail = await AuditAsync("search-admin", AuditActions.SearchReindex);
        Assert.Single(trail);
    }

    [Fact]
    public async Task A_second_start_while_a_build_runs_is_refused_with_a_message_and_starts_nothing()
    {
        using var admin = await AdminSession.LoginAsync(site, "search-admin-2", "Administrator");
        await using var held = await HeldRebuild.StartAsync(site.Services);
        var search = await SiteContent.Reader(site).GetAsync(new Uri("/api/search?q=" + Uri.EscapeDataString("政协"), UriKind.Relative));

        var (_, page) = await admin.GetAsync("/admin/search");
        var second = await admin.PostAsync("/admin/search?handler=Reindex", new(), "/admin/search");
        var html = await second.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, search.StatusCode); // the old index keeps answering meanwhile
        Assert.Equal("building", Attribute(page, "index-state", "data-state"));
        Assert.Contains("正在重建（搜索仍使用旧索引）", page);
        Assert.Contains("<progress id=\"reindex-progress\"", page);
        Assert.Matches(@"已处理 0 / \d+", page);
        Assert.Contains("http-equiv=\"refresh\"", page); // inside <noscript>: for browsers without JavaScript
        Assert.Contains("handler=Status", page);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("正在重建索引", html);
        Assert.Empty(await AuditAsync("search-admin-2", AuditActions.SearchReindex));
        Assert.False(site.Services.GetRequiredService<PublicitySite.Web.Search.ReindexJob>().IsRunning);

        Assert.True(await held.ReleaseAsync() >= 0);
        Assert.Equal("ready", (await WaitUntilBuiltAsync(admin)).GetProperty("state").GetString());
    }

    [Theory]
    [InlineData("Publisher")]
    [InlineData("Reviewer")]
    [InlineData("Editor")]
    [InlineData("Contributor")]
    [InlineData("ProposalClerk")]
    [InlineData("HistoryEditor")]
    public async Task Other_roles_get_403_on_the_page_its_status_and_both_actions_and_see_no_link(string role)
    {
        using var other = await AdminSession.LoginAsync(site, "search-" + role.ToLowerInvariant(), role);
        var synonymsBefore = Synonyms.Groups.Count;

        var (status, html) = await other.GetAsync("/admin/search");
        var json = await other.Client.GetAsync(new Uri("/admin/search?handler=Status", UriKind.Relative));
        var reindex = await other.PostAsync("/admin/search?handler=Reindex", new());
        var synonyms = await other.PostAsync("/admin/search?handler=Synonyms", new() { ["synonymLines"] = "越权 同义" });

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("无权管理搜索", html);
        Assert.DoesNotContain("重建索引</button>", html);
        Assert.Equal(HttpStatusCode.Forbidden, json.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, reindex.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, synonyms.StatusCode);
        Assert.Equal(synonymsBefore, Synonyms.Groups.Count);
        Assert.DoesNotContain(Synonyms.Groups, g => g.Contains("越权"));
        Assert.False(site.Services.GetRequiredService<PublicitySite.Web.Search.ReindexJob>().IsRunning);
        Assert.DoesNotContain("href=\"/admin/search\"", (await other.GetAsync("/admin")).Html);
    }

    [Fact]
    public async Task Administrators_see_the_nav_link()
    {
        using var admin = await AdminSession.LoginAsync(site, "search-admin-3", "Administrator");
        var (_, html) = await admin.GetAsync("/admin");
        Assert.Contains("<a href=\"/admin/search\">搜索管理</a>", html);
    }

    private SearchIndex Index => site.Services.GetRequiredService<SearchIndex>();

    private SynonymStore Synonyms => site.Services.GetRequiredService<SynonymStore>();

    private static async Task<JsonElement> WaitUntilBuiltAsync(AdminSession admin)
    {
        for (var i = 0; i < 300; i++)
        {
            var response = await admin.Client.GetAsync(new Uri("/admin/search?handler=Status", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            if (!body.GetProperty("rebuilding").GetBoolean())
            {
                return body;
            }

            await Task.Delay(50);
        }

        Assert.Fail("the rebuild did not finish within 15 seconds");
        return default;
    }

    private async Task<IReadOnlyList<AuditEntry>> AuditAsync(string actor, string action)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var (_, items) = await scope.ServiceProvider.GetRequiredService<AuditLog>().QueryAsync(new AuditFilter { Actor = actor, Action = action });
        return items;
    }

    private static string Cell(string html, string id) =>
        WebUtility.HtmlDecode(Regex.Match(html, $"<td id=\"{id}\"[^>]*>([^<]*)</td>") is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("no #" + id));

    private static string Attribute(string html, string id, string attribute) =>
        Regex.Match(html, $"id=\"{id}\" {attribute}=\"([^\"]*)\"") is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("no #" + id);
}
