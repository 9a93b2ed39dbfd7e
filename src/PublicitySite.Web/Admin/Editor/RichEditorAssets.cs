using System.Reflection;

namespace PublicitySite.Web.Admin.Editor;

/// <summary>
/// Serves the rich-text editor's committed bundle from the assembly (<c>/admin/editor/assets/…</c>): the site
/// never loads editor code from anywhere else, and running it needs no Node.
/// </summary>
internal static class RichEditorAssets
{
    public const string Script = "/admin/editor/assets/rich-editor.js";
    public const string Styles = "/admin/editor/assets/rich-editor.css";
    private const string ResourcePrefix = "rich-editor/";

    private static readonly Dictionary<string, string> Types = new(StringComparer.Ordinal)
    {
        ["rich-editor.js"] = "text/javascript; charset=utf-8",
        ["rich-editor.css"] = "text/css; charset=utf-8",
    };

    public static IEndpointRouteBuilder MapRichEditorAssets(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/admin/editor/assets/{name}", (string name, HttpResponse response) =>
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

    public static Stream? Open(string name) => Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourcePrefix + name);
}
