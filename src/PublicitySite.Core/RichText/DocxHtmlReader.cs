using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using PublicitySite.Literature;

namespace PublicitySite.RichText;

/// <summary>A picture of the document, waiting to go into the media library; its figure names <see cref="Placeholder"/> as src.</summary>
public sealed record DocxPicture(string Placeholder, byte[] Bytes, string FileName, string? Alt);

/// <summary>A Word document read for the editor: the title, the body as HTML, and what it holds.</summary>
public sealed record DocxDocument(string? Title, string Html, IReadOnlyList<DocxPicture> Pictures, int Tables, int Footnotes);

/// <summary>
/// Reads a .docx into the editor's HTML (导入Word): headings by outline level (as the 文史 import reads them),
/// bold/italic/underline, super- and subscript, alignment and first-line indent, numbered and bulleted lists
/// (nested by level), tables with merged cells, links, pictures with the document's alt text, and footnotes
/// as numbered notes at the end. The save path cleans the result like any other HTML.
/// </summary>
public static partial class DocxHtmlReader
{
    /// <summary>Reads the document; a file that is not a Word document is a <see cref="FormatException"/> with a Chinese message.</summary>
    public static DocxDocument Read(Stream docx)
    {
        try
        {
            using var document = WordprocessingDocument.Open(docx, isEditable: false);
            var main = document.MainDocumentPart;
            var body = main?.Document?.Body ?? throw new FormatException("Word 文档没有正文");
            var reader = new Walk(main!);
            reader.Blocks(body.ChildElements);
            return reader.Finish();
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or IOException or ArgumentException or FileFormatException or System.Xml.XmlException)
        {
            // Not a zip, a zip that is not a Word package, or a package with broken parts: one answer for the user.
            throw new FormatException("文件不是有效的 Word 文档（.docx）", e);
        }
    }

    private sealed partial class Walk(MainDocumentPart main)
    {
        private readonly Styles? styles = main.StyleDefinitionsPart?.Styles;
        private readonly StringBuilder html = new();
        private readonly List<DocxPicture> pictures = [];
        private readonly Dictionary<long, int> footnoteNumbers = [];
        private readonly Stack<(string Tag, int Level)> lists = new();
        private string? title;
        private int tables;

        public void Blocks(IEnumerable<OpenXmlElement> elements)
        {
            foreach (var element in elements)
            {
                switch (element)
                {
                    case Paragraph p:
                        Paragraph(p);
                        break;
                    case Table t:
                        CloseLists(-1);
                        Table(t);
                        break;
                    case SdtBlock sdt when sdt.SdtContentBlock is { } content:
                        Blocks(content.ChildElements); // content controls (a template's boxes) hold ordinary paragraphs
                        break;
                }
            }
        }

        public DocxDocument Finish()
        {
            CloseLists(-1);
            Footnotes();
            return new DocxDocument(title, html.ToString(), pictures, tables, footnoteNumbers.Count);
        }

        private void Paragraph(Paragraph paragraph)
        {
            var (inline, figures) = Inline(paragraph);
            var text = string.Concat(paragraph.Descendants<Text>().Select(t => t.Text)).Trim();
            var level = DocxReader.OutlineLevel(paragraph, styles);
            if (text.Length == 0)
            {
                Figures(figures);
                return;
            }

            if (level == 0 && title is null && html.Length == 0)
            {
                title = text; // a 标题 1 before any text names the article, as in the 文史 import
                Figures(figures);
                return;
            }

            if (level is { } l)
            {
                CloseLists(-1);
                // The title is the page's h1: with it taken, 标题 2 is h2; without it, 标题 1 is.
                var h = Math.Clamp(title is null ? l + 2 : l + 1, 2, 4);
                html.Append("<h").Append(h).Append('>').Append(inline).Append("</h").Append(h).Append('>');
                Figures(figures);
                return;
            }

            if (ListOf(paragraph) is { } list)
            {
                ListItem(list.Tag, list.Level, inline);
                Figures(figures);
                return;
            }

            CloseLists(-1);
            html.Append("<p").Append(ClassOf(paragraph.ParagraphProperties)).Append('>').Append(inline).Append("</p>");
            Figures(figures);
        }

        private void Figures(List<string> figures)
        {
            if (figures.Count > 0)
            {
                CloseLists(-1);
                figures.ForEach(f => html.Append(f));
            }
        }

        private static string ClassOf(ParagraphProperties? properties)
        {
            var classes = new List<string>();
            var justification = properties?.Justification?.Val?.Value;
            if (justification == JustificationValues.Center)
            {
                classes.Add("align-center");
            }
            else if (justification == JustificationValues.Right || justification == JustificationValues.End)
            {
                classes.Add("align-right");
            }
            else if (justification == JustificationValues.Both || justification == JustificationValues.Distribute)
            {
                classes.Add("align-justify");
            }

            var indentation = properties?.Indentation;
            if (indentation is not null && (Positive(indentation.FirstLine?.Value) || (indentation.FirstLineChars?.Value ?? 0) > 0))
            {
                classes.Add("indent"); // the government-document 首行缩进 of two characters
            }

            return classes.Count == 0 ? "" : " class=\"" + string.Join(' ', classes) + "\"";
        }

        private static bool Positive(string? twips) => int.TryParse(twips, out var n) && n > 0;
    }
}
