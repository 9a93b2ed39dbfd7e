using System.Reflection;

namespace PublicitySite.Web.Admin.Media;

/// <summary>
/// The media library's script and styles, and the editor's Media-field script, embedded in the assembly so they
/// ship with the binaries. The page itself is the admin page <c>Admin/Pages/Media</c>.
/// </summary>
internal static class MediaLibraryPage
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
