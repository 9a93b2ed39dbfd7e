using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace PublicitySite.RichText;

/// <summary>
/// The words of an HTML body, for search, snippets, feeds, the API's <c>bodyText</c>, the 错敏词 check and
/// the version diff: block elements become line breaks, table cells are separated, markup disappears.
/// </summary>
internal static class HtmlText
{
    private static readonly HtmlParser Parser = new();

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "tr", "figure", "figcaption",
        "table", "ul", "ol", "pre", "hr", "caption", "section", "article",
    };

    /// <summary>One line per paragraph, heading, list item or table row; what the diff compares.</summary>
    public static string ToLines(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return "";
        }

        var document = Parser.ParseDocument("<!DOCTYPE html><html><body>" + html + "</body></html>");
        var text = new StringBuilder();
        Walk(document.Body!, text);
        var lines = text.ToString().Split('\n').Select(l => string.Join(' ', l.Split([' ', '\t', '\r', '\u00a0'], StringSplitOptions.RemoveEmptyEntries)));
        return string.Join('\n', lines.Where(l => l.Length > 0));
    }

    /// <summary>All words on one line, spaces collapsed.</summary>
    public static string ToPlain(string? html) => ToLines(html).Replace('\n', ' ');

    private static void Walk(INode node, StringBuilder text)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText t:
                    text.Append(t.Data.Replace('\n', ' '));
                    break;
                case IElement e when e.LocalName is "script" or "style" or "template":
                    break;
                case IElement e when e.LocalName == "br":
                    text.Append('\n');
                    break;
                case IElement e when e.LocalName is "td" or "th":
                    Walk(e, text);
                    text.Append(' ');
                    break;
                case IElement e when e.LocalName == "img":
                    break;
                case IElement e:
                    var block = Blocks.Contains(e.LocalName);
                    if (block)
                    {
                        text.Append('\n');
                    }

                    Walk(e, text);
                    if (block)
                    {
                        text.Append('\n');
                    }

                    break;
            }
        }
    }
}
