using System.Text.Json.Nodes;
using PublicitySite.Contents;
using PublicitySite.Contents.Definitions;
using PublicitySite.Literature;
using PublicitySite.Web.Members;
using PublicitySite.Web.Site;

namespace PublicitySite.Web.Literature;

/// <summary>
/// Public pages of 文史资料: collections, a collection's contents, the reading view of an article and the
/// citation view of an exact version (<c>/literature/cite/{id}/v{n}</c>).
/// </summary>
internal static class LiteraturePages
{
    public static IEndpointRouteBuilder MapLiterature(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/literature", Collections);
        routes.MapGet("/literature/{slug}", Collection);
        routes.MapGet("/literature/articles/{slug}", Article);
        routes.MapGet("/literature/cite/{id}/v{version:int}", Cited);
        routes.MapLiteratureApi();
        return routes;
    }

    private static async Task<IResult> Collections(ThemeRenderer theme, SiteDefinitionStore definitions, LiteratureCatalog catalog, SitePages pages, HttpContext http, CancellationToken cancellationToken)
    {
        var collections = await catalog.CollectionsAsync(cancellationToken);
        var site = await pages.SiteAsync(http);
        var model = new { Collections = collections.Select(CollectionModel).ToList() };
        return MemberPages.Html(await theme.RenderPageAsync("literature/index", model, SitePages.Layout(http, site, $"文史资料 - {site.Name}", "文史资料", "文史资料各辑目录与全文阅读。")));
    }

    private static async Task<IResult> Collection(string slug, ThemeRenderer theme, SiteDefinitionStore definitions, ContentQueries queries, ContentViewFactory views, LiteratureCatalog catalog, SitePages pages, HttpContext http, CancellationToken cancellationToken)
    {
        var (entry, redirect) = await queries.FindByPathAsync("literature/" + slug, cancellationToken);
        if (redirect is not null)
        {
            return Results.Redirect(redirect, permanent: true);
        }

        if (entry is null || entry.Version.ContentType != LiteratureIndexer.CollectionType || await catalog.CollectionAsync(entry.Item.Id, cancellationToken) is not { } summary)
        {
            return await MemberPages.NotFoundAsync(pages, http);
        }

        var view = views.Create(entry);
        var contents = await catalog.ContentsAsync(entry.Item.Id, cancellationToken);
        var model = new { Collection = CollectionModel(summary), view.BodyHtml, Articles = contents };
        var site = await pages.SiteAsync(http);
        var layout = SitePages.Layout(http, site, $"{summary.Title} - 文史资料 - {site.Name}", "文史资料", summary.Summary) with { ArticleTitle = summary.Title, PubDate = view.PublishedUtc, Canonical = view.Url };
        return MemberPages.Html(await theme.RenderPageAsync("literature/collection", model, layout));
    }

    private static async Task<IResult> Article(string slug, HttpContext http, ThemeRenderer theme, SiteDefinitionStore definitions, ContentQueries queries, ArticleRenderCache renderer, LiteratureCatalog catalog, SitePages pages, CancellationToken cancellationToken)
    {
        var (entry, redirect) = await queries.FindByPathAsync("literature/articles/" + slug, cancellationToken);
        if (redirect is not null)
        {
            return Results.Redirect(redirect, permanent: true);
        }

        if (entry is null || entry.Version.ContentType != LiteratureIndexer.ArticleType)
        {
            return await MemberPages.NotFoundAsync(pages, http);
        }

        return await RenderArticleAsync(entry, null, http, theme, definitions, renderer, catalog, pages, cancellationToken);
    }

    private static async Task<IResult> Cited(string id, int version, HttpContext http, ThemeRenderer theme, SiteDefinitionStore definitions, ArticleRenderCache renderer, LiteratureCatalog catalog, SitePages pages, CancellationToken cancellationToken)
    {
        if (!ContentIds.IsValid(id) || await catalog.CitedAsync(id, version, cancellationToken) is not { } cited)
        {
            return await MemberPages.NotFoundAsync(pages, http);
        }

        return await RenderArticleAsync(cited.Entry, cited, http, theme, definitions, renderer, catalog, pages, cancellationToken);
    }

    private static async Task<IResult> RenderArticleAsync(PublishedEntry entry, CitedVersion? cited, HttpContext http, ThemeRenderer theme, SiteDefinitionStore definitions, ArticleRenderCache renderer, LiteratureCatalog catalog, SitePages pages, CancellationToken cancellationToken)
    {
        var (view, html, headings) = renderer.Get(entry);
        var data = ContentData.Parse(entry.Version.Data);
        var part = view.Parts[LiteratureIndexer.Part] as JsonObject ?? [];
        var collectionId = ContentData.GetList(data, LiteratureIndexer.Part, "Collection") is [var first, ..] ? first : null;
        var collection = collectionId is null ? null : await catalog.CollectionAsync(collectionId, cancellationToken);
        var (previous, next) = await catalog.NeighboursAsync(entry.Item.Id, collection?.Id, cancellationToken);
        var citation = LiteratureCatalog.CitationUrl(entry.Item.Id, entry.Version.Number);
        // The site's own 字号 (大/中/小, ?size= and its cookie), so the choice carries over between 文史 and news.
        var site = await pages.SiteAsync(http);
        var layout = SitePages.Layout(http, site, $"{view.Title} - 文史资料 - {site.Name}", "文史资料", view.Summary) with
        {
            ArticleTitle = view.Title,
            PubDate = view.PublishedUtc,
            ContentSource = collection?.Title,
            Canonical = cited is null ? view.Url : citation,
        };
        var credits = LiteratureIndexer.Credits(data);
        var absolute = $"{http.Request.Scheme}://{http.Request.Host}{citation}";
        var model = new
        {
            Item = view,
            Html = html,
            Headings = headings,
            Credits = credits,
            Period = part["Period"]?.ToString(),
            Place = part["Place"]?.ToString(),
            Topic = part["Topic"]?.ToString(),
            Pages = part["Pages"]?.ToString(),
            Collection = collection is null ? null : CollectionModel(collection),
            Previous = previous,
            Next = next,
            Sizes = ReaderPreferences.Sizes.Select(s => new { s.Key, s.Label, Current = s.Key == layout.Reader.Size }).ToList(),
            CitationUrl = citation,
            CitationAbsolute = absolute,
            CitationText = CitationText(view.Title, credits, collection, part["Pages"]?.ToString(), entry.Version.Number, absolute),
            Cited = cited is null ? null : new { cited.IsCurrent, Version = entry.Version.Number, cited.CurrentVersion, cited.CurrentUrl, Saved = SiteTime.ToLocal(entry.Version.ModifiedUtc) },
        };
        return MemberPages.Html(await theme.RenderPageAsync("literature/article", model, layout));
    }

    /// <summary>A reference in the GB/T 7714 manner: 口述：甲　整理：乙. 标题[M]//第一辑·集名. 编者, 2024: 1-9. 链接（第N版）.</summary>
    private static string CitationText(string title, string credits, CollectionSummary? collection, string? pages, int version, string url)
    {
        var text = (credits.Length > 0 ? credits + ". " : "") + title;
        if (collection is not null)
        {
            text += $"//{collection.Title}. {collection.Editor ?? ""}{(collection.Year is { } y ? $", {y}" : "")}{(string.IsNullOrEmpty(pages) ? "" : ": " + pages)}";
        }

        return $"{text}. {url}（第{version}版）";
    }

    internal static object CollectionModel(CollectionSummary c) => new
    {
        c.Id,
        c.Title,
        c.Url,
        c.Number,
        NumberText = c.Number is { } n ? $"第{PublicitySite.Members.ChineseNumerals.Format(n)}辑" : null,
        c.Year,
        c.Topic,
        c.Editor,
        Cover = MemberPages.MediaUrl(c.Cover),
        CoverAlt = c.CoverAlt ?? $"{c.Title}封面",
        Pdf = MemberPages.MediaUrl(c.Pdf),
        c.Summary,
        c.ArticleCount,
        c.Sample,
    };
}
