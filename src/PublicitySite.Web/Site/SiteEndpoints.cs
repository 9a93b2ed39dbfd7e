using Microsoft.AspNetCore.Http.HttpResults;
using PublicitySite.Contents;
using PublicitySite.Contents.Definitions;

namespace PublicitySite.Web.Site;

/// <summary>The public pages: home, column lists, and every published item at its own path.</summary>
public static class SiteEndpoints
{
    public const int ColumnPageSize = 20;

    public static IServiceCollection AddSite(this IServiceCollection services)
    {
        services.AddSingleton<ThemeRenderer>();
        return services;
    }

    public static IEndpointRouteBuilder MapSite(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/", Home);
        routes.MapGet("/column/{key}", Column);
        routes.MapGet("/{**path}", Item);
        return routes;
    }

    private static async Task<IResult> Home(ThemeRenderer theme, SiteDefinitionStore definitions, ContentQueries queries, CancellationToken cancellationToken)
    {
        var site = definitions.Current;
        var blocks = new List<object>();
        foreach (var column in site.Columns.Where(c => c.OnHome).OrderBy(c => c.Order))
        {
            var page = await queries.ListAsync(new ContentQuery { ContentType = column.ContentType, Column = column.Name, PageSize = 7 }, cancellationToken);
            blocks.Add(new { column.Name, Url = "/column/" + column.Key, Items = page.Items.Select(e => EntryModel.From(e)).ToList() });
        }

        var model = SiteModel.From(site);
        return Html(await theme.RenderPageAsync("home", new { Blocks = blocks }, new LayoutModel(model, model.Name)));
    }

    private static async Task<IResult> Column(string key, int? page, ThemeRenderer theme, SiteDefinitionStore definitions, ContentQueries queries, CancellationToken cancellationToken)
    {
        var site = definitions.Current;
        if (site.FindColumn(key) is not { } column)
        {
            return await NotFound(theme, site);
        }

        var number = Math.Max(1, page ?? 1);
        var list = await queries.ListAsync(new ContentQuery { ContentType = column.ContentType, Column = column.Name, Page = number, PageSize = ColumnPageSize }, cancellationToken);
        var model = new
        {
            column.Name,
            column.Description,
            Items = list.Items.Select(e => EntryModel.From(e)).ToList(),
            Page = number,
            list.PageCount,
            Previous = number > 1 ? $"/column/{column.Key}?page={number - 1}" : null,
            Next = number < list.PageCount ? $"/column/{column.Key}?page={number + 1}" : null,
        };
        var siteModel = SiteModel.From(site);
        return Html(await theme.RenderPageAsync("column", model, new LayoutModel(siteModel, $"{column.Name} - {siteModel.Name}", column.Name)));
    }

    private static async Task<IResult> Item(string path, ThemeRenderer theme, SiteDefinitionStore definitions, ContentQueries queries, ContentViewFactory views, CancellationToken cancellationToken)
    {
        var site = definitions.Current;
        var (entry, redirect) = await queries.FindByPathAsync(path.TrimEnd('/'), cancellationToken);
        if (redirect is not null)
        {
            return Results.Redirect(redirect, permanent: true);
        }

        if (entry is null)
        {
            return await NotFound(theme, site);
        }

        var view = views.Create(entry);
        var (previous, next) = await queries.NeighboursAsync(entry, cancellationToken);
        var siteModel = SiteModel.From(site);
        var layout = new LayoutModel(siteModel, $"{view.Title} - {siteModel.Name}", view.Column, view.Summary)
        {
            ArticleTitle = view.Title,
            PubDate = view.PublishedUtc,
            ContentSource = view.Source,
            Canonical = view.Url,
        };
        var model = new
        {
            Item = view,
            Previous = previous is null ? null : EntryModel.From(previous),
            Next = next is null ? null : EntryModel.From(next),
            ColumnUrl = view.Column is { } name && site.FindColumn(name) is { } column ? "/column/" + column.Key : null,
        };
        return Html(await theme.RenderPageAsync("content", model, layout));
    }

    private static async Task<IResult> NotFound(ThemeRenderer theme, SiteDefinition site)
    {
        var siteModel = SiteModel.From(site);
        var html = await theme.RenderPageAsync("notfound", new { }, new LayoutModel(siteModel, $"页面不存在 - {siteModel.Name}"));
        return Results.Content(html, "text/html; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
    }

    private static ContentHttpResult Html(string html) => TypedResults.Content(html, "text/html; charset=utf-8");
}
