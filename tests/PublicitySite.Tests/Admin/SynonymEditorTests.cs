using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PublicitySite.Audit;
using PublicitySite.Search;
using PublicitySite.Tests.Infrastructure;
using PublicitySite.Tests.Site;

namespace PublicitySite.Tests.Admin;

/// <summary>The synonym list edited on 搜索管理: checked with Chinese messages, saved, audited, used by the next search.</summary>
public sealed class SynonymEditorTests : IClassFixture<BlankSiteFixture>
{
    private readonly TestSite site;

    public SynonymEditorTests(BlankSiteFixture fixture) => site = fixture.Site;

    [Fact]
    public async Task A_saved_group_makes_a_public_search_for_one_term_find_an_article_holding_only_the_other()
    {
        var id = await SiteContent.CreateNewsAsync(site, "委员视察银杏大道改造工程", body: "视察组沿银杏大道察看了人行道和绿化改造。");
        await SiteContent.PublishAsync(site, id);
        await site.Services.GetRequiredService<SearchIndexer>().WaitForIdleAsync(TimeSpan.FromSeconds(10));
        var reader = SiteContent.Reader(site);
        Assert.Equal(0, await TotalAsync(reader, "翠微长廊"));
        using var admin = await AdminSession.LoginAsync(site, "synonym-effect-admin", "Administrator");
        var (_, page) = await admin.GetAsync("/admin/search");
        var current = TextArea(page);
        Assert.Contains("政协", current); // the defaults are shown for editing

        var saved = await admin.PostAsync("/admin/search?handler=Synonyms", new() { ["synonymLines"] = current + "\n翠微长廊，银杏大道\n" }, "/admin/search");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var found = await SearchAsync(reader, "翠微长廊");
        Assert.Equal(1, found.GetProperty("total").GetInt32());
        Assert.Equal("委员视察银杏大道改造工程", found.GetProperty("items")[0].GetProperty("title").GetString());
        var (_, after) = await admin.GetAsync("/admin/search");
        Assert.Contains("同义词已保存", after);
        Assert.Contains("翠微长廊 银杏大道", TextArea(after));
        await using var scope = site.Services.CreateAsyncScope();
        var (_, trail) = await scope.ServiceProvider.GetRequiredService<AuditLog>().QueryAsync(new AuditFilter { Actor = "synonym-effect-admin", Action = AuditActions.SynonymsChanged });
        var line = Assert.Single(trail);
        Assert.Contains("新增：翠微长廊 银杏大道", line.Detail, StringComparison.Ordinal);
        Assert.Contains("删除：无", line.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("政协 人民政协\n，，、", "第 2 行是空组")]
    [InlineData("政协 人民政协\n\n孤词", "第 3 行只有一个词“孤词”")]
    [InlineData("重复 重复", "第 1 行只有一个词“重复”")]
    [InlineData("政协 中国人民政治协商会议全国委员会常务委员会办公厅", "过长：每个词最多 20 个字")]
    public async Task Bad_lines_get_a_Chinese_message_400_and_nothing_is_saved(string lines, string message)
    {
        using var admin = await AdminSession.LoginAsync(site, "synonym-admin", "Administrator");
        var before = Snapshot();

        var response = await admin.PostAsync("/admin/search?handler=Synonyms", new() { ["synonymLines"] = lines }, "/admin/search");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, html);
        Assert.Equal(lines, TextArea(html).Replace("\r\n", "\n", StringComparison.Ordinal)); // the form keeps what was typed
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public async Task Too_many_groups_are_refused()
    {
        using var admin = await AdminSession.LoginAsync(site, "synonym-admin", "Administrator");
        var before = Snapshot();
        var lines = string.Join('\n', Enumerable.Range(0, SynonymStore.MaxGroups + 1).Select(i => $"词{i}甲 词{i}乙"));

        var response = await admin.PostAsync("/admin/search?handler=Synonyms", new() { ["synonymLines"] = lines }, "/admin/search");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"超过上限 {SynonymStore.MaxGroups} 组", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public async Task Blank_lines_and_comments_are_skipped_and_commas_of_either_width_separate()
    {
        using var admin = await AdminSession.LoginAsync(site, "synonym-admin", "Administrator");
        var (_, page) = await admin.GetAsync("/admin/search");

        var response = await admin.PostAsync("/admin/search?handler=Synonyms", new() { ["synonymLines"] = TextArea(page) + "\n\n# 注释行\n社情民意,社情民意信息，民意信息\n" }, "/admin/search");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains(site.Services.GetRequiredService<SynonymStore>().Groups, g => g.SequenceEqual(["社情民意", "社情民意信息", "民意信息"]));
        Assert.DoesNotContain(site.Services.GetRequiredService<SynonymStore>().Groups, g => g.Any(w => w.Contains('#', StringComparison.Ordinal)));
    }

    private string Snapshot() => string.Join('\n', site.Services.GetRequiredService<SynonymStore>().Groups.Select(g => string.Join(' ', g)));

    private static string TextArea(string html) =>
        WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(html, "<textarea id=\"synonym-lines\"[^>]*>([^<]*)</textarea>").Groups[1].Value).TrimStart('\n');

    private static async Task<JsonElement> SearchAsync(HttpClient client, string q)
    {
        var response = await client.GetAsync(new Uri("/api/search?q=" + Uri.EscapeDataString(q), UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<int> TotalAsync(HttpClient client, string q) => (await SearchAsync(client, q)).GetProperty("total").GetInt32();
}
