using System.Reflection;
using PublicitySite.Web.Media;

namespace PublicitySite.Web.Admin.Media;

/// <summary>
/// The media library page (<c>/admin/media</c>, picker mode with <c>?picker=1</c>): a self-contained page over
/// the <c>/api/media</c> endpoints. Its files are embedded in the assembly, so it ships with the binaries.
/// </summary>
public static class MediaLibraryPage
{
    private const string ResourcePrefix = "media-admin/";

    private static readonly Dictionary<string, string> Types = new(StringComparer.Ordinal)
    {
        ["media-library.js"] = "text/javascript; charset=utf-8",
        ["media-library.css"] = "text/css; charset=utf-8",
        ["media-field.js"] = "text/javascript; charset=utf-8", // the content editor's Media fields
    };

    public static IEndpointRouteBuilder MapMediaLibraryPage(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/admin/media", (HttpResponse response) =>
            {
                response.Headers.CacheControl = "no-store";
                response.Headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";
                response.Headers.XFrameOptions = "SAMEORIGIN";
                return Results.Stream(Open("media-library.html")!, "text/html; charset=utf-8");
            })
            .RequireAuthorization(MediaFeature.UploadPolicy)
            .ExcludeFromDescription();
        routes.MapGet("/admin/media/assets/{name}", (string name, HttpResponse response) =>
            {
                if (!Types.TryGetValue(name, out var type) || Open(name) is not { } stream)
                {
                    return Results.NotFound();
                }

                response.Headers.CacheControl = "public, max-age=300";
                return Results.Stream(stream, type);
            })
            .ExcludeFromDescription();
        return routes;
    }

    private static Stream? Open(string name) => Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourcePrefix + name);
}
