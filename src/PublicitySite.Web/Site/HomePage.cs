using PublicitySite.Contents;
using PublicitySite.Contents.Definitions;
using PublicitySite.Web.Caching;

namespace PublicitySite.Web.Site;

/// <summary>The home page: 头条, the news columns, 委员风采, 提案追踪 and 文史资料, each linking to its list.</summary>
public static class HomePage
{
    private const int Batch = 48;

    public static async Task<IResult> RenderAsync(HttpContext context, SitePages pages, SiteQueries queries, PublicReadCache cache)
    {
        var cancel = context.RequestAborted;
        var site = pages.Definition;
        PageCache.Tag(context, PageCache.ListsTag);

        // The blocks are the same for every reader until something is published or a proposal moves on (both
        // empty the read cache); a new recipe is a new site definition and so a new key. Signed-in readers
        // always read afresh, as they bypass the page cache.
        var model = PageCachePolicy.CarriesCredentials(context.Request)
            ? await ModelAsync(site, queries, cancel)
            : await cache.GetOrLoadAsync(("home", site), ct => ModelAsync(site, queries, ct), cancel);
        var layout = await pages.LayoutAsync(context, "") with { Canonical = "/", OgType = "website", FeedUrl = "/rss.xml" };
        return await pages.PageAsync(context, "home", model, layout);
    }

    private static async Task<object> ModelAsync(SiteDefinition site, SiteQueries queries, CancellationToken cancel)
    {
        var columns = site.Columns.Where(c => c.ContentType == "News").OrderBy(c => c.Order).Take(4).ToList();

        // One query for the newest news of all four columns; a column the batch leaves short (a quiet column
        // on a busy site) gets a query of its own.
        var news = await queries.LatestAsync("News", take: Batch, cancellationToken: cancel);
        var headline = news.FirstOrDefault(e => ContentData.GetBool(e.Data, "NewsPart", "Headline")) ?? news.FirstOrDefault();
        var blocks = new List<object>();
        foreach (var column in columns)
        {
            var wanted = column.Order == columns[0].Order ? 7 : 6;
            var items = news.Where(e => e.Column == column.Name && e.Id != headline?.Id).Take(wanted).ToList();
            if (items.Count < wanted && news.Count == Batch)
            {
                items = (await queries.LatestAsync("News", [column.Name], take: wanted + 1, cancellationToken: cancel)).Where(e => e.Id != headline?.Id).Take(wanted).ToList();
            }

            blocks.Add(new { column.Name, column.Key, Url = "/column/" + column.Key, Items = items });
        }

        var members = await queries.LatestAsync("Member", take: 8, cancellationToken: cancel);
        var proposals = await queries.LatestAsync("Proposal", take: 20, byModified: true, cancellationToken: cancel);
        var collections = await queries.LatestAsync("LiteratureCollection", take: 4, cancellationToken: cancel);
        var shown = proposals.Where(ProposalLine.IsPublic).Take(6).ToList();
        var statuses = await queries.ProposalStatusesAsync(shown.Select(p => p.Id).ToList(), cancel);
        return new
        {
            Headline = headline,
            Lead = blocks.FirstOrDefault(),
            Blocks = blocks.Skip(1).ToList(),
            Members = members.Select(MemberCard.From).ToList(),
            Proposals = shown.Select(p => ProposalLine.From(p, statuses.GetValueOrDefault(p.Id))).ToList(),
            Collections = collections.Select(CollectionCard.From).ToList(),
        };
    }
}
