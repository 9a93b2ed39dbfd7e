using System.Text;
using AngleSharp.Html.Parser;
using PublicitySite.RichText;

namespace PublicitySite.Tests.RichText;

public sealed class DocxHtmlReaderTests
{
    [Fact]
    public void A_report_keeps_its_title_headings_emphasis_lists_merged_cells_pictures_links_and_footnotes()
    {
        var read = DocxHtmlReader.Read(new MemoryStream(WordFixture.Report("关于社区养老服务的调研报告")));
        Assert.Equal("关于社区养老服务的调研报告", read.Title);

        // What the save path keeps of it, read as a browser would.
        var html = RichHtml.Clean(read.Html.Replace(read.Pictures[0].Placeholder, "/media/abcdefghijkl", StringComparison.Ordinal));
        var doc = new HtmlParser().ParseDocument("<body>" + html + "</body>");
        Assert.Equal("第1部分　调研情况", doc.QuerySelector("h2")!.TextContent);
        Assert.DoesNotContain("关于社区养老服务的调研报告", html); // the title is the page's h1, not repeated in the text
        Assert.Equal("326 个", doc.QuerySelector("p.indent.align-justify strong")!.TextContent);
        Assert.Equal("百分之八十五", doc.QuerySelector("p em")!.TextContent);
        Assert.Equal("表一　各区服务站数量", doc.QuerySelector("p.align-center u")!.TextContent);
        Assert.Equal("https://www.example.gov.cn/report", doc.QuerySelector("a[href^='https']")!.GetAttribute("href"));

        Assert.Equal(["加强设施建设", "完善运营补贴"], doc.QuerySelectorAll("ol")[0].Children.Select(li => li.ChildNodes[0].TextContent));
        Assert.Equal("新建站点优先老旧小区", doc.QuerySelector("ol > li > ul > li")!.TextContent);

        Assert.Equal(3, doc.QuerySelectorAll("thead th").Length);
        Assert.Equal("2", doc.QuerySelector("td[rowspan]")!.GetAttribute("rowspan"));
        Assert.Equal("城区", doc.QuerySelector("td[rowspan]")!.TextContent);
        Assert.Equal("2", doc.QuerySelector("td[colspan]")!.GetAttribute("colspan"));
        Assert.Equal(3, doc.QuerySelectorAll("tbody tr").Length);
        Assert.Equal(2, doc.QuerySelectorAll("tbody tr")[1].QuerySelectorAll("td").Length); // the merged cell is not repeated
        Assert.Equal(1, read.Tables);

        var picture = Assert.Single(read.Pictures);
        Assert.Equal("第1部分调研现场照片", picture.Alt);
        Assert.True(picture.Bytes.Length > 100 && picture.FileName.EndsWith(".png", StringComparison.Ordinal));
        Assert.Equal("第1部分调研现场照片", doc.QuerySelector("figure img[src='/media/abcdefghijkl']")!.GetAttribute("alt"));

        Assert.Equal(1, read.Footnotes);
        Assert.Equal("#fn1", doc.QuerySelector("sup a#fnref1")!.GetAttribute("href"));
        Assert.Contains("数据来源：市统计局", doc.QuerySelector("li#fn1")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_twenty_page_document_with_tables_and_pictures_is_read_whole()
    {
        var read = DocxHtmlReader.Read(new MemoryStream(WordFixture.Report("二十页的年度报告", sections: 20)));
        Assert.Equal(20, read.Pictures.Count);
        Assert.Equal(20, read.Tables);
        Assert.Equal(Enumerable.Range(1, 20).Select(n => $"docx-picture:{n}"), read.Pictures.Select(p => p.Placeholder));
        var doc = new HtmlParser().ParseDocument(read.Html);
        Assert.Equal(21, doc.QuerySelectorAll("h2").Length); // each section's, and 注释 over the footnotes
        Assert.Equal("以上情况供参阅。", doc.QuerySelectorAll("p")[^1].TextContent);
    }

    [Theory]
    [InlineData("")]
    [InlineData("这不是 Word 文档")]
    [InlineData("PK\u0003\u0004broken")]
    public void Something_that_is_not_a_Word_document_is_refused_with_a_Chinese_reason(string content)
    {
        var refused = Assert.ThrowsAny<FormatException>(() => DocxHtmlReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(content))));
        Assert.Equal("文件不是有效的 Word 文档（.docx）", refused.Message);
    }
}
