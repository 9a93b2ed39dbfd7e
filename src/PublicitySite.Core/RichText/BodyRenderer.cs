using PublicitySite.Markdown;
using PublicitySite.Search;

namespace PublicitySite.RichText;

/// <summary>
/// The one place a body of either format becomes what readers get: safe HTML, plain text, an excerpt, and the
/// lines the version diff compares. HTML bodies were sanitised on save and are sanitised again here, so a
/// row written by an older version of the allow-list can never carry more than today's allows.
/// </summary>
public sealed class BodyRenderer(MarkdownRenderer markdown)
{
    public string ToHtml(RichBody body) => body.IsEmpty ? "" : body.IsHtml ? RichHtmlSanitizer.Sanitize(body.Source) : markdown.ToHtml(body.Source);

    public string ToPlainText(RichBody body) => body.IsEmpty ? "" : body.IsHtml ? HtmlText.ToPlain(body.Source) : markdown.ToPlainText(body.Source);

    /// <summary>A plain-text excerpt of at most <paramref name="length"/> characters, for lists and meta tags.</summary>
    public string Excerpt(RichBody body, int length)
    {
        var text = ToPlainText(body);
        return text.Length <= length ? text : string.Concat(text.AsSpan(0, length), "…");
    }

    /// <summary>The text a version comparison shows: words and line breaks, never tags or Markdown symbols.</summary>
    public static string ToDiffText(RichBody body) => body.IsEmpty ? "" : body.IsHtml ? HtmlText.ToLines(body.Source) : MarkdownText.ToLines(body.Source);

    /// <summary>Text for search and the 错敏词 check, without the renderer (no Markdig pipeline needed).</summary>
    public static string ToIndexText(RichBody body) => body.IsEmpty ? "" : body.IsHtml ? HtmlText.ToPlain(body.Source) : MarkdownText.ToPlain(body.Source);
}
