using System.Net;
using System.Text.RegularExpressions;
using PublicitySite.Tests.Infrastructure;

namespace PublicitySite.Tests.Site;

/// <summary>Every public page type over real HTTP, on the seeded site.</summary>
public sealed partial class PageTests(SeededSiteFixture seeded) : IClassFixture<SeededSiteFixture>
{
    private readonly HttpClient client = seeded.Client;

    [Fact]
    public async Task Home_page_shows_the_headline_the_blocks_and_links_to_every_column()
    {
        var html = await GetOkAsync("/");

        Assert.Contains("<html lang=\"zh-CN\"", html);
        Assert.Contains("class=\"headline\"", html);
        Assert.Contains("市政协召开常委会议专题协商民宿产业发展", html);
        foreach (var column in new[] { "/column/yaowen", "/column/dongtai", "/column/tonggao", "/column/jianghua", "/members", "/proposals", "/literature" })
        {
            Assert.Contains($"href=\"{column}\"", html);
        }

        Assert.Contains("委员风采", html);
        Assert.Contains("class=\"member-strip\"", html);
        Assert.Contains("第二辑", html);
        Assert.Contains("action=\"/search\"", html);
    }

    [Fact]
    public async Task Column_page_lists_its_items_newest_first_with_breadcrumbs()
    {
        var html = await GetOkAsync("/column/dongtai");

        Assert.Contains("当前位置", html);
        Assert.Contains("<meta name=\"ColumnName\" content=\"工作动态\">", html);
        var dates = DateAttribute().Matches(html[html.IndexOf("list-wide", StringComparison.Ordinal)..]).Select(m => m.Groups[1].Value).ToList();
        Assert.True(dates.Count >= 10, $"only {dates.Count} dates");
        Assert.Equal(dates.OrderByDescending(d => d, StringComparer.Ordinal), dates);
    }

    [Fact]
    public async Task Article_page_shows_meta_tags_tools_and_neighbours()
    {
        var html = await GetOkAsync("/news/2025/shi-zhengxie-wujie-sanci-huiyi-kaimu");

        Assert.Contains("<h1>市政协五届三次会议开幕", html);
        Assert.Contains("发布时间：", html);
        Assert.Contains("来源：市政协办公室", html);
        Assert.Contains("编辑：市政协办公室", html);
        Assert.Contains("<meta name=\"ArticleTitle\" content=\"市政协五届三次会议开幕\">", html);
        Assert.Contains("<meta name=\"PubDate\" content=\"2025-01-10 12:00\">", html);
        Assert.Contains("<meta name=\"ContentSource\" content=\"市政协办公室\">", html);
        Assert.Contains("<meta name=\"SiteIDCode\" content=\"0000000000\">", html);
        Assert.Contains("<link rel=\"canonical\" href=\"http://localhost/news/2025/shi-zhengxie-wujie-sanci-huiyi-kaimu\">", html);
        Assert.Contains("<meta property=\"og:type\" content=\"article\">", html);
        Assert.Contains("href=\"?size=l\"", html);
        Assert.Contains("打印本页", html);
        Assert.Contains("/share/qr.png?path=%2Fnews%2F2025%2Fshi-zhengxie-wujie-sanci-huiyi-kaimu", html);
        Assert.Contains("上一篇：", html);
        Assert.Contains("下一篇：", html);
        Assert.Contains("相关阅读", html);
    }

    [Fact]
    public async Task Member_proposal_and_literature_items_render_through_the_theme()
    {
        Assert.Contains("示例委员 白雪", await GetOkAsync("/members/shili-weiyuan-bai-xue"));
        Assert.Contains("关于尽快维修原城郊大桥护栏的提案", await GetOkAsync("/proposals/chengjiao-daqiao-hulan-weixiu"));
        Assert.Contains("href=\"/literature\"", await GetOkAsync("/literature/zhengxie-lvzhi-jiyi"));
    }

    [Fact]
    public async Task Directory_pages_list_members_proposals_and_collections()
    {
        Assert.Contains("示例委员 白雪", await GetOkAsync("/members"));
        var proposals = await GetOkAsync("/proposals");
        Assert.Contains("第五届第二次会议第0012号", proposals);
        Assert.Contains("关于尽快维修原城郊大桥护栏的提案", proposals);
        Assert.Contains("第一辑", await GetOkAsync("/literature"));
    }

    [Fact]
    public async Task A_proposal_whose_proposer_refused_publication_appears_nowhere()
    {
        using var page = await client.GetAsync(new Uri("/proposals/yiqing-yixian-yihu-renyuan-guanai", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.DoesNotContain("yiqing-yixian-yihu-renyuan-guanai", await GetOkAsync("/proposals"));
        Assert.DoesNotContain("yiqing-yixian-yihu-renyuan-guanai", await GetOkAsync("/"));
        Assert.DoesNotContain("yiqing-yixian-yihu-renyuan-guanai", await GetOkAsync("/sitemap.xml"));
    }

    [Fact]
    public async Task Unknown_paths_get_the_Chinese_404_page()
    {
        using var response = await client.GetAsync(new Uri("/news/2099/no-such-article", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("页面不存在", html);
        Assert.Contains("<html lang=\"zh-CN\"", html);
    }

    [Theory]
    [InlineData("/column/yaowen?page=abc")]
    [InlineData("/column/yaowen?page=0")]
    [InlineData("/column/yaowen?page=-3")]
    public async Task A_bad_page_number_gets_a_Chinese_400_page(string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("页码有误", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_page_past_the_last_is_not_found()
    {
        using var response = await client.GetAsync(new Uri("/column/yaowen?page=50", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Footer_shows_the_registration_numbers_from_the_settings()
    {
        var html = await GetOkAsync("/column/tonggao");

        Assert.Contains("主办单位：政协示例市委员会办公室", html);
        Assert.Contains("示ICP备00000000号", html);
        Assert.Contains("示公网安备 00000000000000号", html);
        Assert.Contains("网站标识码：0000000000", html);
    }

    [Fact]
    public async Task Every_image_on_the_home_and_an_article_has_alt_text()
    {
        foreach (var url in new[] { "/", "/news/2025/shi-zhengxie-wujie-sanci-huiyi-kaimu", "/members" })
        {
            var html = await GetOkAsync(url);
            var images = ImageTag().Matches(html).Select(m => m.Value).ToList();
            Assert.NotEmpty(images);
            Assert.All(images, img => Assert.Contains("alt=", img));
        }
    }

    private async Task<string> GetOkAsync(string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [GeneratedRegex("<time datetime=\"(\\d{4}-\\d{2}-\\d{2})\"")]
    private static partial Regex DateAttribute();

    [GeneratedRegex("<img [^>]*>")]
    private static partial Regex ImageTag();
}
