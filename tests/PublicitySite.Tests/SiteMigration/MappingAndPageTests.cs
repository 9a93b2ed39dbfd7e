using System.Text;
using PublicitySite.SiteMigration;

namespace PublicitySite.Tests.SiteMigration;

/// <summary>The pieces of the importer that need no server: the mapping file, robots.txt, encodings, article reading.</summary>
public sealed class MappingAndPageTests
{
    private const string Minimal = """
        { "baseUrl": "http://old.example.gov.cn", "start": ["/zxyw/index.html"],
          "items": [{ "match": "^/zxyw/.+\\.html$", "type": "News", "column": "政协要闻" }],
          "selectors": { "title": "h1", "body": ".TRS_Editor", "date": ".time", "source": ".source" } }
        """;

    [Theory]
    [InlineData("{", "(文件)")]
    [InlineData("""{ "start": ["/a"], "items": [], "selectors": {} }""", "baseUrl")]
    [InlineData("""{ "baseUrl": "ftp://x", "start": ["/a"] }""", "baseUrl")]
    [InlineData("""{ "baseUrl": "http://x", "start": ["a.html"] }""", "start[0]")]
    [InlineData("""{ "baseUrl": "http://x", "start": ["/a"], "follow": ["(unclosed"] }""", "follow[0]")]
    [InlineData("""{ "baseUrl": "http://x", "start": ["/a"], "items": [{ "match": "x" }] }""", "items[0].type")]
    [InlineData("""{ "baseUrl": "http://x", "start": ["/a"], "items": [{ "match": "x", "type": "News", "colum": "y" }] }""", "items[0].colum")]
    [InlineData("""{ "baseUrl": "http://x", "start": ["/a"], "items": [{ "match": "x", "type": "News" }], "selectors": { "body": "div" } }""", "selectors.title")]
    [InlineData("""{ "baseUrl": "http://x", "start": ["/a"], "items": [{ "match": "x", "type": "News" }], "selectors": { "title": "h1", "body": "div" }, "requestsPerSecond": -1 }""", "requestsPerSecond")]
    public void Parse_names_the_key_WhenTheMappingIsMalformed(string json, string key)
    {
        var error = Assert.Throws<MappingException>(() => MigrationMapping.Parse(json));
        Assert.Equal(key, error.Key);
        Assert.Contains($"“{key}”", error.Message);
    }

    [Fact]
    public void Only_addresses_under_the_base_are_local_and_rules_classify_paths()
    {
        var mapping = MigrationMapping.Parse(Minimal);
        Assert.Equal("/zxyw/1.html?x=1", mapping.LocalPath(new Uri("http://old.example.gov.cn/zxyw/1.html?x=1")));
        Assert.Null(mapping.LocalPath(new Uri("http://www.example.gov.cn/zxyw/1.html")));
        Assert.Null(mapping.LocalPath(new Uri("https://old.example.gov.cn/zxyw/1.html")));
        Assert.NotNull(mapping.ArticleRule("/zxyw/202401/t1_2.html"));
        Assert.True(mapping.IsList("/zxyw/index.html"));
        Assert.Equal(2, mapping.RequestsPerSecond);
        Assert.True(mapping.RespectRobotsTxt);
    }

    [Fact]
    public void Robots_rules_of_the_importers_group_or_the_star_group_apply_with_the_longest_match_winning()
    {
        var robots = RobotsRules.Parse("User-agent: Googlebot\nDisallow: /\n\nUser-agent: *\nDisallow: /private/\nAllow: /private/open/\n", PoliteFetcher.AgentToken);
        Assert.True(robots.Allows("/zxyw/index.html"));
        Assert.False(robots.Allows("/private/a.html"));
        Assert.True(robots.Allows("/private/open/a.html"));
        var mine = RobotsRules.Parse("User-agent: *\nDisallow:\n\nUser-agent: PublicitySite-Migrate\nDisallow: /zxyw/\n", PoliteFetcher.AgentToken);
        Assert.False(mine.Allows("/zxyw/index.html"));
    }

    [Fact]
    public void Pages_in_gbk_are_read_by_their_meta_charset_or_by_guessing_and_utf8_pages_stay_utf8()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var gbk = Encoding.GetEncoding("GB18030");
        var declared = gbk.GetBytes("<html><head><meta charset=\"gb2312\"></head><body>政协要闻</body></html>");
        Assert.Contains("政协要闻", PageDecoder.Decode(declared, null));
        var undeclared = gbk.GetBytes("<html><body>关于召开常委会议的通知</body></html>");
        Assert.Contains("关于召开常委会议的通知", PageDecoder.Decode(undeclared, null));
        Assert.Contains("委员", PageDecoder.Decode(gbk.GetBytes("委员"), "GBK"));
        Assert.Equal("委员风采", PageDecoder.Decode(Encoding.UTF8.GetBytes("委员风采"), null));
    }

    [Theory]
    [InlineData("发布时间：2024-03-12 09:30", "yyyy-MM-dd HH:mm", 2024, 3, 12, 9, 30)]
    [InlineData("日期：2023年7月1日 来源：本站", "yyyy年M月d日", 2023, 7, 1, 0, 0)]
    [InlineData("[2022-11-05]", "yyyy-MM-dd", 2022, 11, 5, 0, 0)]
    public void Dates_are_found_in_their_text_and_read_as_beijing_time(string text, string format, int y, int m, int d, int h, int min)
    {
        var date = ArticleExtractor.ParseDate(text, [format]);
        Assert.Equal(new DateTimeOffset(y, m, d, h, min, 0, TimeSpan.FromHours(8)), date);
    }

    [Fact]
    public void An_article_loses_scripts_and_layout_tables_keeps_real_tables_and_lists_its_files_and_links()
    {
        var mapping = MigrationMapping.Parse(Minimal);
        var html = """
            <h1> 市政协召开 常委会议 </h1><span class="time">2024-03-12</span><span class="source">来源：市政协办公室</span>
            <div class="TRS_Editor"><table width="100%"><tr><td><p>正文</p><script>x()</script>
            <img src="./W1.jpg"><img src="http://cdn.elsewhere.com/a.jpg">
            <table border="1"><tr><td>甲</td><td>乙</td></tr></table>
            <a href="/files/a.pdf">附件</a> <a href="../202402/t2_3.html">上一篇</a> <a href="https://www.gov.cn/">中国政府网</a></td></tr></table></div>
            """;
        var (article, problem) = ArticleExtractor.Read(html, new Uri("http://old.example.gov.cn/zxyw/202403/t1_2.html"), mapping);

        Assert.Null(problem);
        Assert.Equal("市政协召开 常委会议", article!.Title);
        Assert.Equal("市政协办公室", article.Source);
        var body = article.Rewrite(_ => "/media/abc", _ => null);
        Assert.DoesNotContain("<script", body);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(body, "<table"));
        Assert.Equal([new Uri("http://old.example.gov.cn/zxyw/202403/W1.jpg")], article.Images);
        Assert.DoesNotContain("cdn.elsewhere.com", body);
        Assert.Equal([new Uri("http://old.example.gov.cn/files/a.pdf")], article.Attachments);
        Assert.Equal([new Uri("http://old.example.gov.cn/zxyw/202402/t2_3.html")], article.Links);
        Assert.Contains("https://www.gov.cn/", body);
    }

    [Fact]
    public void A_page_without_a_title_or_with_an_unreadable_date_is_refused_with_the_reason()
    {
        var mapping = MigrationMapping.Parse(Minimal);
        var page = new Uri("http://old.example.gov.cn/zxyw/1.html");
        Assert.Contains("没有标题", ArticleExtractor.Read("<div class=\"TRS_Editor\">x</div>", page, mapping).Problem);
        Assert.Contains("无法识别日期", ArticleExtractor.Read("<h1>t</h1><span class=\"time\">不详</span><div class=\"TRS_Editor\">x</div>", page, mapping).Problem);
    }
}
