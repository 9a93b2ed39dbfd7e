using PublicitySite.Contents;
using PublicitySite.Web.Site;
using PublicitySite.Workflow;

namespace PublicitySite.Web.Admin;

/// <summary>
/// Renders any version with the public theme's own templates, so a preview looks exactly like the page will,
/// and the same page model (<see cref="ItemPage.Model"/>: breadcrumb, cover, 字号), plus a banner saying it is not
/// yet published and a <c>noindex</c> meta tag. Callers also send no-store and
/// X-Robots-Tag headers (<see cref="PreviewEndpoints.Headers"/>).
/// </summary>
public sealed class PreviewRenderer(SitePages pages, ContentViewFactory views)
{
    public async Task<string> RenderAsync(HttpContext context, ContentItem item, ContentItemVersion version, string banner)
    {
        var view = views.Create(new PublishedEntry(item, version));
        var (columnName, columnUrl) = ItemPage.ColumnOf(pages.Definition, view);
        var layout = await pages.LayoutAsync(context, $"[预览] {view.Title}", columnName, view.Summary) with
        {
            ArticleTitle = view.Title,
            PubDate = view.PublishedUtc,
            ContentSource = view.Source,
        };
        var model = ItemPage.Model(view, columnName, columnUrl, layout, null, null, []);
        var html = await pages.Theme.RenderPageAsync("content", model, layout);
        var label = System.Net.WebUtility.HtmlEncode($"{banner} · 第 {version.Number} 版 · {WorkflowService.StatusLabel(version.Status)}");
        html = Insert(html, "<head>", "<head><meta name=\"robots\" content=\"noindex, nofollow, noarchive\">");
        return Insert(html, "<body", "", afterTag: $"<div role=\"note\" style=\"background:#a8121c;color:#fff;padding:.6rem 1rem;font-size:1rem;text-align:center\">{label}</div>");
    }

    private static string Insert(string html, string tag, string replacement, string? afterTag = null)
    {
        var at = html.IndexOf(tag, StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return afterTag is null ? replacement + html : afterTag + html;
        }

        if (afterTag is null)
        {
            return string.Concat(html.AsSpan(0, at), replacement, html.AsSpan(at + tag.Length));
        }

        var close = html.IndexOf('>', at);
        return close < 0 ? html : html.Insert(close + 1, afterTag);
    }
}
