using PublicitySite.Contents;
using PublicitySite.Contents.Definitions;
using PublicitySite.Curation;
using PublicitySite.Settings;
using PublicitySite.Web.Caching;

namespace PublicitySite.Web.Site;

/// <summary>The home page: 头条, the news columns, 委员风采, 提案追踪 and 文史资料, each linking to its list.</summary>
internal static class HomePage
{
    private const int Batch = 48;

    /// <summary>Slides of the 轮播: enough to browse, few enough that the page stays light.</summary>
    public const int Slides = 5;

    public static async Task<IResult> RenderAsync(HttpContext context, SitePages pages, SiteQueries queries, PublicReadCache cache, CurationService curation, SiteSettingsService settings, TimeProvider clock)
    {
        var cancel = context.RequestAborted;
        var site = pages.Definition;
        PageCache.Tag(context, PageCache.ListsTag);

        // The blocks are the same for every reader until something is published or a proposal moves on (both
        // empty the read cache); a new recipe is a new site definition and so a new key. Signed-in readers
        // always read afresh, as they bypass the page cache.
        var model = PageCachePolicy.CarriesCredentials(context.Request)
            ? await ModelAsync(site, queries, await curation.GetAsync(cancel), await settings.GetAsync(cancel), clock.GetUtcNow().UtcDateTime, cancel)
            : await cache.GetOrLoadAsync(("home", site), async ct => await ModelAsync(site, queries, await curation.GetAsync(ct), await settings.GetAsync(ct), clock.GetUtcNow().UtcDateTime, ct), cancellationToken: cancel);
        var layout = await pages.LayoutAsync(context, "") with { Canonical = "/", OgType = "website", FeedUrl = "/rss.xml" };
        layout = layout with { Description = layout.Site.Description };
        return await pages.PageAsync(context, "home", model, layout);
    }

    private static async Task<object> ModelAsync(SiteDefinition site, SiteQueries queries, CurationBoard board, SiteSettings settings, DateTime now, CancellationToken cancel)
    {
        var columns = site.Columns.Where(c => c.ContentType == "News" && c.OnHome && !c.Pictures).OrderBy(c => c.Order).Take(4).ToList();

        // One query for the newest news of all four columns; a column the batch leaves short (a quiet column
        // on a busy site) gets a query of its own. The office's 头条, 推荐 and 置顶 come from the curation board.
        // 已归档 items (older than their column's window) leave the home page.
        bool Current(EntryModel e) => !ArchiveWindow.IsArchived(e.Column is { } c ? site.FindColumn(c) : null, settings, e.Date?.UtcDateTime, now);
        var batch = await queries.LatestAsync("News", take: Batch, cancellationToken: cancel);
        var news = batch.Where(Current).ToList();
        var curated = await queries.ByIdsAsync([.. board.Headlines().Take(10), .. board.Featured().Take(20), .. board.Pinned(now).Take(40)], cancel);
        var headline = curated.FirstOrDefault(e => board.Of(e.Id)?.Headline == true)
            ?? news.FirstOrDefault(e => ContentData.GetBool(e.Data, "NewsPart", "Headline")) ?? news.FirstOrDefault();
        var blocks = new List<object>();
        foreach (var column in columns)
        {
            var wanted = column.Order == columns[0].Order ? 7 : 6;
            var pinned = curated.Where(e => e.Column == column.Name && e.Id != headline?.Id && board.Of(e.Id)?.IsPinned(now) == true).DistinctBy(e => e.Id).Take(wanted).ToList();
            var items = news.Where(e => e.Column == column.Name && e.Id != headline?.Id && !pinned.Any(p => p.Id == e.Id)).Take(wanted - pinned.Count).ToList();
            if (items.Count < wanted - pinned.Count && batch.Count == Batch)
            {
                items = (await queries.LatestAsync("News", [column.Name], take: wanted + 1, cancellationToken: cancel))
                    .Where(e => Current(e) && e.Id != headline?.Id && !pinned.Any(p => p.Id == e.Id)).Take(wanted - pinned.Count).ToList();
            }

            pinned.ForEach(p => p.Pinned = true);
            blocks.Add(new { column.Name, column.Key, Url = "/column/" + column.Key, Items = Curate([.. pinned, .. items], board) });
        }

        // 轮播: the latest 推荐 items with a cover; without any, the newest news with a cover.
        var slides = curated.Where(e => board.Of(e.Id)?.Featured == true && e.CoverId is not null).DistinctBy(e => e.Id).Take(Slides).ToList();
        if (slides.Count == 0)
        {
            slides = news.Where(e => e.CoverId is not null).Take(Slides).ToList();
        }

        var pictureColumn = site.Columns.Where(c => c.Pictures && c.OnHome).OrderBy(c => c.Order).FirstOrDefault();
        var pictures = pictureColumn is null ? [] : (await queries.LatestAsync(pictureColumn.ContentType, [pictureColumn.Name], take: 4, cancellationToken: cancel)).Where(e => e.CoverId is not null).ToList();

        var today = DateOnly.FromDateTime(SiteTime.ToLocal(now).DateTime);
        var topics = (await TopicPages.AllAsync(queries, cancel)).Where(t => t.IsCurrent(today)).Take(3).ToList();
        var members = await queries.LatestAsync("Member", take: 8, cancellationToken: cancel);
        var proposals = await queries.LatestAsync("Proposal", take: 20, byModified: true, cancellationToken: cancel);
        var collections = await queries.LatestAsync("LiteratureCollection", take: 4, cancellationToken: cancel);
        var shown = proposals.Where(ProposalLine.IsPublic).Take(6).ToList();
        var statuses = await queries.ProposalStatusesAsync(shown.Select(p => p.Id).ToList(), cancel);
        return new
        {
            Headline = headline is null ? null : Curate([headline], board)[0],
            Carousel = Curate(slides, board),
            Pictures = pictureColumn is null ? null : new { pictureColumn.Name, Url = "/column/" + pictureColumn.Key, Items = pictures },
            Topics = topics,
            Lead = blocks.FirstOrDefault(),
            Blocks = blocks.Skip(1).ToList(),
            Members = members.Select(MemberCard.From).ToList(),
            Proposals = shown.Select(p => ProposalLine.From(p, statuses.GetValueOrDefault(p.Id))).ToList(),
            Collections = collections.Select(CollectionCard.From).ToList(),
        };
    }

    /// <summary>Attaches each item's highlight so lists show 标题颜色 and 加粗.</summary>
    private static List<EntryModel> Curate(List<EntryModel> entries, CurationBoard board)
    {
        entries.ForEach(e => e.Curation = board.Of(e.Id));
        return entries;
    }
}
