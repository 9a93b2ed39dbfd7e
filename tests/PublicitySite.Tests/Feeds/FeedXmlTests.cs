using System.Xml.Linq;
using PublicitySite.Web.Feeds;

namespace PublicitySite.Tests.Feeds;

/// <summary>The feeds' XML: well formed whatever the titles hold, and laid out as a person would read it.</summary>
public sealed class FeedXmlTests
{
    [Fact]
    public void Markup_quotes_and_characters_xml_cannot_carry_come_out_well_formed()
    {
        var xml = new FeedXml();
        xml.WriteStartElement("rss");
        xml.WriteAttributeString("note", "\"引号\" <和> & 换行\n");
        xml.WriteElementString("title", "<b>委员</b> & \"提案\"\u0001\u0008 结束\uD800😀");
        xml.WriteEndElement();

        var root = XDocument.Parse(xml.ToString()).Root!;
        Assert.Equal("\"引号\" <和> & 换行\n", root.Attribute("note")!.Value);
        Assert.Equal("<b>委员</b> & \"提案\" 结束😀", root.Element("title")!.Value);
    }

    [Fact]
    public void Elements_are_indented_text_stays_on_its_line_and_a_namespace_is_declared()
    {
        var xml = new FeedXml();
        xml.WriteStartElement("urlset", "http://www.sitemaps.org/schemas/sitemap/0.9");
        xml.WriteStartElement("url");
        xml.WriteElementString("loc", "https://example.gov.cn/");
        xml.WriteEndElement();
        xml.WriteStartElement("empty");
        xml.WriteEndElement();
        xml.WriteEndElement();

        Assert.Equal(
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n  <url>\n    <loc>https://example.gov.cn/</loc>\n  </url>\n  <empty />\n</urlset>",
            xml.ToString());
        Assert.Equal("https://example.gov.cn/", XDocument.Parse(xml.ToString()).Descendants(XName.Get("loc", "http://www.sitemaps.org/schemas/sitemap/0.9")).Single().Value);
    }
}
