using Microsoft.AspNetCore.Antiforgery;
using PublicitySite.RichText;
using PublicitySite.Web.Auth;

namespace PublicitySite.Web.Admin;

/// <summary>
/// <c>POST /admin/content/preview</c>: the body the editor's script posts while the author types, rendered as the
/// site will show it. An endpoint of its own rather than a page handler: a page loads and saves TempData, and a
/// preview answered after a save would delete the save's message on its way to the next page.
/// </summary>
internal static class LivePreviewEndpoint
{
    public static IEndpointRouteBuilder MapLivePreview(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/admin/content/preview", async (HttpContext http, IAntiforgery antiforgery, BodyRenderer bodies) =>
        {
            try
            {
                await antiforgery.ValidateRequestAsync(http);
            }
            catch (AntiforgeryValidationException)
            {
                return Results.Text("页面已过期，请刷新后再试", "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
            }

            var html = Render(await http.Request.ReadFormAsync(http.RequestAborted), bodies);
            http.Response.Headers.CacheControl = "no-store";
            return Results.Content(html, "text/html; charset=utf-8");
        })
        .RequireAuthorization(new Microsoft.AspNetCore.Authorization.AuthorizeAttribute { AuthenticationSchemes = AuthSchemes.Admin })
        .DisableAntiforgery() // checked above, with a Chinese answer
        .ExcludeFromDescription();
        return routes;
    }

    /// <summary>The editor form's body (rich HTML, else Markdown) as the site will show it; also the page's no-script 预览正文.</summary>
    public static string Render(IFormCollection form, BodyRenderer bodies)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(bodies);
        return form.ContainsKey("f." + RichBody.BodyHtmlField)
            ? bodies.ToHtml(new RichBody(RichBody.Html, RichHtml.Clean(form["f." + RichBody.BodyHtmlField].ToString())))
            : bodies.ToHtml(new RichBody(RichBody.Markdown, form["f.Markdown"].ToString()));
    }
}
