using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace PublicitySite.SiteMigration;

/// <summary>What an old article page holds, read with the mapping's selectors; the body is still a DOM so its
/// pictures and links can be pointed at their new homes once those exist.</summary>
internal sealed class ParsedArticle
{
    public required string Title { get; init; }

    public DateTimeOffset? Published { get; init; }

    public string? Source { get; init; }

    public string? Author { get; init; }

    public required IElement Body { get; init; }

    /// <summary>SHA-256 of what was read (title, date, source, author, body as found): a changed page has a new one.</summary>
    public required string Hash { get; init; }

    public List<Uri> Images { get; } = [];

    public List<Uri> Attachments { get; } = [];

    /// <summary>Links to other pages of the old site (articles, lists, anything else).</summary>
    public List<Uri> Links { get; } = [];

    /// <summary>Points pictures and links at new addresses (null leaves one as it was) and gives the body's HTML.</summary>
    public string Rewrite(Func<Uri, string?> image, Func<Uri, string?> link)
    {
        foreach (var img in Body.QuerySelectorAll("img[src]").ToList())
        {
            if (Uri.TryCreate(img.GetAttribute("src"), UriKind.Absolute, out var src) && image(src) is { } address)
            {
                img.SetAttribute("src", address);
            }
        }

        foreach (var a in Body.QuerySelectorAll("a[href]"))
        {
            if (Uri.TryCreate(a.GetAttribute("href"), UriKind.Absolute, out var href) && link(href) is { } address)
            {
                a.SetAttribute("href", address);
            }
        }

        return Body.InnerHtml;
    }
}

/// <summary>
/// Reads an old article page with AngleSharp and the mapping's CSS selectors. Dates are read with the
/// mapping's formats from the first date-like run of the date element's text; 来源：/作者： labels are dropped.
/// Before the body is cleaned like pasted Office text (on save), scripts and styles go and layout tables
/// (tables inside tables, one-cell rows, role=presentation) give up their content; real tables stay.
/// </summary>
internal static partial class ArticleExtractor
{
    private static readonly string[] AttachmentExtensions = [".pdf", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".wps", ".et", ".zip", ".rar", ".txt"];

    public static bool IsAttachment(Uri url) => AttachmentExtensions.Contains(Path.GetExtension(url.AbsolutePath).ToLowerInvariant());

    /// <summary>The page's links, absolute, for crawling list pages.</summary>
    public static IEnumerable<Uri> Links(string html, Uri page)
    {
        var document = new HtmlParser().ParseDocument(html);
        var baseHref = document.QuerySelector("base[href]")?.GetAttribute("href");
        var origin = baseHref is not null && Uri.TryCreate(page, baseHref, out var declared) ? declared : page;
        foreach (var a in document.QuerySelectorAll("a[href]"))
        {
            if (Absolute(origin, a.GetAttribute("href")) is { } url)
            {
                yield return url;
            }
        }
    }

    /// <summary>The article, or a Chinese reason it cannot be read (no title, no body, a date not understood).</summary>
    public static (ParsedArticle? Article, string? Problem) Read(string html, Uri page, MigrationMapping mapping)
    {
        var document = new HtmlParser().ParseDocument(html);
        var title = Text(document.QuerySelector(mapping.Selectors.Title));
        if (title.Length == 0)
        {
            return (null, $"没有标题（选择器 {mapping.Selectors.Title} 未找到文字）");
        }

        var body = document.QuerySelector(mapping.Selectors.Body);
        if (body is null)
        {
            return (null, $"没有正文（选择器 {mapping.Selectors.Body} 未找到元素）");
        }

        DateTimeOffset? published = null;
        if (mapping.Selectors.Date is { } dateSelector)
        {
            var dateText = Text(document.QuerySelector(dateSelector));
            published = ParseDate(dateText, mapping.DateFormats);
            if (published is null)
            {
                return (null, dateText.Length == 0 ? $"没有发布日期（选择器 {dateSelector} 未找到文字）" : $"无法识别日期“{Clip(dateText, 40)}”");
            }
        }

        var source = Label(Text(mapping.Selectors.Source is { } s ? document.QuerySelector(s) : null));
        var author = Label(Text(mapping.Selectors.Author is { } a ? document.QuerySelector(a) : null));
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(
            string.Join('\u001f', title, published?.ToString("O", CultureInfo.InvariantCulture), source, author, body.InnerHtml))));
        var article = new ParsedArticle { Title = Clip(title, 200), Published = published, Source = source is null ? null : Clip(source, 100), Author = author is null ? null : Clip(author, 100), Body = body, Hash = hash };
        Prepare(article, page, mapping);
        return (article, null);
    }

    public static DateTimeOffset? ParseDate(string text, IReadOnlyList<string> formats)
    {
        foreach (Match match in DateRun().Matches(text))
        {
            var candidate = Spaces().Replace(match.Value.Trim(), " ");
            foreach (var value in new[] { candidate, candidate.Split(' ')[0] })
            {
                foreach (var format in formats)
                {
                    if (DateTime.TryParseExact(value, format, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var local))
                    {
                        // Old Chinese sites give Beijing time.
                        return new DateTimeOffset(local, PublicitySite.Contents.SiteTime.Zone.GetUtcOffset(local));
                    }
                }
            }
        }

        return null;
    }

    private static void Prepare(ParsedArticle article, Uri page, MigrationMapping mapping)
    {
        var body = article.Body;
        foreach (var junk in body.QuerySelectorAll("script, style, noscript, iframe, object, embed, form, link, meta").ToList())
        {
            junk.Remove();
        }

        foreach (var table in body.QuerySelectorAll("table").Reverse().ToList())
        {
            if (IsLayout(table))
            {
                var cells = table.QuerySelectorAll("td, th").Where(c => c.Closest("table") == table).ToList();
                foreach (var cell in cells)
                {
                    var block = body.Owner!.CreateElement("div");
                    block.Append([.. cell.ChildNodes]);
                    table.Before(block);
                }

                table.Remove();
            }
        }

        foreach (var img in body.QuerySelectorAll("img").ToList())
        {
            var src = Absolute(page, img.GetAttribute("src"));
            if (src is null || mapping.LocalPath(src) is null)
            {
                img.Remove(); // pictures come from the library only: one on another site cannot be kept
                continue;
            }

            img.SetAttribute("src", src.ToString());
            if (!article.Images.Contains(src))
            {
                article.Images.Add(src);
            }
        }

        foreach (var a in body.QuerySelectorAll("a[href]"))
        {
            if (Absolute(page, a.GetAttribute("href")) is not { } href)
            {
                continue;
            }

            a.SetAttribute("href", href.ToString());
            if (mapping.LocalPath(href) is null)
            {
                continue;
            }

            var list = IsAttachment(href) ? article.Attachments : article.Links;
            if (!list.Contains(href))
            {
                list.Add(href);
            }
        }
    }

    private static bool IsLayout(IElement table)
    {
        if (table.GetAttribute("role") == "presentation" || table.QuerySelector("table") is not null)
        {
            return true;
        }

        var rows = table.QuerySelectorAll("tr").Where(r => r.Closest("table") == table).ToList();
        return rows.Count == 0 || rows.All(r => r.Children.Count(c => c.LocalName is "td" or "th") <= 1);
    }

    private static Uri? Absolute(Uri page, string? href)
    {
        if (string.IsNullOrWhiteSpace(href) || href.StartsWith('#') || href.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase) || href.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (!Uri.TryCreate(page, href.Trim(), out var url) || url.Scheme is not ("http" or "https"))
        {
            return null;
        }

        return new UriBuilder(url) { Fragment = "" }.Uri;
    }

    private static string Text(IElement? element) => element is null ? "" : Spaces().Replace(element.TextContent, " ").Trim();

    private static string? Label(string text)
    {
        var value = LabelPrefix().Replace(text, "").Trim();
        return value.Length == 0 ? null : value;
    }

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..length];

    [GeneratedRegex(@"\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?")]
    private static partial Regex DateRun();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^(信息来源|来源|作者|撰稿|供稿|文|记者)\s*[:：]\s*")]
    private static partial Regex LabelPrefix();
}
