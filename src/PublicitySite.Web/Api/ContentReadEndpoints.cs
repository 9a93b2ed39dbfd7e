using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using PublicitySite.Contents;
using PublicitySite.Contents.Definitions;
using PublicitySite.Search;
using PublicitySite.Web.Caching;
using PublicitySite.Web.Search;
using PublicitySite.Web.Site;

namespace PublicitySite.Web.Api;

/// <summary>Anonymous reads of published content: <c>GET /api/content</c> and <c>GET /api/content/{id}</c>.</summary>
internal static class ContentReadEndpoints
{
    public const int MaxPageSize = 100;

    /// <summary>Longer free text is refused; of what is accepted the search planner reads the first 100 characters (10 words).</summary>
    public const int MaxQueryLength = 200;

    private const string JsonType = "application/json; charset=utf-8";

    /// <summary>The content list's paging: twenty a page unless asked, at most <see cref="MaxPageSize"/>.</summary>
    internal sealed class PageLimits : IPagedList
    {
        public static int DefaultPageSize => 20;

        public static int MaxPageSize => ContentReadEndpoints.MaxPageSize;
    }

    private static readonly HashSet<string> Known = new(StringComparer.OrdinalIgnoreCase) { "q", "type", "column", "tag", "from", "to", "sort", "page", "pageSize" };

    public static IEndpointRouteBuilder MapContentReads(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/content").WithTags("Content");
        api.MapGet("/", List).WithName("ListContent").CachePage().Produces<PageAnswer<ContentView>>()
            .WithSummary("已发布内容列表（可按全文关键词 q、类型、栏目、标签、日期筛选，分页）")
            .WithDescription("q：全文关键词（中文分词，最长 200 字），与其他筛选条件同时满足；total 为全部匹配的已发布内容数。搜索索引建立期间带 q 的请求返回 503。");
        api.MapGet("/by-path", GetByPath).WithName("GetContentByPath").CachePage().Produces<ContentView>().WithSummary("按网址路径取一篇已发布内容（?path=news/2024/slug）");
        api.MapGet("/{id}", Get).WithName("GetContent").CachePage().Produces<ContentView>().WithSummary("一篇已发布内容");
        routes.MapGet("/api/news", News).WithTags("Content").WithName("ListNews").CachePage().Produces<PageAnswer<ContentView>>()
            .WithSummary("已发布新闻列表：与 /api/content?type=News 相同（可按 q、栏目、标签、日期筛选，分页）");
        return routes;
    }

    /// <summary>The typed read of news: the content list with its type fixed.</summary>
    private static Task<IResult> News(HttpContext http, [AsParameters] Paging<PageLimits> paging, [AsParameters] DateRange dates, [AsParameters] ContentFilters filters, SiteDefinitionStore definitions, ContentQueries queries, ContentViewFactory views, SearchService search, PublicReadCache cache, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        if (http.Request.Query.ContainsKey("type"))
        {
            return Task.FromResult(ApiProblems.BadParameter("type", "/api/news 只列新闻；其他类型请用 /api/content?type=…"));
        }

        return ListAsync(http, new() { Type = "News" }, new(paging, dates, filters), definitions, queries, views, search, cache, json, cancellationToken);
    }

    private static Task<IResult> List(HttpContext http, [AsParameters] Paging<PageLimits> paging, [AsParameters] DateRange dates, [AsParameters] ContentFilters filters, [AsParameters] ContentTypeFilter type, SiteDefinitionStore definitions, ContentQueries queries, ContentViewFactory views, SearchService search, PublicReadCache cache, IOptions<JsonOptions> json, CancellationToken cancellationToken) =>
        ListAsync(http, type, new(paging, dates, filters), definitions, queries, views, search, cache, json, cancellationToken);

    /// <summary>What a content list binds besides its type, kept together so the two lists pass them on as one.</summary>
    private sealed record ListRequest(Paging<PageLimits> Paging, DateRange Dates, ContentFilters Filters);

    private static async Task<IResult> ListAsync(HttpContext http, ContentTypeFilter typeFilter, ListRequest list, SiteDefinitionStore definitions, ContentQueries queries, ContentViewFactory views, SearchService search, PublicReadCache cache, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        var (paging, dates, filters) = list;
        var query = http.Request.Query;
        if (query.Keys.FirstOrDefault(k => !Known.Contains(k)) is { } unknown)
        {
            return ApiProblems.BadParameter(unknown, ApiProblems.UnknownParameter(unknown, Known));
        }

        var text = filters.Q;
        if (text?.Length > MaxQueryLength)
        {
            return ApiProblems.BadParameter("q", $"q 最长 {MaxQueryLength} 个字符");
        }

        var site = definitions.Current;
        var type = typeFilter.Type;
        if (type is not null && site.FindType(type) is null)
        {
            return ApiProblems.BadParameter("type", $"未知的内容类型“{type}”。可用：{string.Join(", ", site.Types.Select(t => t.Name))}");
        }

        if (!QueryFilter.TryCheckLengths<ContentFilters>(out var lengthError, ("tag", filters.Tag)))
        {
            return ApiProblems.BadParameter(lengthError.Parameter, lengthError.Detail);
        }

        var column = filters.Column;
        if (column is not null)
        {
            if (site.FindColumn(column) is not { } found)
            {
                return ApiProblems.BadParameter("column", $"未知的栏目“{column}”");
            }

            column = found.Name;
        }

        if (!paging.TryRead(out var page, out var pageSize, out var pagingError))
        {
            return ApiProblems.BadParameter(pagingError.Parameter, pagingError.Detail);
        }

        if (!dates.TryRead(out var from, out var to, out var datesError))
        {
            return ApiProblems.BadParameter(datesError.Parameter, datesError.Detail);
        }

        ContentSort sort;
        switch (filters.Sort?.ToLowerInvariant())
        {
            case null or "" or "newest" or "-published": sort = ContentSort.Newest; break;
            case "oldest" or "published": sort = ContentSort.Oldest; break;
            case "title": sort = ContentSort.Title; break;
            case "modified" or "-modified": sort = ContentSort.Modified; break;
            default: return ApiProblems.BadParameter("sort", "sort 可为 newest、oldest、title、modified");
        }

        // Full text last, once every other parameter is known to be good.
        IReadOnlySet<string>? matching = null;
        if (!string.IsNullOrWhiteSpace(text))
        {
            // The index follows commits a moment later, so full-text answers are not stored in the page cache.
            PageCache.DoNotStore(http);
            await search.WhenReadyAsync(cancellationToken);
            if (!search.TryMatchPublished(text, out matching))
            {
                http.Response.Headers.RetryAfter = "5";
                return SearchEndpoints.NotReady();
            }
        }

        var contentQuery = new ContentQuery
        {
            ContentType = site.FindType(type ?? "")?.Name,
            Column = column,
            Tag = filters.Tag,
            FromUtc = from,
            ToUtc = to,
            Ids = matching,
            Sort = sort,
            Page = page,
            PageSize = pageSize,
        };
        PageCache.Tag(http, PageCache.ListsTag);
        if (matching is not null)
        {
            return Results.Bytes(await ListJsonAsync(contentQuery, queries, views, json.Value.SerializerOptions, cancellationToken), JsonType);
        }

        // Without full text the answer is the same for every reader until the next publication, which empties
        // the read cache: kept as its JSON bytes, so a request that misses the page cache costs no query,
        // no projection and no serialisation.
        var key = ("api-content", site, contentQuery.ContentType, column, contentQuery.Tag, from, to, sort, page, pageSize);
        var bytes = await cache.GetOrLoadAsync(key, ct => ListJsonAsync(contentQuery, queries, views, json.Value.SerializerOptions, ct), cancellationToken: cancellationToken);
        return Results.Bytes(bytes, JsonType);
    }

    private static async Task<byte[]> ListJsonAsync(ContentQuery query, ContentQueries queries, ContentViewFactory views, System.Text.Json.JsonSerializerOptions options, CancellationToken cancellationToken)
    {
        var result = await queries.ListAsync(query, cancellationToken);
        return System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(
            new PageAnswer<ContentView>(result.Total, result.PageNumber, result.PageSize, [.. result.Items.Select(e => views.Create(e, includeBody: false))]),
            options);
    }

    private static async Task<IResult> Get(string id, HttpContext http, ContentQueries queries, ContentViewFactory views, CancellationToken cancellationToken)
    {
        if (!ContentIds.IsValid(id) || await queries.GetAsync(id, cancellationToken) is not { } entry)
        {
            return ApiProblems.NotFound();
        }

        return Detail(entry, http, views);
    }

    /// <summary>Old paths of a retitled item still find it, as the pages do.</summary>
    private static async Task<IResult> GetByPath([AsParameters] ContentPathQuery query, HttpContext http, ContentQueries queries, ContentViewFactory views, CancellationToken cancellationToken)
    {
        var path = query.Path;
        if (string.IsNullOrWhiteSpace(path) || path.Length > ContentPathQuery.MaxLength)
        {
            return ApiProblems.BadParameter("path", "需要内容的网址路径，例如 news/2024/zhengxie-gongzuo");
        }

        var clean = path.Trim().Trim('/');
        var (entry, redirect) = await queries.FindByPathAsync(clean, cancellationToken);
        if (entry is null && redirect is not null)
        {
            (entry, _) = await queries.FindByPathAsync(redirect.TrimStart('/'), cancellationToken);
        }

        return entry is null ? ApiProblems.NotFound() : Detail(entry, http, views);
    }

    private static IResult Detail(PublishedEntry entry, HttpContext http, ContentViewFactory views)
    {
        PageCache.Tag(http, PageCache.ItemTag(entry.Item.Id));
        var etag = new EntityTagHeaderValue($"\"{entry.Item.Id}-{entry.Version.Number}-{entry.Version.ContentHash[..12]}\"");
        http.Response.Headers.ETag = etag.ToString();
        http.Response.Headers.CacheControl = "public, max-age=0, must-revalidate";
        if (http.Request.GetTypedHeaders().IfNoneMatch is { Count: > 0 } match && match.Any(m => m.Compare(etag, useStrongComparison: false) || m.Equals(EntityTagHeaderValue.Any)))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        return Results.Ok(views.Create(entry));
    }
}
