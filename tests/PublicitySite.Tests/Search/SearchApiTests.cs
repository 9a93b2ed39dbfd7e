using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PublicitySite.Audit;
using PublicitySite.Tests.Infrastructure;
using PublicitySite.Users;

namespace PublicitySite.Tests.Search;

/// <summary><c>GET /api/search</c> and the office endpoints over real HTTP on the seeded site.</summary>
public sealed class SearchApiTests : IClassFixture<IndexedSiteFixture>
{
    private readonly TestSite site;
    private readonly HttpClient client;

    /// <summary>Tests read the shared site and add only their own users and synonyms.</summary>
    public SearchApiTests(IndexedSiteFixture fixture)
    {
        site = fixture.Site;
        client = site.CreateClient();
    }

    [Fact]
    public async Task Results_carry_highlighted_snippets_and_facets()
    {
        var body = await GetJson("/api/search?q=民主监督员");
        Assert.True(body.GetProperty("total").GetInt32() >= 3);
        var first = body.GetProperty("items")[0];
        Assert.Contains("<em>民主监督员</em>", first.GetProperty("snippet").GetString());
        Assert.StartsWith("/", first.GetProperty("url").GetString());
        Assert.True(first.TryGetProperty("publishedUtc", out _));
        Assert.True(body.GetProperty("facets").GetProperty("type").GetProperty("News").GetInt32() >= 2);
        Assert.True(body.GetProperty("facets").GetProperty("year").EnumerateObject().Any());
    }

    [Theory]
    [InlineData("zhengxie")]
    [InlineData("zx")]
    [InlineData("ZhengXie")]
    public async Task Pinyin_and_its_initials_find_what_the_chinese_word_finds(string letters)
    {
        var chinese = await GetJson("/api/search?q=" + Uri.EscapeDataString("政协"));
        var pinyin = await GetJson("/api/search?q=" + letters);
        Assert.True(chinese.GetProperty("total").GetInt32() > 0);
        Assert.Equal(chinese.GetProperty("total").GetInt32(), pinyin.GetProperty("total").GetInt32());
        Assert.Contains("<em>政协</em>", pinyin.GetProperty("items")[0].GetProperty("snippet").GetString());
    }

    [Fact]
    public async Task The_box_suggests_committee_words_for_pinyin_and_for_the_start_of_a_word()
    {
        Assert.Equal("提案", (await Suggestions("tian"))[0]);
        Assert.Contains("提案办理", await Suggestions("tian"));
        Assert.Contains("政协", await Suggestions("zx"));
        Assert.Contains("提案办理", await Suggestions("提案"));
        Assert.Empty(await Suggestions(""));
        var tooLong = await client.GetAsync("/api/search/suggest?q=" + new string('a', 31));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("不能超过", await tooLong.Content.ReadAsStringAsync());
    }

    private async Task<List<string>> Suggestions(string q)
    {
        var body = await GetJson("/api/search/suggest?q=" + Uri.EscapeDataString(q));
        return body.GetProperty("items").EnumerateArray().Select(i => i.GetString()!).ToList();
    }

    [Fact]
    public async Task Traditional_characters_and_full_width_forms_find_simplified_text()
    {
        var traditional = await GetJson("/api/search?q=" + Uri.EscapeDataString("政協委員"));
        var simplified = await GetJson("/api/search?q=" + Uri.EscapeDataString("政协委员"));
        Assert.Equal(simplified.GetProperty("total").GetInt32(), traditional.GetProperty("total").GetInt32());
        Assert.True(traditional.GetProperty("total").GetInt32() > 0);
        Assert.Contains("<em>政协委员</em>", traditional.GetProperty("items")[0].GetProperty("snippet").GetString());

        var fullWidth = await GetJson("/api/search?q=" + Uri.EscapeDataString("２０２５年度重点提案"));
        Assert.Equal("关于确定2025年度重点提案及督办安排的公告", fullWidth.GetProperty("items")[0].GetProperty("title").GetString());
    }

    [Fact]
    public async Task Adjacent_matches_are_one_highlight()
    {
        var body = await GetJson("/api/search?q=" + Uri.EscapeDataString("城郊 大桥 护栏"));
        var snippet = body.GetProperty("items")[0].GetProperty("snippet").GetString()!;
        Assert.Contains("<em>城郊大桥护栏</em>", snippet);
        Assert.DoesNotContain("</em><em>", snippet);
    }

    [Theory]
    [InlineData("\"民主监督\" AND (*:")]
    [InlineData("title:提案 OR [委员]")]
    [InlineData("\\\"\"\"((( ")]
    [InlineData("*")]
    public async Task Query_syntax_is_read_as_words_without_errors(string q)
    {
        var response = await client.GetAsync("/api/search?q=" + Uri.EscapeDataString(q));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_very_long_query_is_cut_and_answered()
    {
        var body = await GetJson("/api/search?q=" + Uri.EscapeDataString(string.Concat(Enumerable.Repeat("政协委员履职", 800))));
        Assert.True(body.GetProperty("truncated").GetBoolean());
    }

    [Fact]
    public async Task An_empty_query_gets_a_prompt_not_an_error()
    {
        var body = await GetJson("/api/search?q=");
        Assert.Equal(0, body.GetProperty("total").GetInt32());
        Assert.Equal("请输入搜索关键词", body.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Nothing_found_says_so_with_suggestions()
    {
        var body = await GetJson("/api/search?q=" + Uri.EscapeDataString("量子计算机"));
        Assert.Equal(0, body.GetProperty("total").GetInt32());
        Assert.Equal("没有找到相关内容", body.GetProperty("message").GetString());

        var some = await GetJson("/api/search?q=" + Uri.EscapeDataString("“民主监督量子纠缠”"));
        Assert.Equal(0, some.GetProperty("total").GetInt32());
        Assert.Contains("民主", some.GetProperty("suggestions").EnumerateArray().Select(s => s.GetString()));
    }

    [Theory]
    [InlineData("pageSize=1000", "pageSize")]
    [InlineData("type=Nope", "type")]
    [InlineData("year=abc", "year")]
    [InlineData("sort=best", "sort")]
    [InlineData("page=0", "page")]
    [InlineData("color=red", "color")]
    public async Task Bad_parameters_get_a_problem_in_Chinese(string query, string parameter)
    {
        var response = await client.GetAsync("/api/search?q=政协&" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("请求参数有误", problem.GetProperty("title").GetString());
        Assert.Equal(parameter, problem.GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task Filters_narrow_the_results_and_facets_still_count_everything()
    {
        var members = await GetJson("/api/search?q=委员&type=Member&pageSize=50");
        Assert.All(members.GetProperty("items").EnumerateArray(), i => Assert.Equal("Member", i.GetProperty("type").GetString()));
        Assert.True(members.GetProperty("facets").GetProperty("type").GetProperty("News").GetInt32() > 0);

        var year = await GetJson("/api/search?q=政协&year=2024&pageSize=50");
        Assert.All(year.GetProperty("items").EnumerateArray(), i => Assert.StartsWith("2024", i.GetProperty("publishedUtc").GetString()));

        var sector = await GetJson("/api/search?q=委员&type=Member&sector=" + Uri.EscapeDataString("农业界"));
        Assert.Equal("示例委员 冯志远", Assert.Single(sector.GetProperty("items").EnumerateArray()).GetProperty("title").GetString());

        var status = await GetJson("/api/search?q=提案&type=Proposal&status=" + Uri.EscapeDataString("办结") + "&pageSize=50");
        Assert.True(status.GetProperty("total").GetInt32() > 0);
        Assert.True(status.GetProperty("total").GetInt32() < status.GetProperty("facets").GetProperty("type").GetProperty("Proposal").GetInt32());
    }

    [Fact]
    public async Task Sorting_by_date_and_paging_work()
    {
        var byDate = await GetJson("/api/search?q=政协&sort=date&pageSize=20");
        var dates = byDate.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("publishedUtc").GetDateTimeOffset()).ToList();
        Assert.Equal(dates.OrderByDescending(d => d), dates);

        var page1 = await GetJson("/api/search?q=政协&pageSize=5&page=1");
        var page2 = await GetJson("/api/search?q=政协&pageSize=5&page=2");
        var ids1 = page1.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()).ToList();
        var ids2 = page2.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()).ToList();
        Assert.Equal(5, ids2.Count);
        Assert.Empty(ids1.Intersect(ids2));
    }

    [Fact]
    public async Task A_proposal_kept_private_by_its_proposer_is_never_found_publicly()
    {
        var body = await GetJson("/api/search?q=" + Uri.EscapeDataString("医护人员") + "&pageSize=50");
        Assert.DoesNotContain(body.GetProperty("items").EnumerateArray(), i => i.GetProperty("title").GetString() == "关于关心关爱疫情防控一线医护人员的提案");
    }

    [Fact]
    public async Task The_office_search_needs_a_token_and_respects_the_role()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/admin/search?q=提案")).StatusCode);

        var editor = await TokenAsync("search-editor", "Editor", TokenScopes.ReadDrafts);
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/admin/search?q=" + Uri.EscapeDataString("医护人员") + "&pageSize=50");
        request.Headers.Authorization = new("Bearer", editor);
        var staff = await (await client.SendAsync(request)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(staff.GetProperty("items").EnumerateArray(), i => i.GetProperty("title").GetString() == "关于关心关爱疫情防控一线医护人员的提案");

        var clerk = await TokenAsync("search-clerk", "ProposalClerk", TokenScopes.ReadDrafts);
        request = new HttpRequestMessage(HttpMethod.Get, "/api/admin/search?q=" + Uri.EscapeDataString("委员") + "&pageSize=50");
        request.Headers.Authorization = new("Bearer", clerk);
        var limited = await (await client.SendAsync(request)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(limited.GetProperty("total").GetInt32() > 0);
        Assert.All(limited.GetProperty("items").EnumerateArray(), i => Assert.Equal("Proposal", i.GetProperty("type").GetString()));

        var contributor = await TokenAsync("search-writer", "Contributor", TokenScopes.ReadDrafts);
        request = new HttpRequestMessage(HttpMethod.Get, "/api/admin/search?q=提案");
        request.Headers.Authorization = new("Bearer", contributor);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task Administrators_edit_synonyms_and_they_apply_at_once()
    {
        var admin = await TokenAsync("search-admin", "Administrator", TokenScopes.Manage);
        Assert.Equal(0, (await GetJson("/api/search?q=" + Uri.EscapeDataString("龘龘"))).GetProperty("total").GetInt32());

        var put = new HttpRequestMessage(HttpMethod.Put, "/api/admin/search/synonyms")
        {
            Content = JsonContent.Create(new { groups = new[] { new[] { "政协", "人民政协", "政治协商会议" }, new[] { "龘龘", "护栏" } } }),
        };
        put.Headers.Authorization = new("Bearer", admin);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(put)).StatusCode);
        Assert.True((await GetJson("/api/search?q=" + Uri.EscapeDataString("龘龘"))).GetProperty("total").GetInt32() > 0);

        var bad = new HttpRequestMessage(HttpMethod.Put, "/api/admin/search/synonyms") { Content = JsonContent.Create(new { groups = new[] { new[] { "孤词" } } }) };
        bad.Headers.Authorization = new("Bearer", admin);
        var response = await client.SendAsync(bad);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("至少应有两个不同的词", await response.Content.ReadAsStringAsync());

        // The accepted change is in the audit trail under the token's user, with what it added; the refused one is not.
        var audited = Assert.Single(await AuditAsync("search-admin", PublicitySite.Audit.AuditActions.SynonymsChanged));
        Assert.Contains("新增：龘龘 护栏", audited.Detail);
    }

    [Fact]
    public async Task Reindex_runs_in_the_background_and_reports_progress()
    {
        var admin = await TokenAsync("reindex-admin", "Administrator", TokenScopes.Manage);
        var post = new HttpRequestMessage(HttpMethod.Post, "/api/admin/search/reindex");
        post.Headers.Authorization = new("Bearer", admin);
        var response = await client.SendAsync(post);
        Assert.True(response.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.Conflict);

        for (var i = 0; i < 300; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/search?q=政协")).StatusCode);
            var status = new HttpRequestMessage(HttpMethod.Get, "/api/admin/search/status");
            status.Headers.Authorization = new("Bearer", admin);
            var body = await (await client.SendAsync(status)).Content.ReadFromJsonAsync<JsonElement>();
            if (!body.GetProperty("rebuilding").GetBoolean())
            {
                Assert.True(body.GetProperty("ready").GetBoolean());
                return;
            }

            await Task.Delay(50);
        }

        Assert.Fail("the reindex did not finish within 15 seconds");
    }

    [Fact]
    public async Task A_rebuild_started_through_the_api_is_audited_under_the_tokens_user()
    {
        var admin = await TokenAsync("reindex-auditor", "Administrator", TokenScopes.Manage);

        HttpStatusCode started = default;
        for (var i = 0; i < 300 && started != HttpStatusCode.Accepted; i++)
        {
            // Another rebuild may still be in hand (409): the audit must follow the one this token starts.
            var post = new HttpRequestMessage(HttpMethod.Post, "/api/admin/search/reindex");
            post.Headers.Authorization = new("Bearer", admin);
            started = (await client.SendAsync(post)).StatusCode;
            if (started == HttpStatusCode.Conflict)
            {
                await Task.Delay(50);
            }
        }

        Assert.Equal(HttpStatusCode.Accepted, started);
        var entry = Assert.Single(await AuditAsync("reindex-auditor", AuditActions.SearchReindex));
        Assert.Equal("search-index", entry.Target);
    }

    [Fact]
    public async Task A_manage_token_covers_the_office_search_as_it_covers_every_scope()
    {
        var admin = await TokenAsync("search-manager", "Administrator", TokenScopes.Manage);
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/admin/search?q=" + Uri.EscapeDataString("提案"));
        request.Headers.Authorization = new("Bearer", admin);

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("total").GetInt32() > 0);
    }

    private async Task<JsonElement> GetJson(string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<string> TokenAsync(string user, string role, string scope)
    {
        await using var scopeServices = site.Services.CreateAsyncScope();
        var users = scopeServices.ServiceProvider.GetRequiredService<UserService>();
        var (created, errors) = await users.AddAsync(user, role, "password-1234", user);
        Assert.True(created is not null, string.Join("; ", errors));
        var (_, secret) = await scopeServices.ServiceProvider.GetRequiredService<TokenService>().CreateAsync(created!, "test", 1, [scope]);
        return secret;
    }

    private async Task<IReadOnlyList<AuditEntry>> AuditAsync(string actor, string action)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var (_, items) = await scope.ServiceProvider.GetRequiredService<AuditLog>().QueryAsync(new AuditFilter { Actor = actor, Action = action });
        return items;
    }
}
