using System.Globalization;
using PublicitySite.Commands;
using PublicitySite.Contents;
using PublicitySite.Contents.Definitions;
using PublicitySite.Settings;
using PublicitySite.Web.Caching;
using PublicitySite.Web.Site;

namespace PublicitySite.Web.Feeds;

/// <summary>RSS 2.0 for all news and per column, <c>sitemap.xml</c> of published items, <c>robots.txt</c>.</summary>
internal static class FeedEndpoints
{
    public const int FeedSize = 30;
    public const int SitemapLimit = 50000;

    public static IEndpointRouteBuilder MapFeeds(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/rss.xml", AllNewsAsync).CachePage();
        routes.MapGet("/column/{key}/rss.xml", ColumnAsync).CachePage();
        routes.MapGet("/sitemap.xml", SitemapAsync).CachePage();
        routes.MapGet("/robots.txt", Robots).CachePage();
        return routes;
    }

    private static async Task<IResult> AllNewsAsync(HttpContext context, ContentQueries queries, SiteSettingsService settings)
    {
        var site = await settings.GetAsync(context.RequestAborted);
        var name = site.Get(SiteSettingKeys.SiteName, "政协门户网站");
        return await FeedAsync(context, queries, new ContentQuery { ContentType = "News", PageSize = FeedSize }, name + " - 新闻", "/", $"{name}发布的政协要闻、工作动态、通知公告和领导讲话。");
    }

    private static async Task<IResult> ColumnAsync(string key, HttpContext context, ContentQueries queries, SiteDefinitionStore definitions, SiteSettingsService settings)
    {
        if (definitions.Current.FindColumn(key) is not { } column)
        {
            return Results.Problem(title: FailureTexts.NotFoundTitle, detail: $"栏目“{key}”不存在。", statusCode: StatusCodes.Status404NotFound);
        }

        var site = await settings.GetAsync(context.RequestAborted);
        var name = site.Get(SiteSettingKeys.SiteName, "政协门户网站");
        var query = new ContentQuery { ContentType = column.ContentType, Column = column.Name, PageSize = FeedSize };
        return await FeedAsync(context, queries, query, $"{name} - {column.Name}", "/column/" + column.Key, column.Description ?? column.Name);
    }

    private static async Task<IResult> FeedAsync(HttpContext context, ContentQueries queries, ContentQuery query, string title, string link, string description)
    {
        PageCache.Tag(context, PageCache.ListsTag);
        var origin = Origin(context);
        var page = await queries.ListAsync(query, context.RequestAborted);
        var entries = page.Items.Select(EntryModel.From).ToList();
        var xml = Write(w =>
        {
            w.WriteStartElement("rss");
            w.WriteAttributeString("version", "2.0");
            w.WriteStartElement("channel");
            w.WriteElementString("title", title);
            w.WriteElementString("link", origin + link);
            w.WriteElementString("description", description);
            w.WriteElementString("language", "zh-cn");
            if (entries.FirstOrDefault()?.Date is { } newest)
            {
                w.WriteElementString("lastBuildDate", newest.ToString("r", CultureInfo.InvariantCulture));
            }

            foreach (var entry in entries)
            {
                w.WriteStartElement("item");
                w.WriteElementString("title", entry.Title);
                w.WriteElementString("link", origin + entry.Url);
                w.WriteStartElement("guid");
                w.WriteAttributeString("isPermaLink", "true");
                w.WriteString(origin + entry.Url);
                w.WriteEndElement();
                if (entry.Date is { } date)
                {
                    w.WriteElementString("pubDate", date.ToString("r", CultureInfo.InvariantCulture));
                }

                if (entry.Column is { } column)
                {
                    w.WriteElementString("category", column);
                }

                if (entry.Summary is { Length: > 0 } summary)
                {
                    w.WriteElementString("description", summary);
                }

                w.WriteEndElement();
            }

            w.WriteEndElement();
            w.WriteEndElement();
        });
        return SitePages.Conditional(context, xml, "application/rss+xml; charset=utf-8");
    }

    private static async Task<IResult> SitemapAsync(HttpContext context, ContentQueries queries, SiteDefinitionStore definitions)
    {
        PageCache.Tag(context, PageCache.ListsTag);
        var origin = Origin(context);
        var page = await queries.ListAsync(new ContentQuery { PageSize = SitemapLimit, Sort = ContentSort.Newest }, context.RequestAborted);
        var entries = page.Items
            .Where(e => e.Item.Path is not null)
            .Where(e => e.Version.ContentType != "Proposal" || ProposalLine.IsPublic(EntryModel.From(e)))
            .ToList();
        var newest = entries.Count == 0 ? (DateTime?)null : entries.Max(e => e.Version.ModifiedUtc);
        var xml = Write(w =>
        {
            w.WriteStartElement("urlset", "http://www.sitemaps.org/schemas/sitemap/0.9");
            void Url(string path, DateTime? modified)
            {
                w.WriteStartElement("url");
                w.WriteElementString("loc", origin + path);
                if (modified is { } m)
                {
                    w.WriteElementString("lastmod", SiteTime.ToLocal(m).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
                }

                w.WriteEndElement();
            }

            Url("/", newest);
            foreach (var column in definitions.Current.Columns.OrderBy(c => c.Order))
            {
                Url("/column/" + column.Key, entries.Where(e => e.Version.Column == column.Name).Select(e => (DateTime?)e.Version.ModifiedUtc).Max());
            }

            foreach (var directory in SiteDirectories.All)
            {
                Url(directory.Url, null);
            }

            foreach (var entry in entries)
            {
                Url(entry.Url, entry.Version.ModifiedUtc);
            }

            w.WriteEndElement();
        });
        return SitePages.Conditional(context, xml, "application/xml; charset=utf-8");
    }

    private static IResult Robots(HttpContext context)
    {
        var text = $"""
            User-agent: *
            Allow: /
            Disallow: /admin/
            Disallow: /api/
            Disallow: /share/

            Sitemap: {Origin(context)}/sitemap.xml

            """;
        return SitePages.Conditional(context, text, "text/plain; charset=utf-8");
    }

    private static string Origin(HttpContext context) => $"{context.Request.Scheme}://{context.Request.Host}";

    private static string Write(Action<FeedXml> body)
    {
        var xml = new FeedXml();
        body(xml);
        return xml.ToString();
    }
}
