using System.Text.RegularExpressions;
using Ganss.Xss;
using Markdig;
using PublicitySite.RichText;

namespace PublicitySite.Markdown;

/// <summary>
/// The only way Markdown becomes HTML in this site. Markdig passes raw HTML and <c>javascript:</c> links
/// through, so every render is sanitised before anyone sees it.
/// </summary>
public sealed partial class MarkdownRenderer
{
    private readonly MarkdownPipeline pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .UseFootnotes()
        .UseTaskLists()
        .UseAutoIdentifiers(Markdig.Extensions.AutoIdentifiers.AutoIdentifierOptions.GitHub)
        .UseFigures()
        .Build();

    private readonly HtmlSanitizer sanitizer = CreateSanitizer();

    public string ToHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return "";
        }

        return sanitizer.Sanitize(Markdig.Markdown.ToHtml(markdown, pipeline));
    }

    public string ToPlainText(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return "";
        }

        var text = Markdig.Markdown.ToPlainText(markdown, pipeline);
        return Whitespace().Replace(TagLike().Replace(text, ""), " ").Trim();
    }

    /// <summary>A plain-text excerpt of at most <paramref name="length"/> characters, for lists and meta tags.</summary>
    public string Excerpt(string? markdown, int length)
    {
        var text = ToPlainText(markdown);
        return text.Length <= length ? text : string.Concat(text.AsSpan(0, length), "…");
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        foreach (var tag in new[] { "form", "input", "button", "textarea", "select", "option", "iframe", "object", "embed", "style" })
        {
            sanitizer.AllowedTags.Remove(tag);
        }

        sanitizer.AllowedAttributes.Remove("style"); // as in rich bodies: the theme gives the look
        sanitizer.AllowedAttributes.Add("class");
        sanitizer.AllowedAttributes.Add("id");
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.Add("http");
        sanitizer.AllowedSchemes.Add("https");
        sanitizer.AllowedSchemes.Add("mailto");
        return sanitizer.WithoutCss();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"<[^>]{1,200}>")]
    private static partial Regex TagLike();
}
