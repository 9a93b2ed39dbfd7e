using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace PublicitySite.Literature;

/// <summary>A Word document as an article: its title, its text as Markdown, and what could not be carried over.</summary>
internal sealed record DocxArticle(string? Title, string Markdown, int Images);

/// <summary>
/// Reads a .docx into Markdown. Headings are found by outline level (the paragraph's own or its style's,
/// following basedOn), never by style name: a Chinese Word names them “标题 1”.
/// </summary>
internal static class DocxReader
{
    public static DocxArticle Read(string path)
    {
        using var document = WordprocessingDocument.Open(path, isEditable: false);
        var body = document.MainDocumentPart?.Document?.Body ?? throw new FormatException("文档没有正文");
        var styles = document.MainDocumentPart!.StyleDefinitionsPart?.Styles;
        string? title = null;
        var markdown = new StringBuilder();
        var images = 0;
        foreach (var paragraph in body.Descendants<Paragraph>())
        {
            images += paragraph.Descendants<Drawing>().Count();
            var text = string.Concat(paragraph.Descendants<Text>().Select(t => t.Text)).Trim();
            if (text.Length == 0)
            {
                continue;
            }

            var level = OutlineLevel(paragraph, styles);
            if (level == 0 && title is null && markdown.Length == 0)
            {
                title = text; // a level-1 heading before any text names the article
                continue;
            }

            if (level is { } l)
            {
                // The article's title is the page's h1, so the document's own levels start at h2: with the title
                // taken from the first 标题 1, 标题 2 becomes ## (and a later 标题 1 too); without it 标题 1 is ##.
                var hashes = title is null ? l + 2 : Math.Max(2, l + 1);
                markdown.Append('#', Math.Min(hashes, 6)).Append(' ').Append(text).Append("\n\n");
            }
            else
            {
                markdown.Append(EscapeLineStart(text)).Append("\n\n");
            }
        }

        return new DocxArticle(title, markdown.ToString().TrimEnd() + "\n", images);
    }

    /// <summary>The heading level (0 = 标题 1) of a paragraph, or null for body text; shared with the editor's 导入Word.</summary>
    internal static int? OutlineLevel(Paragraph paragraph, Styles? styles)
    {
        if (paragraph.ParagraphProperties?.OutlineLevel?.Val?.Value is { } own)
        {
            return Heading(own);
        }

        var styleId = paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
        for (var depth = 0; styleId is not null && styles is not null && depth < 10; depth++)
        {
            var style = styles.Elements<Style>().FirstOrDefault(s => s.StyleId?.Value == styleId);
            if (style is null)
            {
                return null;
            }

            if (style.StyleParagraphProperties?.OutlineLevel?.Val?.Value is { } level)
            {
                return Heading(level);
            }

            styleId = style.BasedOn?.Val?.Value;
        }

        return null;
    }

    /// <summary>Word's outline levels are 0–8 for headings and 9 for body text.</summary>
    private static int? Heading(int level) => level is >= 0 and <= 8 ? level : null;

    /// <summary>Body text that happens to start like Markdown syntax stays text.</summary>
    private static string EscapeLineStart(string text) =>
        text.Length > 0 && "#>-*+|=".Contains(text[0], StringComparison.Ordinal) ? "\\" + text : text;
}
