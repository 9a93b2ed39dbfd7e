using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Ganss.Xss;

namespace PublicitySite.RichText;

/// <summary>
/// The allow-list every rich (HTML) body passes on save and again on render: structure, tables with merged
/// cells, alignment and indent classes, figures with captions, links, and pictures from the media library
/// only. Everything else is dropped, keeping its text, so a pasted document loses its look, never its words.
/// </summary>
internal static partial class RichHtmlSanitizer
{
    /// <summary>Classes the editor writes; every other class is removed.</summary>
    public static readonly IReadOnlyList<string> Classes =
    [
        "align-left", "align-center", "align-right", "align-justify", "indent",
        "image", "size-full", "size-large", "size-medium", "size-small", "attachment",
    ];

    private static readonly string[] Tags =
    [
        "p", "br", "h2", "h3", "h4", "strong", "em", "u", "s", "sub", "sup", "blockquote", "ul", "ol", "li",
        "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "colgroup", "col",
        "figure", "figcaption", "img", "a", "hr", "code", "pre",
    ];

    private static readonly HtmlSanitizer Sanitizer = Create();

    public static string Sanitize(string? html) =>
        string.IsNullOrWhiteSpace(html) ? "" : Sanitizer.Sanitize(html).Trim();

    private static HtmlSanitizer Create()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(Tags, StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(["href", "title", "src", "alt", "width", "height", "colspan", "rowspan", "class", "start", "id"], StringComparer.OrdinalIgnoreCase),
            AllowedClasses = new HashSet<string>(Classes, StringComparer.Ordinal),
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(["http", "https", "mailto"], StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href", "src"], StringComparer.OrdinalIgnoreCase),
            AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
        };
        var sanitizer = new HtmlSanitizer(options) { KeepChildNodes = true }.WithoutCss();
        sanitizer.RemovingTag += (_, e) =>
        {
            // Their text is code or styling, never words of the article.
            if (e.Tag.LocalName is "script" or "style" or "template" or "noscript" or "title" or "xml" or "iframe" or "object" or "embed" or "svg" or "math")
            {
                e.Tag.Remove();
                e.Cancel = true;
            }
        };
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is not IElement element)
            {
                return;
            }

            switch (element.LocalName)
            {
                // Pictures come from the media library only: no hot-linked or embedded images.
                case "img" when element.GetAttribute("src") is not { } src || !LibraryAddress().IsMatch(src):
                    element.Remove();
                    break;
                case "td" or "th":
                    KeepSpan(element, "colspan");
                    KeepSpan(element, "rowspan");
                    break;
            }

            if (element.LocalName == "a" && !element.HasAttribute("href") && !element.HasAttribute("id"))
            {
                // A link whose address was refused (javascript:, data:) keeps its words, not a dead anchor.
                element.Replace([.. element.ChildNodes]);
                return;
            }

            // Footnote anchors only: any other id could clash with the page's own.
            if (element.GetAttribute("id") is { } id && !FootnoteId().IsMatch(id))
            {
                element.RemoveAttribute("id");
            }
        };
        return sanitizer;
    }

    private static void KeepSpan(IElement cell, string name)
    {
        if (cell.GetAttribute(name) is { } value && (!int.TryParse(value, out var n) || n < 2 || n > 100))
        {
            cell.RemoveAttribute(name);
        }
    }

    [GeneratedRegex("^fn(?:ref)?-?[0-9]{1,4}$")]
    private static partial Regex FootnoteId();

    [GeneratedRegex("^/media/[0-9a-z]{12}(?:[/?#].*)?$")]
    private static partial Regex LibraryAddress();
}
