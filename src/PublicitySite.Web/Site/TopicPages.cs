using System.Globalization;
using System.Text.Json.Nodes;
using PublicitySite.Contents;
using PublicitySite.Web.Caching;

namespace PublicitySite.Web.Site;

/// <summary>
/// 专题: a Topic item (recipe type <c>Topic</c>, reviewed like any item) has a banner (its cover), an
/// introduction (summary and body), optional start and end dates, and sections, each filled by a tag or by
/// items picked by hand. An item belongs to every topic whose sections name one of its tags, so it can be
/// in several. <c>/zhuanti</c> lists the current topics and the archive of past ones.
/// </summary>
internal static class TopicPages
{
    public const string ContentType = "Topic";
    public const string Part = "TopicPart";
    private const int SectionSize = 8;

    /// <summary>The topic's own page, called by <see cref="ItemPage"/> for an item of type Topic.</summary>
    public static async Task<IResult> RenderAsync(HttpContext context, SitePages pages, SiteQueries queries, ContentView view, DateTimeOffset? modified)
    {
        var cancel = context.RequestAborted;
        PageCache.Tag(context, PageCache.ListsTag, PageCache.ItemTag(view.Id));
        var part = view.Parts[Part] as JsonObject ?? [];
        var sections = new List<object>();
        if (Ids(part["Picked"]) is { Count: > 0 } picked)
        {
            sections.Add(new { Name = "专题要闻", Items = await queries.ByIdsAsync(picked, cancel) });
        }

        foreach (var section in (part["Sections"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var name = section["Name"]?.ToString();
            var tag = section["Tag"]?.ToString();
            if (string.IsNullOrWhiteSpace(name))
            {
                continue;
            }

            var items = string.IsNullOrWhiteSpace(tag) ? [] : await queries.LatestAsync("News", tag: tag.Trim(), take: SectionSize, cancellationToken: cancel);
            sections.Add(new { Name = name, Items = items });
        }

        var card = TopicCard.From(view.Id, view.Title, view.Url, view.Summary, view.Parts);
        var layout = await pages.LayoutAsync(context, view.Title, "专题", view.Summary) with { Canonical = view.Url, OgType = "article" };
        var model = new { Topic = card, Item = view, Sections = sections };
        return await pages.PageAsync(context, "topic", model, layout, modified);
    }

    /// <summary><c>/zhuanti</c>: current topics first, then the archive of ended ones.</summary>
    public static async Task<IResult> IndexAsync(HttpContext context, SitePages pages, SiteQueries queries, TimeProvider clock)
    {
        PageCache.Tag(context, PageCache.ListsTag);
        var all = await AllAsync(queries, context.RequestAborted);
        var today = Today(clock);
        var model = new
        {
            Current = all.Where(t => t.IsCurrent(today)).ToList(),
            Past = all.Where(t => t.Ended(today)).ToList(),
        };
        var layout = await pages.LayoutAsync(context, "专题", "专题", "本站专题：当前专题与往期专题回顾") with { Canonical = "/zhuanti" };
        return await pages.PageAsync(context, "topics", model, layout);
    }

    public static async Task<List<TopicCard>> AllAsync(SiteQueries queries, CancellationToken cancellationToken) =>
        (await queries.LatestAsync(ContentType, take: 200, cancellationToken: cancellationToken))
            .Select(e => TopicCard.From(e.Id, e.Title, e.Url, e.Summary, e.Data))
            .ToList();

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(SiteTime.ToLocal(clock.GetUtcNow().UtcDateTime).DateTime);

    private static List<string> Ids(JsonNode? node) => node switch
    {
        JsonArray array => array.Select(n => n?.ToString()).OfType<string>().Where(s => s.Length > 0).ToList(),
        JsonValue value when value.ToString() is { Length: > 0 } one => [one],
        _ => [],
    };
}

/// <summary>A 专题 as lists and the home block show it: banner, title, introduction and dates.</summary>
internal sealed record TopicCard(string Id, string Title, string Url, string? Summary, string? Banner, DateOnly? Start, DateOnly? End)
{
    public string Period => (Start, End) switch
    {
        ({ } s, { } e) => $"{s:yyyy年M月d日} — {e:yyyy年M月d日}",
        ({ } s, null) => $"{s:yyyy年M月d日}起",
        (null, { } e) => $"至{e:yyyy年M月d日}",
        _ => "",
    };

    public bool IsCurrent(DateOnly today) => (Start is not { } s || s <= today) && !Ended(today);

    public bool Ended(DateOnly today) => End is { } e && e < today;

    public static TopicCard From(string id, string title, string url, string? summary, JsonObject parts)
    {
        var part = parts[TopicPages.Part] as JsonObject ?? [];
        return new TopicCard(id, title, url, summary, ContentData.GetString(parts, Contents.Definitions.BuiltInParts.Cover, "Cover"), Date(part["StartDate"]), Date(part["EndDate"]));
    }

    private static DateOnly? Date(JsonNode? node) =>
        DateOnly.TryParseExact(node?.ToString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
