using PublicitySite.Web.Admin.Editor;
using PublicitySite.Web.Api;

namespace PublicitySite.Web.Admin;

internal static class EditorialExtensions
{
    /// <summary>The write API, user management API and the admin pages.</summary>
    public static IEndpointRouteBuilder MapEditorial(this IEndpointRouteBuilder routes)
    {
        routes.MapContentWrites();
        routes.MapUserWrites();
        routes.MapPreviewLinks();
        routes.MapLivePreview();
        routes.MapRichEditorAssets();
        routes.MapAdminPages();      // built on the first request under /admin
        routes.MapGet("/admin/denied", () => Results.Redirect("/admin")).ExcludeFromDescription();
        return routes;
    }
}
