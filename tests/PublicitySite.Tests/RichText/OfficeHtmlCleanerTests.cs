using PublicitySite.RichText;

namespace PublicitySite.Tests.RichText;

/// <summary>What survives a paste from Word, WPS and a web page once the save path has cleaned it.</summary>
public sealed class OfficeHtmlCleanerTests
{
    [Fact]
    public void A_Word_2016_paste_keeps_headings_bold_lists_tables_alignment_and_links_and_loses_Office_markup()
    {
        var html = RichHtml.Clean(OfficePasteCorpus.Word);

        Assert.Contains("<h2 class=\"align-center\">关于加强社区养老服务的调研报告</h2>", html);
        Assert.Contains("<h2>一、基本情况</h2>", html);
        Assert.Contains("<p class=\"indent\">今年以来", html);
        Assert.Contains("<strong>社区养老服务</strong>", html);
        Assert.Contains("<strong>12</strong>", html);
        Assert.Contains("<em>百分之七十</em>", html);
        Assert.Contains("<u>请各单位认真落实</u>", html);
        Assert.Matches("<ol><li>全市共有养老机构86家；</li><li>社区日间照料中心覆盖率达到<em>百分之七十</em>。<ol><li>其中城区覆盖率更高。</li></ol></li></ol>", html);
        Assert.Contains("rowspan=\"2\"", html);
        Assert.Contains("colspan=\"2\"", html);
        Assert.Contains("<td rowspan=\"2\" class=\"align-center\"><strong>区域</strong></td>", html);
        Assert.Contains("<td class=\"align-right\">23</td>", html);
        Assert.Contains("<p class=\"align-right\">表1", html);
        Assert.Contains("<a href=\"https://www.example.gov.cn/zxyw/2024/report.html\">市政协网站</a>", html);

        foreach (var gone in new[] { "mso-", "<o:p", "o:p>", "<span", "font-family", "color", "Mso", "<!--", "[if", "endif", "file:", "v:shape", "_Toc", "style=", "width=", "lang=", "@font-face", "1.\u00a0", "（1）", "&nbsp;" })
        {
            Assert.DoesNotContain(gone, html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_WPS_paste_keeps_the_centred_bold_title_bullets_merged_cells_and_drops_fonts_and_colours()
    {
        var html = RichHtml.Clean(OfficePasteCorpus.Wps);

        Assert.Contains("<p class=\"align-center\"><strong>政协委员履职情况通报</strong></p>", html);
        Assert.Contains("<p class=\"indent\">根据《委员履职管理办法》，现将<strong>第一季度</strong>履职情况通报如下。</p>", html);
        Assert.Contains("<ul><li>参加全体会议</li><li>提交提案和社情民意信息</li></ul>", html);
        Assert.Contains("<td colspan=\"2\">经济界：18</td>", html);
        Assert.Contains("<p class=\"align-right\">市政协办公室</p>", html);
        foreach (var gone in new[] { "<font", "rgb(", "仿宋", "●", "mso-", "<o:p", "data:image" })
        {
            Assert.DoesNotContain(gone, html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_WPS_paste_keeps_its_data_URI_picture_for_the_uploader_until_the_allow_list()
    {
        var cleaned = OfficeHtmlCleaner.Clean(OfficePasteCorpus.Wps);

        Assert.Contains("src=\"data:image/png;base64,", cleaned);
        Assert.Contains("alt=\"会议现场\"", cleaned);
    }

    [Fact]
    public void A_web_page_copy_keeps_structure_and_drops_scripts_widgets_hotlinked_images_and_handlers()
    {
        var html = RichHtml.Clean(OfficePasteCorpus.WebPage);

        Assert.Contains("<h3>市政协召开专题协商会</h3>", html);
        Assert.Contains("<p class=\"indent\">11月20日，市政协召开“<strong>推进城市更新</strong>”专题协商会。<strong>市委常委</strong>出席会议并讲话。</p>", html);
        Assert.Contains("<ul><li>听取市住建局情况通报；</li><li>委员代表发言。</li></ul>", html);
        Assert.Contains("<blockquote>城市更新要坚持以人民为中心。</blockquote>", html);
        Assert.Contains("<a href=\"https://www.example.gov.cn/a/1.html\">点击查看</a>", html);
        foreach (var gone in new[] { "<script", "trackPageView", "<iframe", "<button", "onerror", "onclick", "javascript:", "target=", "photo.jpg", "style=" })
        {
            Assert.DoesNotContain(gone, html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_known_XSS_vector_comes_out_inert_and_the_words_around_it_stay()
    {
        foreach (var vector in OfficePasteCorpus.XssVectors)
        {
            var html = RichHtml.Clean("<p>前文</p>" + vector + "<p>后文</p>");
            OfficePasteCorpus.AssertInert(html);
            Assert.Contains("前文", html);
        }
    }

    [Fact]
    public void Only_the_editors_classes_and_footnote_ids_survive()
    {
        var html = RichHtml.Clean("<p id=\"main\" class=\"align-center evil\">一</p><sup><a href=\"#fn1\" id=\"fnref1\">1</a></sup><ol><li id=\"fn1\">注释</li></ol>");

        Assert.Contains("<p class=\"align-center\">一</p>", html);
        Assert.DoesNotContain("main", html);
        Assert.DoesNotContain("evil", html);
        Assert.Contains("id=\"fnref1\"", html);
        Assert.Contains("<li id=\"fn1\">", html);
    }

    [Fact]
    public void Figures_keep_library_pictures_with_alt_caption_and_width_and_lose_any_other_picture()
    {
        var html = RichHtml.Clean("<figure class=\"image size-medium\"><img src=\"/media/abcdefabcdef\" alt=\"会场\"><figcaption>全体会议</figcaption></figure><p><img src=\"https://elsewhere.example/x.jpg\" alt=\"外链\"></p>");

        Assert.Contains("<figure class=\"image size-medium\"><img src=\"/media/abcdefabcdef\" alt=\"会场\"><figcaption>全体会议</figcaption></figure>", html);
        Assert.DoesNotContain("elsewhere", html);
    }

    [Fact]
    public void Plain_text_of_a_body_separates_blocks_and_cells_and_drops_markup()
    {
        var lines = HtmlText.ToLines("<h2>标题</h2><p>第一段<strong>加粗</strong></p><table><tr><td>甲</td><td>乙</td></tr></table><figure class=\"image\"><img src=\"/media/abcdefabcdef\" alt=\"图\"><figcaption>说明</figcaption></figure>");

        Assert.Equal("标题\n第一段加粗\n甲 乙\n说明", lines);
        Assert.Equal("标题 第一段加粗 甲 乙 说明", HtmlText.ToPlain("<h2>标题</h2><p>第一段<strong>加粗</strong></p><table><tr><td>甲</td><td>乙</td></tr></table><figure class=\"image\"><img src=\"/media/abcdefabcdef\" alt=\"图\"><figcaption>说明</figcaption></figure>"));
    }
}
