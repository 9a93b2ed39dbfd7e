using PublicitySite.Markdown;
using PublicitySite.RichText;

namespace PublicitySite.Tests.Markdown;

/// <summary>Markdown to HTML is always sanitised; plain text and excerpts carry no markup.</summary>
public sealed class MarkdownRendererTests
{
    private readonly MarkdownRenderer renderer = new();

    [Fact]
    public void Tables_headings_and_emphasis_are_rendered()
    {
        var html = renderer.ToHtml("## 会议议程\n\n**重要**\n\n| 时间 | 内容 |\n|---|---|\n| 上午 | 开幕 |\n");
        Assert.Contains("<h2 id=", html, StringComparison.Ordinal);
        Assert.Contains("<strong>重要</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<td>开幕</td>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>正文", "<script")]
    [InlineData("[点我](javascript:alert(1))", "javascript:")]
    [InlineData("<img src=x onerror=alert(1)>", "onerror")]
    [InlineData("<iframe src=\"https://example.com\"></iframe>", "<iframe")]
    [InlineData("<form action=\"/x\"><input name=a></form>", "<input")]
    [InlineData("<p style=\"x\"><style>body{}</style>文字</p>", "<style")]
    [InlineData("<p style=\"background:url(javascript:alert(1))\">文字</p>", "style=")]
    public void Raw_html_that_could_run_or_post_is_removed(string markdown, string forbidden)
    {
        Assert.DoesNotContain(forbidden, renderer.ToHtml(markdown), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_sanitiser_that_keeps_styles_is_refused_without_the_css_engine()
    {
        var keeping = new Ganss.Xss.HtmlSanitizer();
        Assert.Throws<InvalidOperationException>(() => keeping.WithoutCss());
    }

    [Fact]
    public void Safe_links_keep_their_address()
    {
        Assert.Contains("href=\"https://www.cppcc.gov.cn/\"", renderer.ToHtml("[全国政协](https://www.cppcc.gov.cn/)"), StringComparison.Ordinal);
        Assert.Contains("href=\"mailto:office@example.gov.cn\"", renderer.ToHtml("<mailto:office@example.gov.cn>"), StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_text_and_excerpts_carry_no_markup_and_are_cut_with_an_ellipsis()
    {
        const string text = "# 标题\n\n政协**委员**视察  <b>老旧</b>小区。\n\n第二段。";
        var plain = renderer.ToPlainText(text);
        Assert.DoesNotContain("<", plain, StringComparison.Ordinal);
        Assert.DoesNotContain("*", plain, StringComparison.Ordinal);
        Assert.DoesNotContain("  ", plain, StringComparison.Ordinal);
        Assert.Contains("政协委员视察", plain, StringComparison.Ordinal);

        Assert.Equal(plain[..5] + "…", renderer.Excerpt(text, 5));
        Assert.Equal(plain, renderer.Excerpt(text, 1000));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \n ")]
    public void Empty_input_gives_empty_output(string? markdown)
    {
        Assert.Equal("", renderer.ToHtml(markdown));
        Assert.Equal("", renderer.ToPlainText(markdown));
        Assert.Equal("", renderer.Excerpt(markdown, 10));
    }
}
