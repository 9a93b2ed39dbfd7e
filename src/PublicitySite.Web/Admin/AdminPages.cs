using PublicitySite.Web.Site;

namespace PublicitySite.Web.Admin;

/// <summary>
/// The admin's Razor Pages, routed by a pipeline of their own that is built on the first request under /admin.
/// Discovering the pages and building their routes, filters and metadata at start held about 4 MB in every
/// process (bench/Startup), most of which only ever serve readers. Until then one route stands for them all; the
/// site's other /admin routes are more specific and keep answering as before.
/// </summary>
internal static class AdminPages
{
    public static IEndpointRouteBuilder MapAdminPages(this IEndpointRouteBuilder routes)
    {
        // CreateApplicationBuilder gives the branch its own routing: its routes are the pages only.
        var pages = new Lazy<RequestDelegate>(() => Build(routes.CreateApplicationBuilder()));
        routes.Map("/admin/{**rest}", http => RunAsync(http, pages.Value)).WithDisplayName("admin pages").ExcludeFromDescription();
        return routes;
    }

    private static RequestDelegate Build(IApplicationBuilder branch)
    {
        branch.UseRouting();
        branch.UseAuthorization();   // the pages' own policies (AuthorizeFolder), after the page is known
        branch.UseEndpoints(endpoints => endpoints.MapRazorPages());
        branch.Run(NotFoundAsync);
        return branch.Build();
    }

    private static Task RunAsync(HttpContext http, RequestDelegate pages)
    {
        // The stand-in route's endpoint and values would make the branch's routing skip matching.
        http.SetEndpoint(null);
        http.Request.RouteValues = [];
        return pages(http);
    }

    // No page at this address: the site's own 页面不存在, as for any other unknown address.
    private static async Task NotFoundAsync(HttpContext http)
    {
        var result = await http.RequestServices.GetRequiredService<SitePages>().NotFoundAsync(http);
        await result.ExecuteAsync(http);
    }
}
