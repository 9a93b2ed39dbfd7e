using PublicitySite.Web.Caching;
using PublicitySite.Web.Feeds;

namespace PublicitySite.Web.Site;

/// <summary>The public pages: home, column lists, directories, and every published item at its own path.</summary>
internal static class SiteEndpoints
{
    public static IEndpointRouteBuilder MapSite(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/", HomePage.RenderAsync).CachePage();
        routes.MapGet("/column/{key}", ListPages.ColumnAsync).CachePage();
        routes.MapGet("/sitemap", SitemapPage.RenderAsync).CachePage();
        routes.MapGet("/zhuanti", TopicPages.IndexAsync).CachePage();
        routes.MapGet("/leave", LeavePage.RenderAsync);
        routes.MapFeeds();
        routes.MapGet("/share/qr.png", QrCodes.Render).CachePage();

        // nonfile: paths ending in a file name (theme assets, media) are left to the static file middleware,
        // which serves nothing once an endpoint has matched.
        routes.MapGet("/{**path:nonfile}", ItemPage.RenderAsync).CachePage().WithOrder(2);
        return routes;
    }

    private static RouteHandlerBuilder WithOrder(this RouteHandlerBuilder builder, int order)
    {
        builder.Add(endpoint => ((RouteEndpointBuilder)endpoint).Order = order);
        return builder;
    }
}
