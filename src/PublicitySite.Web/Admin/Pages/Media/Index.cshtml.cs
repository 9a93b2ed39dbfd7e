using Microsoft.AspNetCore.Mvc;
using PublicitySite.Contents.Definitions;

namespace PublicitySite.Web.Admin.Pages.Media;

/// <summary>
/// The media library inside the admin: search, upload with progress, edit, replace, delete and usages, over the
/// <c>/api/media</c> endpoints (script <c>media-library.js</c>). With <c>?picker=1</c> it is the editor's
/// picker window: the same library without the admin menu, with 选用此文件.
/// </summary>
[AdminPermission(Permissions.UploadMedia, Reason = "您无权使用媒体库")]
public sealed class IndexModel : AdminPage
{
    /// <summary><c>?picker=1</c> from the editor's 选择图片 (read from the address, so a refusal is bare in the picker too).</summary>
    public bool Picker => Request.Query["picker"].ToString() is "1" or "true";

    public IActionResult OnGet()
    {
        Response.Headers.CacheControl = "no-store";
        // The picker opens in its own window from the editor, which the library may be framed by too.
        Response.Headers.XFrameOptions = "SAMEORIGIN";
        return Page();
    }
}
