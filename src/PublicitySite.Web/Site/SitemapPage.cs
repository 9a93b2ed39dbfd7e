using PublicitySite.Web.Caching;

namespace PublicitySite.Web.Site;

/// <summary>网站地图 for people: every column, directory and page, linked from the header. Machines keep sitemap.xml.</summary>
internal static class SitemapPage
{
    public static async Task<IResult> RenderAsync(HttpContext context, SitePages pages, SiteQueries queries, TimeProvider clock)
    {
        PageCache.Tag(context, PageCache.ListsTag);
        var site = pages.Definition;
        var staticPages = await queries.LatestAsync("Page", take: 200, cancellationToken: context.RequestAborted);
        var model = new
        {
            Columns = site.Columns.OrderBy(c => c.Order).Select(c => new { c.Name, Url = "/column/" + c.Key, c.Description }).ToList(),
            Directories = SiteDirectories.All,
            Topics = (await TopicPages.AllAsync(queries, context.RequestAborted)).Where(t => !t.Ended(TopicPages.Today(clock))).ToList(),
            Pages = staticPages.OrderBy(p => p.Title, StringComparer.Create(new System.Globalization.CultureInfo("zh-CN"), false)).ToList(),
        };
        var layout = await pages.LayoutAsync(context, "网站地图", description: "本站全部栏目、专题和页面的索引") with { Canonical = "/sitemap" };
        return await pages.PageAsync(context, "sitemap", model, layout);
    }
}
