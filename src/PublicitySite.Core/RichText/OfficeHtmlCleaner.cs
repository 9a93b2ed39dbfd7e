using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace PublicitySite.RichText;

/// <summary>
/// Turns HTML copied from Word, WPS or a web page into the editor's own vocabulary before the allow-list sees
/// it: Word's list paragraphs become real lists, inline bold/italic/underline styles become tags, alignment and
/// first-line indent become classes, and fonts, colours, <c>mso-</c> styles, <c>&lt;o:p&gt;</c>, conditional
/// comments and VML disappear. Images embedded as data URIs are kept for the uploader; local file images
/// (<c>file:///</c>, which no server can read) are dropped.
/// </summary>
internal static partial class OfficeHtmlCleaner
{
    private static readonly HtmlParser Parser = new(new HtmlParserOptions { IsKeepingSourceReferences = false });

    public static string Clean(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return "";
        }

        // Conditional comments hide Word's list bullets and VML fallbacks; the "downlevel-revealed" form
        // (<![if !supportLists]>…<![endif]>) is not a comment to an HTML parser, so both go before parsing.
        html = ConditionalBlock().Replace(html, "");
        html = DownlevelMarker().Replace(html, "");
        var document = Parser.ParseDocument(html.Contains("<body", StringComparison.OrdinalIgnoreCase) ? html : "<!DOCTYPE html><html><body>" + html + "</body></html>");
        var body = document.Body;
        if (body is null)
        {
            return "";
        }

        foreach (var comment in body.Descendants<IComment>().ToList())
        {
            comment.Remove();
        }

        foreach (var junk in body.QuerySelectorAll("style, script, meta, link, title, xml, template, noscript").ToList())
        {
            junk.Remove();
        }

        foreach (var element in body.Descendants<IElement>().Where(e => e.Prefix is not null || e.LocalName.Contains(':')).ToList())
        {
            // <o:p>, <v:shape>, <w:…>: Office's own namespaces carry no words worth keeping but their text.
            if (element.LocalName.StartsWith("v:", StringComparison.Ordinal) || element.Prefix == "v")
            {
                element.Remove();
            }
            else
            {
                Unwrap(element);
            }
        }

        BuildLists(document, body);
        foreach (var element in body.Descendants<IElement>().ToList())
        {
            CleanElement(document, element);
        }

        FlattenCells(body);
        foreach (var p in body.QuerySelectorAll("p, h1, h2, h3, h4, h5, h6").Where(p => p.TextContent.Trim().Length == 0 && p.QuerySelector("img") is null).ToList())
        {
            p.Remove();
        }

        Tidy(body);

        return body.InnerHtml.Trim();
    }

    private static void CleanElement(IDocument document, IElement element)
    {
        if (element.ParentElement is null)
        {
            return;
        }

        var style = element.GetAttribute("style") ?? "";
        var className = element.ClassName ?? "";
        switch (element.LocalName)
        {
            case "img":
                var src = element.GetAttribute("src") ?? "";
                if (!src.StartsWith("data:image/", StringComparison.OrdinalIgnoreCase) && !src.StartsWith("/media/", StringComparison.Ordinal))
                {
                    element.Remove();
                    return;
                }

                break;
            case "span" or "font":
                WrapInlineStyle(document, element, style);
                Unwrap(element);
                return;
            case "b":
                Rename(document, element, "strong");
                return;
            case "i":
                Rename(document, element, "em");
                return;
            case "strike" or "del":
                Rename(document, element, "s");
                return;
            case "h1":
                Rename(document, element, "h2");
                return;
            case "h5" or "h6":
                Rename(document, element, "h4");
                return;
            case "a" when element.GetAttribute("href") is null or "":
                Unwrap(element); // Word's bookmarks: <a name="_Toc…">
                return;
            case "div" or "section" or "article" or "main" or "header" or "footer" or "center":
                Unwrap(element);
                return;
            case "p" when MsoTitle().IsMatch(className):
                Rename(document, element, "h2");
                return;
        }

        var classes = element.ClassList.Where(c => RichHtmlSanitizer.Classes.Contains(c)).ToList();
        if (Align(style, element.GetAttribute("align")) is { } align && element.LocalName is "p" or "h2" or "h3" or "h4" or "td" or "th" or "li")
        {
            classes.Add("align-" + align);
        }

        if (element.LocalName == "p" && IndentStyle().Match(style) is { Success: true } indent && double.TryParse(indent.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture, out var amount) && amount > 0)
        {
            classes.Add("indent");
        }

        foreach (var name in element.Attributes.Select(a => a.Name).ToList())
        {
            if (name is not ("href" or "src" or "alt" or "title" or "colspan" or "rowspan" or "start" or "id"))
            {
                element.RemoveAttribute(name);
            }
        }

        if (classes.Count > 0)
        {
            element.SetAttribute("class", string.Join(' ', classes.Distinct()));
        }

    }

    /// <summary>Word wraps every cell's text in a paragraph; a single one reads better as the cell itself.</summary>
    private static void FlattenCells(IElement body)
    {
        foreach (var cell in body.QuerySelectorAll("td, th").ToList())
        {
            if (cell.Children.Length == 1 && cell.Children[0].LocalName == "p" && cell.ChildNodes.OfType<IText>().All(t => t.Data.Trim().Length == 0))
            {
                var p = cell.Children[0];
                if (p.ClassName is { Length: > 0 } kept && string.IsNullOrEmpty(cell.ClassName))
                {
                    cell.SetAttribute("class", kept);
                }

                Unwrap(p);
            }
        }
    }

    /// <summary>Layout whitespace between blocks and inline wrappers left empty by the cleaning.</summary>
    private static void Tidy(IElement body)
    {
        foreach (var text in body.Descendants<IText>().ToList())
        {
            if (text.Data.Trim().Length == 0 && text.ParentElement is { } parent
                && parent.LocalName is "body" or "table" or "thead" or "tbody" or "tfoot" or "tr" or "ul" or "ol" or "td" or "th" or "blockquote" or "li" or "figure")
            {
                text.Remove();
            }
            else if (text.ParentElement?.LocalName is "td" or "th" or "li")
            {
                text.Data = text.Data.Trim('\n', '\r');
            }
        }

        foreach (var inline in body.QuerySelectorAll("strong, em, u, s, sub, sup").Where(e => e.TextContent.Length == 0 && e.QuerySelector("img") is null).ToList())
        {
            inline.Remove();
        }

        // Word's "bold run inside a bold paragraph" nests the same tag twice.
        foreach (var inner in body.QuerySelectorAll("strong strong, em em, u u").ToList())
        {
            Unwrap(inner);
        }
    }

    /// <summary>Word marks list items as paragraphs with <c>mso-list:lN levelM</c>; runs of them become lists.</summary>
    private static void BuildLists(IDocument document, IElement body)
    {
        var items = body.QuerySelectorAll("p").Where(p => MsoList().IsMatch(p.GetAttribute("style") ?? "") || (p.ClassName ?? "").Contains("MsoListParagraph", StringComparison.Ordinal)).ToList();
        var stack = new List<IElement>();
        foreach (var p in items)
        {
            var match = MsoList().Match(p.GetAttribute("style") ?? "");
            var level = Math.Clamp(match.Success ? int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) : 1, 1, 6);
            var bullet = p.QuerySelectorAll("span").FirstOrDefault(s => (s.GetAttribute("style") ?? "").Contains("mso-list:Ignore", StringComparison.OrdinalIgnoreCase));
            var marker = (bullet?.TextContent ?? "").Trim();
            bullet?.Remove();
            var ordered = OrderedMarker().IsMatch(marker);

            // A run continues only while the paragraphs follow each other directly.
            if (stack.Count == 0 || PreviousElement(p) != stack[0])
            {
                stack.Clear();
            }

            while (stack.Count > level)
            {
                stack.RemoveAt(stack.Count - 1);
            }

            while (stack.Count < level)
            {
                var list = document.CreateElement(ordered ? "ol" : "ul");
                if (stack.Count == 0)
                {
                    p.Parent!.InsertBefore(list, p);
                }
                else
                {
                    var host = stack[^1].LastElementChild ?? stack[^1].AppendElement(document.CreateElement("li"));
                    host.AppendChild(list);
                }

                stack.Add(list);
            }

            var li = document.CreateElement("li");
            while (p.FirstChild is { } child)
            {
                li.AppendChild(child);
            }

            stack[^1].AppendChild(li);
            p.Remove();
        }
    }

    private static IElement? PreviousElement(IElement element)
    {
        for (var n = element.PreviousSibling; n is not null; n = n.PreviousSibling)
        {
            if (n is IElement e)
            {
                return e;
            }

            if (n is IText t && t.Data.Trim().Length > 0)
            {
                return null;
            }
        }

        return null;
    }

    private static void WrapInlineStyle(IDocument document, IElement element, string style)
    {
        var tags = new List<string>();
        if (BoldStyle().IsMatch(style))
        {
            tags.Add("strong");
        }

        if (ItalicStyle().IsMatch(style))
        {
            tags.Add("em");
        }

        if (UnderlineStyle().IsMatch(style))
        {
            tags.Add("u");
        }

        foreach (var tag in tags)
        {
            var wrapper = document.CreateElement(tag);
            while (element.FirstChild is { } child)
            {
                wrapper.AppendChild(child);
            }

            element.AppendChild(wrapper);
        }
    }

    private static string? Align(string style, string? attribute)
    {
        var value = AlignStyle().Match(style) is { Success: true } m ? m.Groups[1].Value : attribute;
        return value?.Trim().ToLowerInvariant() switch
        {
            "center" or "middle" => "center",
            "right" => "right",
            "justify" or "distribute" => "justify",
            _ => null,
        };
    }

    private static void Rename(IDocument document, IElement element, string name)
    {
        var replacement = document.CreateElement(name);
        foreach (var attribute in element.Attributes.ToList())
        {
            replacement.SetAttribute(attribute.Name, attribute.Value);
        }

        while (element.FirstChild is { } child)
        {
            replacement.AppendChild(child);
        }

        element.Parent!.ReplaceChild(replacement, element);
        CleanElement(document, replacement);
    }

    private static void Unwrap(IElement element)
    {
        var parent = element.Parent;
        if (parent is null)
        {
            return;
        }

        while (element.FirstChild is { } child)
        {
            parent.InsertBefore(child, element);
        }

        element.Remove();
    }

    [GeneratedRegex(@"<!--\[if[^\]]*\]>.*?<!\[endif\]-->", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex ConditionalBlock();

    [GeneratedRegex(@"<!\[(?:if[^\]]*|endif)\]>", RegexOptions.IgnoreCase)]
    private static partial Regex DownlevelMarker();

    [GeneratedRegex(@"mso-list:\s*(l\d+)\s+level(\d+)", RegexOptions.IgnoreCase)]
    private static partial Regex MsoList();

    [GeneratedRegex(@"^[(（]?([0-9]+|[a-zA-Z]|[ivxlcdmIVXLCDM]+|[一二三四五六七八九十百]+)[.)．、）]?$")]
    private static partial Regex OrderedMarker();

    [GeneratedRegex(@"\bMsoTitle\b")]
    private static partial Regex MsoTitle();

    [GeneratedRegex(@"(?:^|;)\s*text-align\s*:\s*([a-z]+)", RegexOptions.IgnoreCase)]
    private static partial Regex AlignStyle();

    [GeneratedRegex(@"(?:^|;)\s*text-indent\s*:\s*([0-9.]+)", RegexOptions.IgnoreCase)]
    private static partial Regex IndentStyle();

    [GeneratedRegex(@"font-weight\s*:\s*(?:bold|bolder|[6-9]00)", RegexOptions.IgnoreCase)]
    private static partial Regex BoldStyle();

    [GeneratedRegex(@"font-style\s*:\s*italic", RegexOptions.IgnoreCase)]
    private static partial Regex ItalicStyle();

    [GeneratedRegex(@"text-decoration(?:-line)?\s*:\s*[^;]*underline", RegexOptions.IgnoreCase)]
    private static partial Regex UnderlineStyle();
}
