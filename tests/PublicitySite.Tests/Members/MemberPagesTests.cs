using System.Net;
using System.Text.Json;
using PublicitySite.Tests.Infrastructure;

namespace PublicitySite.Tests.Members;

/// <summary>The directory, profile and member API over HTTP, on the seed content.</summary>
public sealed class MemberPagesTests : IClassFixture<SeededSiteFixture>
{
    private readonly HttpClient client;

    public MemberPagesTests(SeededSiteFixture site) => client = site.Site.CreateClient();

    [Fact]
    public async Task The_directory_shows_every_seed_member_in_pinyin_order_with_a_jump_bar()
    {
        var html = await client.GetStringAsync("/members");

        var positions = new[] { "示例委员 安明", "示例委员 白雪", "示例委员 陈立新", "示例委员 张敏", "示例委员 赵德胜" }.Select(n => html.IndexOf(n, StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p > 0));
        Assert.Equal(positions.Order(), positions);
        Assert.Contains("href=\"#letter-A\"", html);
        Assert.Contains("id=\"letter-Z\"", html);
        Assert.Contains("<span aria-disabled=\"true\">K</span>", html); // no seed surname under K
        Assert.Contains("共 10 位委员", html);
    }

    [Fact]
    public async Task The_directory_filters_by_party_without_script()
    {
        var html = await client.GetStringAsync("/members?party=%E4%B8%AD%E5%85%B1");

        Assert.Contains("示例委员 安明", html);
        Assert.DoesNotContain("示例委员 白雪", html);
        Assert.Contains("<option value=\"中共\" selected>", html);
    }

    [Fact]
    public async Task The_directory_shows_the_current_term_by_default_and_every_term_on_request()
    {
        var current = await client.GetStringAsync("/members");
        var all = await client.GetStringAsync("/members?term=%E5%85%A8%E9%83%A8");
        var none = await client.GetStringAsync("/members?term=%E7%AC%AC%E4%B9%9D%E5%B1%8A");

        Assert.Contains("第五届，共 10 位委员", current);
        Assert.Contains("<option value=\"全部\" selected>全部届次</option>", all);
        Assert.Contains("共 10 位委员", all);
        Assert.Contains("没有符合条件的委员", none);
    }

    [Fact]
    public async Task A_member_without_a_photo_gets_a_surname_card()
    {
        var html = await client.GetStringAsync("/members");

        Assert.Contains("<span class=\"photo monogram\" aria-hidden=\"true\">安</span>", html);
    }

    [Fact]
    public async Task A_profile_shows_public_facts_and_the_members_proposals()
    {
        var html = await client.GetStringAsync("/members/shili-weiyuan-an-ming");

        Assert.Contains("<h1>示例委员 安明", html);
        Assert.Contains("市城乡规划设计研究院（示例）", html);
        Assert.Contains("关于尽快维修原城郊大桥护栏的提案", html);
        Assert.Contains("领衔提案 <strong>1</strong> 件", html);
    }

    [Theory]
    [InlineData("/social-opinions?page=abc&year=x")]
    [InlineData("/social-opinions?page=-3&year=99999")]
    [InlineData("/members?sector=%3Cscript%3Ealert(1)%3C%2Fscript%3E&q=%22%3E%3Cb%3E")]
    public async Task Mistyped_query_values_still_show_the_page(string url)
    {
        var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("<script>alert", html);
        Assert.DoesNotContain("\"><b>", html);
    }

    [Fact]
    public async Task An_unknown_member_is_a_404_page_in_Chinese()
    {
        var response = await client.GetAsync("/members/no-such-member");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("页面不存在", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_api_filters_by_sector_and_party_with_the_values_items_show()
    {
        using var all = JsonDocument.Parse(await client.GetStringAsync("/api/members"));
        var first = all.RootElement.GetProperty("items")[0];
        var sector = first.GetProperty("sector").GetString()!;

        using var filtered = JsonDocument.Parse(await client.GetStringAsync("/api/members?sector=" + Uri.EscapeDataString(sector)));

        Assert.Equal(10, all.RootElement.GetProperty("total").GetInt32());
        Assert.Equal("示例委员 安明", first.GetProperty("name").GetString());
        Assert.StartsWith("/members/", first.GetProperty("url").GetString());
        var items = filtered.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        Assert.True(items.Count < 10);
        Assert.All(items, i => Assert.Equal(sector, i.GetProperty("sector").GetString()));
    }

    [Theory]
    [InlineData("/api/members?colour=red", "colour")]
    [InlineData("/api/members?pageSize=0", "pageSize")]
    [InlineData("/api/members?page=abc", "page")]
    public async Task Bad_api_parameters_are_a_400_problem_in_Chinese(string url, string parameter)
    {
        var response = await client.GetAsync(url);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("请求参数有误", body.RootElement.GetProperty("title").GetString());
        Assert.Equal(parameter, body.RootElement.GetProperty("parameter").GetString());
    }
}
