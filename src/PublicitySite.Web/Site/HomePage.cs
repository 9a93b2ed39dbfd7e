using PublicitySite.Contents;
using PublicitySite.Web.Caching;

namespace PublicitySite.Web.Site;

/// <summary>The home page: 头条, the news columns, 委员风采, 提案追踪 and 文史资料, each linking to its list.</summary>
public static class HomePage
{
    public static async Task<IResult> RenderAsync(HttpContext context, SitePages pages, ContentQueries queries)
    {
        var cancel = context.RequestAborted;
        var site = pages.Definition;
        PageCache.Tag(context, PageCache.ListsTag);

        var news = await queries.ListAsync(new ContentQuery { ContentType = "News", PageSize = 40 }, cancel);
        var newsEntries = news.Items.Select(EntryModel.From).ToList();
        var headline = newsEntries.FirstOrDefault(e => ContentData.GetBool(e.Data, "NewsPart", "Headline")) ?? newsEntries.FirstOrDefault();

        var blocks = new List<object>();
        foreach (var column in site.Columns.Where(c => c.ContentType == "News").OrderBy(c => c.Order).Take(4))
        {
            var list = await queries.ListAsync(new ContentQuery { ContentType = column.ContentType, Column = column.Name, PageSize = 8 }, cancel);
            blocks.Add(new
            {
                column.Name,
                column.Key,
                Url = "/column/" + column.Key,
                Items = list.Items.Select(EntryModel.From).Where(e => e.Id != headline?.Id).Take(column.Order == 1 ? 7 : 6).ToList(),
            });
        }

        var members = await queries.ListAsync(new ContentQuery { ContentType = "Member", PageSize = 8 }, cancel);
        var proposals = await queries.ListAsync(new ContentQuery { ContentType = "Proposal", Sort = ContentSort.Modified, PageSize = 20 }, cancel);
        var collections = await queries.ListAsync(new ContentQuery { ContentType = "LiteratureCollection", PageSize = 4 }, cancel);
        var model = new
        {
            Headline = headline,
            Lead = blocks.FirstOrDefault(),
            Blocks = blocks.Skip(1).ToList(),
            Members = members.Items.Select(EntryModel.From).Select(MemberCard.From).ToList(),
            Proposals = proposals.Items.Select(EntryModel.From).Where(ProposalLine.IsPublic).Take(6).Select(ProposalLine.From).ToList(),
            Collections = collections.Items.Select(EntryModel.From).Select(CollectionCard.From).ToList(),
        };

        var layout = await pages.LayoutAsync(context, "") with { Canonical = "/", OgType = "website", FeedUrl = "/rss.xml" };
        return await pages.PageAsync(context, "home", model, layout);
    }
}
