using PublicitySite.Contents;
using PublicitySite.Literature;
using PublicitySite.Web.Api;

namespace PublicitySite.Web.Literature;

/// <summary>
/// <c>GET /api/literature/collections</c>, <c>GET /api/literature/collections/{id}</c> (with its articles in
/// contents order) and <c>GET /api/literature/articles/{id}</c> (full text, with its citation URL).
/// </summary>
internal static class LiteratureApi
{
    private const string MissingVolume = "该辑不存在或尚未发布";

    /// <summary>The volume whose contents <c>/api/literature/articles</c> lists.</summary>
    internal sealed record ArticlesQuery : IQueryFilters
    {
        [Microsoft.AspNetCore.Mvc.FromQuery(Name = "collection")]
        public string? Collection { get; init; }

        public static IReadOnlyList<QueryFilter> Described { get; } =
        [
            new("collection", "辑的 id（见 /api/literature/collections）") { Required = true },
        ];
    }

    public static IEndpointRouteBuilder MapLiteratureApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/literature").WithTags("Literature");
        api.MapGet("/collections", Collections).WithName("ListLiteratureCollections").Produces<LiteratureListAnswer<CollectionAnswer>>().WithSummary("文史资料各辑（按辑号排序）");
        api.MapGet("/collections/{id}", Collection).WithName("GetLiteratureCollection").Produces<CollectionDetailAnswer>().WithSummary("一辑的信息与目录");
        api.MapGet("/articles", Articles).WithName("ListLiteratureArticles").Produces<LiteratureListAnswer<ArticleAnswer>>().WithSummary("文史资料文章目录（可按辑筛选，按篇序排列）");
        api.MapGet("/articles/{id}", Article).WithName("GetLiteratureArticle").Produces<ArticleDetailAnswer>().WithSummary("一篇文史资料全文与引用链接");
        return routes;
    }

    private static async Task<IResult> Collections(HttpContext http, LiteratureCatalog catalog, CancellationToken cancellationToken)
    {
        if (http.Request.Query.Keys.FirstOrDefault() is { } unknown)
        {
            return ApiProblems.BadParameter(unknown, $"不支持的参数“{unknown}”：本接口不带参数，返回全部已发布的辑");
        }

        var collections = await catalog.CollectionsAsync(cancellationToken);
        return Results.Ok(new LiteratureListAnswer<CollectionAnswer>(collections.Count, [.. collections.Select(Item)]));
    }

    private static async Task<IResult> Collection(string id, LiteratureCatalog catalog, ContentQueries queries, ContentViewFactory views, CancellationToken cancellationToken)
    {
        if (!ContentIds.IsValid(id) || await catalog.CollectionAsync(id, cancellationToken) is not { } collection || await queries.GetAsync(id, cancellationToken) is not { } entry)
        {
            return ApiProblems.NotFound(MissingVolume);
        }

        var view = views.Create(entry);
        var articles = await catalog.ContentsAsync(id, cancellationToken);
        return Results.Ok(new CollectionDetailAnswer(Item(collection), view.BodyHtml, [.. articles.Select(ArticleItem)]));
    }

    private static async Task<IResult> Articles(HttpContext http, [AsParameters] ArticlesQuery query, LiteratureCatalog catalog, CancellationToken cancellationToken)
    {
        if (http.Request.Query.Keys.FirstOrDefault(k => k is not "collection") is { } unknown)
        {
            return ApiProblems.BadParameter(unknown, ApiProblems.UnknownParameter(unknown, ["collection"]));
        }

        var collection = query.Collection;
        if (string.IsNullOrWhiteSpace(collection))
        {
            return ApiProblems.BadParameter("collection", "请用 collection 指定辑的 id（见 /api/literature/collections）");
        }

        if (!ContentIds.IsValid(collection) || await catalog.CollectionAsync(collection, cancellationToken) is null)
        {
            return ApiProblems.NotFound(MissingVolume);
        }

        var articles = await catalog.ContentsAsync(collection, cancellationToken);
        return Results.Ok(new LiteratureListAnswer<ArticleAnswer>(articles.Count, [.. articles.Select(ArticleItem)]));
    }

    private static ArticleAnswer ArticleItem(LiteratureArticleEntry a) =>
        new(a.ContentItemId, a.Title, a.Path, a.CollectionId, a.Order, a.Pages, a.Credits, a.Period, a.Place);

    private static async Task<IResult> Article(string id, ContentQueries queries, ContentViewFactory views, CancellationToken cancellationToken)
    {
        if (!ContentIds.IsValid(id) || await queries.GetAsync(id, cancellationToken) is not { } entry || entry.Version.ContentType != LiteratureIndexer.ArticleType)
        {
            return ApiProblems.NotFound("文章不存在或尚未发布");
        }

        var view = views.Create(entry);
        return Results.Ok(new ArticleDetailAnswer(view, LiteratureCatalog.CitationUrl(id, entry.Version.Number), entry.Version.ContentHash));
    }

    private static CollectionAnswer Item(CollectionSummary c) => new(
        c.Id,
        c.Title,
        c.Url,
        c.Number,
        c.Year,
        c.Topic,
        c.Editor,
        PublicitySite.Web.Members.MemberPages.MediaUrl(c.Cover),
        PublicitySite.Web.Members.MemberPages.MediaUrl(c.Pdf),
        c.Summary,
        c.ArticleCount,
        c.Sample);
}
