using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PublicitySite.Proposals;
using PublicitySite.Tests.Infrastructure;

namespace PublicitySite.Tests.Proposals;

/// <summary>The public column over real HTTP, on the seed's sample proposals.</summary>
public sealed class ProposalPublicSiteTests(SeededSiteFixture fixture) : IClassFixture<SeededSiteFixture>
{
    private const string Refused = "关于关心关爱疫情一线医护人员的提案";
    private const string RefusedSlug = "yiqing-yixian-yihu-renyuan-guanai";
    private readonly HttpClient client = fixture.Client;

    [Fact]
    public async Task A_proposal_whose_proposer_refused_publication_appears_on_no_public_surface()
    {
        var id = await IdOfRefusedAsync();
        var surfaces = new[]
        {
            "/proposals", "/proposals?session=5-1", "/proposals?unit=" + Uri.EscapeDataString("市卫生健康委员会"), "/proposals/feed.xml",
            "/api/proposals?pageSize=100", "/api/content?type=Proposal&pageSize=100", "/proposals/statistics?session=5-1",
        };
        foreach (var url in surfaces)
        {
            var text = await client.GetStringAsync(url);
            Assert.DoesNotContain(Refused, text, StringComparison.Ordinal);
            Assert.DoesNotContain(id, text, StringComparison.Ordinal);
            Assert.DoesNotContain(RefusedSlug, text, StringComparison.Ordinal);
        }

        foreach (var url in new[] { "/proposals/" + RefusedSlug, "/api/proposals/" + id, "/api/content/" + id })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);
        }

        var api = await JsonAsync("/api/proposals?session=5-1");
        Assert.Equal(2, api.GetProperty("total").GetInt32()); // three filed in 5-1, one refused publication
        await using var scope = fixture.Site.Services.CreateAsyncScope();
        var ofMember = await scope.ServiceProvider.GetRequiredService<ProposalQueries>().OfMemberAsync("示例委员 邓文华");
        Assert.Equal(["关于完善基层公共卫生应急体系的提案"], ofMember.Select(m => m.Record.Title));
    }

    [Theory]
    [InlineData("status", "已办结")]
    [InlineData("status", "办理中")]
    [InlineData("category", "社会建设")]
    [InlineData("sector", "医药卫生界")]
    [InlineData("key", "true")]
    public async Task Filters_return_only_items_that_show_the_filtered_value(string name, string value)
    {
        var result = await JsonAsync($"/api/proposals?{name}={Uri.EscapeDataString(value)}&pageSize=100");
        var items = result.GetProperty("items").EnumerateArray().ToList();

        Assert.NotEmpty(items);
        Assert.Equal(result.GetProperty("total").GetInt32(), items.Count);
        Assert.All(items, i => Assert.Equal(value, string.Equals(i.GetProperty(name).ToString(), "true", StringComparison.OrdinalIgnoreCase) ? "true" : i.GetProperty(name).ToString()));
    }

    [Fact]
    public async Task Statistics_totals_equal_the_lists_counts()
    {
        foreach (var session in new[] { "5-1", "5-2", "5-3", "5-4" })
        {
            await using var scope = fixture.Site.Services.CreateAsyncScope();
            var parts = session.Split('-');
            var stats = await scope.ServiceProvider.GetRequiredService<ProposalStatistics>().ForSessionAsync(int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(await TotalAsync($"session={session}"), stats.Total);
            Assert.Equal(stats.Total, stats.ByStatus.Sum(c => c.Count));
            foreach (var bar in stats.ByStatus)
            {
                Assert.Equal(await TotalAsync($"session={session}&status={Uri.EscapeDataString(bar.Label)}"), bar.Count);
            }

            foreach (var bar in stats.ByCategory)
            {
                Assert.Equal(await TotalAsync($"session={session}&category={Uri.EscapeDataString(bar.Label)}"), bar.Count);
            }

            foreach (var bar in stats.ByUnit)
            {
                Assert.Equal(await TotalAsync($"session={session}&unit={Uri.EscapeDataString(bar.Label)}"), bar.Count);
            }

            Assert.Equal(await TotalAsync($"session={session}&key=true"), stats.KeyProposals.Count);
        }
    }

    [Fact]
    public async Task The_proposal_page_shows_the_dated_timeline_the_reply_and_links_to_the_proposers()
    {
        var html = await client.GetStringAsync("/proposals/tianranqi-shoufei-guifan");

        Assert.Contains("第五届第二次会议第0027号", html, StringComparison.Ordinal);
        Assert.Contains("class=\"pp-timeline\"", html, StringComparison.Ordinal);
        var order = new[] { "2024-01-", ">立案<", ">交办<", ">评价<", "评价：不满意", ">再办理<", "评价：基本满意", ">办结<" }
            .Select(s => html.IndexOf(s, StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, order);
        Assert.Equal(order.Order(), order);
        Assert.Contains("类（列入计划拟解决）", html, StringComparison.Ordinal);

        var bridge = await client.GetStringAsync("/proposals/chengjiao-daqiao-hulan-weixiu");
        Assert.Contains("<a href=\"/members/shili-weiyuan-an-ming\">示例委员 安明</a>（领衔）", bridge, StringComparison.Ordinal);
        Assert.Contains("A 类（已解决或采纳）", bridge, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_detail_carries_the_number_status_and_timeline()
    {
        var list = await JsonAsync("/api/proposals?status=" + Uri.EscapeDataString("已办结") + "&session=5-2");
        var first = list.GetProperty("items")[0];
        var detail = await JsonAsync("/api/proposals/" + first.GetProperty("id").GetString());

        Assert.Equal(first.GetProperty("number").GetString(), detail.GetProperty("number").GetString());
        Assert.Equal("已办结", detail.GetProperty("status").GetString());
        var timeline = detail.GetProperty("timeline").EnumerateArray().ToList();
        Assert.Equal("待审查", timeline[0].GetProperty("status").GetString());
        Assert.Equal("办结", timeline[^1].GetProperty("status").GetString());
        Assert.Matches("^\\d{4}-\\d{2}-\\d{2}$", timeline[^1].GetProperty("date").GetString()!);
        Assert.StartsWith("/proposals/", detail.GetProperty("url").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/proposals?status=foo", "status")]
    [InlineData("/api/proposals?term=x", "term")]
    [InlineData("/api/proposals?pageSize=1000", "pageSize")]
    [InlineData("/api/proposals?colour=red", "colour")]
    [InlineData("/api/proposals?session=abc", "session")]
    public async Task Bad_filters_get_a_chinese_problem_not_a_500(string url, string parameter)
    {
        var response = await client.GetAsync(url);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("请求参数有误", problem.GetProperty("title").GetString());
        Assert.Equal(parameter, problem.GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task Bad_filters_on_the_page_get_a_chinese_message()
    {
        var response = await client.GetAsync("/proposals?status=foo");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("未知的状态“foo”", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_feed_lists_recent_events_of_public_proposals()
    {
        var response = await client.GetAsync("/proposals/feed.xml");
        var xml = System.Xml.Linq.XDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal("application/rss+xml", response.Content.Headers.ContentType?.MediaType);
        var items = xml.Descendants("item").ToList();
        Assert.NotEmpty(items);
        Assert.Contains(items, i => i.Element("title")!.Value.Contains("关于拓展社情民意信息", StringComparison.Ordinal));
    }

    private async Task<int> TotalAsync(string query) => (await JsonAsync("/api/proposals?" + query)).GetProperty("total").GetInt32();

    private async Task<JsonElement> JsonAsync(string url) => JsonDocument.Parse(await client.GetStringAsync(url)).RootElement;

    private async Task<string> IdOfRefusedAsync()
    {
        await using var scope = fixture.Site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PublicitySite.Storage.AppDbContext>();
        return db.ContentItems.Single(i => i.Path == "proposals/" + RefusedSlug).Id;
    }
}
