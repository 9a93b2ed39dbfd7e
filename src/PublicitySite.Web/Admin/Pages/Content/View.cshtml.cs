using Microsoft.AspNetCore.Mvc;
using PublicitySite.Contents.Definitions;
using PublicitySite.Workflow;

namespace PublicitySite.Web.Admin.Pages.Content;

/// <summary>Any version exactly as the public page would show it, for users who may see drafts of the item.</summary>
public sealed class ViewModel(WorkflowQueries queries, PreviewRenderer renderer) : AdminPage
{
    public async Task<IActionResult> OnGetAsync(string id, int number, CancellationToken cancellationToken)
    {
        var work = await queries.GetAsync(id, cancellationToken);
        var version = work is null ? null : await queries.VersionAsync(id, number, cancellationToken);
        if (work is null || version is null)
        {
            return NotFound();
        }

        var stages = Policy.StagesOf(work.Item.ContentType);
        var reviewer = work.Review is { Stage: >= 0 } r && Policy.CannotActAtStage(Me, work.Item.ContentType, work.Latest.Column, Math.Min(r.Stage, stages.Count - 1)) is null;
        if (!Policy.Has(Me, Permissions.ViewDrafts, work.Item.ContentType, version.Column) && !Policy.CanEdit(Me, work.Item, version.Column) && !reviewer)
        {
            return Forbidden("您无权预览此内容");
        }

        PreviewEndpoints.Headers(HttpContext);
        var html = await renderer.RenderAsync(HttpContext, work.Item, version, version.Published ? "内部预览（此版本即网站上的版本）" : "预览：此版本尚未发布，网站上还看不到");

        // The review screen shows this page in a frame of its own origin; set after rendering, which may issue a nonce.
        Response.Headers["X-Frame-Options"] = "SAMEORIGIN";
        var nonce = Security.ContentSecurityPolicy.IssuedNonce(HttpContext);
        Response.Headers.ContentSecurityPolicy = Security.ContentSecurityPolicy.Build(nonce is null ? null : "'nonce-" + nonce + "'", frameAncestors: "'self'");
        return Content(html, "text/html; charset=utf-8");
    }
}
