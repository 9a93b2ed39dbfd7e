using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using A = DocumentFormat.OpenXml.Drawing;
using Pic = DocumentFormat.OpenXml.Drawing.Pictures;
using Wp = DocumentFormat.OpenXml.Drawing.Wordprocessing;

namespace PublicitySite.Tests.RichText;

/// <summary>
/// Word documents written as a Chinese Word writes them (styles named “标题 1”, levels in the styles, numbering
/// definitions, merged cells, pictures with 可选文字, footnotes), for the 导入Word tests. Shared with the browser tests.
/// </summary>
public static class WordFixture
{
    /// <summary>A report of <paramref name="sections"/> sections, each with a heading, text, a list, a table and a picture.</summary>
    public static byte[] Report(string title, int sections = 1)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = new Styles(Heading("1", "标题 1", 0), Heading("2", "标题 2", 1));
            main.AddNewPart<NumberingDefinitionsPart>().Numbering = Numbering();
            var notes = main.AddNewPart<FootnotesPart>();
            notes.Footnotes = new Footnotes(
                new Footnote(new Paragraph(new Run(new SeparatorMark()))) { Type = FootnoteEndnoteValues.Separator, Id = -1 },
                new Footnote(new Paragraph(new Run(new Text("数据来源：市统计局 2025 年统计公报。")))) { Id = 1 });
            var link = main.AddHyperlinkRelationship(new Uri("https://www.example.gov.cn/report"), isExternal: true);

            var body = new Body(Styled(title, "1"));
            for (var s = 1; s <= sections; s++)
            {
                body.Append(
                    Styled($"第{s}部分　调研情况", "2"),
                    new Paragraph(
                        new ParagraphProperties(new Indentation { FirstLineChars = 200, FirstLine = "420" }, new Justification { Val = JustificationValues.Both }),
                        Text("全市共有社区养老服务站 "),
                        Text("326 个", bold: true),
                        Text("，覆盖率达到"),
                        Text("百分之八十五", italic: true),
                        s == 1 ? new Run(new FootnoteReference { Id = 1 }) : Text(""),
                        Text("。详见"),
                        new Hyperlink(Text("调研报告全文")) { Id = link.Id },
                        Text("。")),
                    new Paragraph(new ParagraphProperties(new Justification { Val = JustificationValues.Center }), Text("表一　各区服务站数量", underline: true)),
                    Listed("加强设施建设", 1, 0),
                    Listed("新建站点优先老旧小区", 2, 1),
                    Listed("完善运营补贴", 1, 0),
                    Table(),
                    Picture(main, s, $"第{s}部分调研现场照片"),
                    new Paragraph(Text("以上情况供参阅。")));
                if (s < sections)
                {
                    body.Append(new Paragraph(new Run(new Break { Type = BreakValues.Page })));
                }
            }

            main.Document = new Document(body);
        }

        return stream.ToArray();
    }

    private static Style Heading(string id, string name, int level) =>
        new(new StyleName { Val = name }, new StyleParagraphProperties(new OutlineLevel { Val = level })) { Type = StyleValues.Paragraph, StyleId = id };

    private static Paragraph Styled(string text, string style) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = style }), Text(text));

    private static Run Text(string text, bool bold = false, bool italic = false, bool underline = false)
    {
        var properties = new RunProperties();
        if (bold)
        {
            properties.Append(new Bold());
        }

        if (italic)
        {
            properties.Append(new Italic());
        }

        if (underline)
        {
            properties.Append(new Underline { Val = UnderlineValues.Single });
        }

        return new Run(properties, new Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }

    /// <summary>numId 1 is numbered at level 0 and bulleted at level 1, as Word's multilevel lists are.</summary>
    private static Numbering Numbering() => new(
        new AbstractNum(
            new Level(new NumberingFormat { Val = NumberFormatValues.Decimal }, new LevelText { Val = "%1." }) { LevelIndex = 0 },
            new Level(new NumberingFormat { Val = NumberFormatValues.Bullet }, new LevelText { Val = "•" }) { LevelIndex = 1 })
        { AbstractNumberId = 1 },
        new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = 1 },
        new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = 2 });

    private static Paragraph Listed(string text, int numId, int level) =>
        new(new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = level }, new NumberingId { Val = numId })), Text(text));

    /// <summary>A header row, then 城区 spanning two rows and a 合计 row whose first cell spans two columns.</summary>
    private static Table Table() => new(
        new TableRow(new TableRowProperties(new TableHeader()), Cell("区域"), Cell("街道"), Cell("站点数")),
        new TableRow(Cell("城区", merge: MergedCellValues.Restart), Cell("东城街道"), Cell("120")),
        new TableRow(Cell("", merge: MergedCellValues.Continue), Cell("西城街道"), Cell("98")),
        new TableRow(Cell("合计", span: 2), Cell("218")));

    private static TableCell Cell(string text, int span = 1, MergedCellValues? merge = null)
    {
        var properties = new TableCellProperties();
        if (span > 1)
        {
            properties.Append(new GridSpan { Val = span });
        }

        if (merge is { } m)
        {
            properties.Append(new VerticalMerge { Val = m });
        }

        return new TableCell(properties, new Paragraph(Text(text)));
    }

    private static Paragraph Picture(MainDocumentPart main, int n, string alt)
    {
        var part = main.AddImagePart(ImagePartType.Png);
        using (var image = new Image<Rgb24>(640, 400, new Rgb24((byte)(20 * n % 255), 90, 160)))
        using (var bytes = new MemoryStream())
        {
            image.SaveAsPng(bytes);
            bytes.Position = 0;
            part.FeedData(bytes);
        }

        var id = main.GetIdOfPart(part);
        const long Cx = 5_486_400, Cy = 3_429_000;
        var graphic = new A.Graphic(new A.GraphicData(
            new Pic.Picture(
                new Pic.NonVisualPictureProperties(new Pic.NonVisualDrawingProperties { Id = 0U, Name = "picture" + n }, new Pic.NonVisualPictureDrawingProperties()),
                new Pic.BlipFill(new A.Blip { Embed = id }, new A.Stretch(new A.FillRectangle())),
                new Pic.ShapeProperties(new A.Transform2D(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = Cx, Cy = Cy }), new A.PresetGeometry { Preset = A.ShapeTypeValues.Rectangle })))
        { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" });
        var inline = new Wp.Inline(new Wp.Extent { Cx = Cx, Cy = Cy }, new Wp.DocProperties { Id = (uint)n, Name = "图片 " + n, Description = alt }, graphic);
        return new Paragraph(new ParagraphProperties(new Justification { Val = JustificationValues.Center }), new Run(new Drawing(inline)));
    }
}
