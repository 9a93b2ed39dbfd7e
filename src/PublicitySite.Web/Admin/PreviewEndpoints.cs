using Microsoft.EntityFrameworkCore;
using PublicitySite.Storage;
using PublicitySite.Workflow;

namespace PublicitySite.Web.Admin;

/// <summary><c>GET /preview/{token}</c>: the version a preview link names, for someone without an account.</summary>
internal static class PreviewEndpoints
{
    public static IEndpointRouteBuilder MapPreviewLinks(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/preview/{token}", async (string token, HttpContext http, PreviewLinks links, AppDbContext db, PreviewRenderer renderer, CancellationToken cancellationToken) =>
        {
            Headers(http);
            var link = await links.ValidateAsync(token, cancellationToken);
            var item = link is null ? null : await db.ContentItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == link.ContentItemId && !i.Deleted, cancellationToken);
            var version = item is null ? null : await db.ContentItemVersions.AsNoTracking().FirstOrDefaultAsync(v => v.ContentItemId == item.Id && v.Number == link!.VersionNumber, cancellationToken);
            if (item is null || version is null)
            {
                return Results.Content(
                    "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"robots\" content=\"noindex\"><title>预览链接无效</title></head><body><main><h1>预览链接无效</h1><p>该预览链接不存在、已过期或已被撤销，请联系发送链接的工作人员。</p></main></body></html>",
                    "text/html; charset=utf-8",
                    statusCode: StatusCodes.Status404NotFound);
            }

            var html = await renderer.RenderAsync(http, item, version, $"审阅预览（有效期至 {PublicitySite.Contents.SiteTime.ToLocal(link!.ExpiresUtc):yyyy-MM-dd HH:mm}），尚未发布，请勿转发");
            return Results.Content(html, "text/html; charset=utf-8");
        }).ExcludeFromDescription();
        return routes;
    }

    /// <summary>Previews are never cached, indexed, or shown inside another site's frame.</summary>
    public static void Headers(HttpContext http)
    {
        http.Response.Headers.CacheControl = "no-store, private";
        http.Response.Headers["X-Robots-Tag"] = "noindex, nofollow, noarchive";
        http.Response.Headers["Referrer-Policy"] = "no-referrer";
        http.Response.Headers["X-Frame-Options"] = "DENY";
    }
}
