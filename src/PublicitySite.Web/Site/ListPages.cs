using PublicitySite.Contents;
using PublicitySite.Curation;
using PublicitySite.Settings;
using PublicitySite.Web.Caching;

namespace PublicitySite.Web.Site;

/// <summary>Column lists with pagination, and the directory pages for members, proposals and literature.</summary>
internal static class ListPages
{
    public const int ColumnPageSize = 20;

    public static async Task<IResult> ColumnAsync(string key, HttpContext context, SitePages pages, ContentQueries queries, SiteQueries site, CurationService curation, SiteSettingsService settings, TimeProvider clock)
    {
        if (pages.Definition.FindColumn(key) is not { } column)
        {
            return await pages.NotFoundAsync(context);
        }

        if (!TryPage(context, out var number))
        {
            return await BadPageAsync(context, pages);
        }

        PageCache.Tag(context, PageCache.ListsTag);
        var cancel = context.RequestAborted;
        var now = clock.GetUtcNow().UtcDateTime;
        var cutoff = ArchiveWindow.CutoffUtc(column, await settings.GetAsync(cancel), now);
        var list = await queries.ListAsync(new ContentQuery { ContentType = column.ContentType, Column = column.Name, Page = number, PageSize = ColumnPageSize, FromUtc = cutoff }, cancel);

        // 置顶 items head the first page; on later pages they keep their place in time.
        var board = await curation.GetAsync(cancel);
        var pinned = number == 1 ? (await site.ByIdsAsync(board.Pinned(now), cancel)).Where(e => e.Column == column.Name).ToList() : [];
        pinned.ForEach(p => p.Pinned = true);
        var items = pinned.Concat(list.Items.Select(EntryModel.From).Where(e => !pinned.Any(p => p.Id == e.Id))).ToList();
        items.ForEach(e => e.Curation = board.Of(e.Id));
        if (number > 1 && number > list.PageCount)
        {
            return await pages.NotFoundAsync(context);
        }

        var baseUrl = "/column/" + column.Key;
        string PageUrl(int n) => n == 1 ? baseUrl : $"{baseUrl}?page={n}";
        var model = new
        {
            column.Name,
            column.Description,
            column.Pictures,
            Items = items,
            Page = number,
            list.PageCount,
            list.Total,
            Previous = number > 1 ? PageUrl(number - 1) : null,
            Next = number < list.PageCount ? PageUrl(number + 1) : null,
            Pages = Enumerable.Range(1, list.PageCount).Select(n => new { Number = n, Url = PageUrl(n), Current = n == number }).ToList(),
            Feed = baseUrl + "/rss.xml",
        };
        var layout = await pages.LayoutAsync(context, number > 1 ? $"{column.Name}（第{number}页）" : column.Name, column.Name, column.Description) with
        {
            Canonical = PageUrl(number),
            PrevUrl = model.Previous,
            NextUrl = model.Next,
            FeedUrl = model.Feed,
        };
        return await pages.PageAsync(context, "column", model, layout);
    }

    private static bool TryPage(HttpContext context, out int page)
    {
        page = 1;
        var raw = context.Request.Query["page"].ToString();
        return raw.Length == 0 || (int.TryParse(raw, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out page) && page is >= 1 and <= 100000);
    }

    private static async Task<IResult> BadPageAsync(HttpContext context, SitePages pages)
    {
        var layout = await pages.LayoutAsync(context, "页码有误");
        return await pages.PageAsync(context, "message", new { Title = "页码有误", Text = "页码应为正整数，请从第 1 页开始浏览。" }, layout, status: StatusCodes.Status400BadRequest);
    }
}
