using System.Net;
using PublicitySite.Tests.Admin;
using PublicitySite.Tests.Infrastructure;

namespace PublicitySite.Tests.Media;

/// <summary>The media library page inside the admin layout, its picker window, and its script.</summary>
public sealed class MediaLibraryPageTests
{
    [Fact]
    public async Task The_library_is_an_admin_page_its_picker_has_no_menu_and_its_script_calls_the_media_api()
    {
        using var site = new TestSite(seed: false);
        using var editor = await AdminSession.LoginAsync(site, "library-editor", "Editor");

        var (status, library) = await editor.GetAsync("/admin/media");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<title>媒体库 - 内容管理</title>", library);
        Assert.Contains("aria-label=\"管理菜单\"", library); // inside the admin layout, with its menu
        Assert.Contains("替代文字", library);
        Assert.Contains("/admin/media/assets/media-library.js", library);
        Assert.DoesNotContain("<script>", library); // every inline script carries the page's nonce

        var (pickerStatus, picker) = await editor.GetAsync("/admin/media?picker=1");
        Assert.Equal(HttpStatusCode.OK, pickerStatus);
        Assert.Contains("从媒体库选择文件", picker);
        Assert.DoesNotContain("aria-label=\"管理菜单\"", picker);

        var anonymous = site.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var refused = await anonymous.GetAsync("/admin/media");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/admin/login", refused.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        var script = await anonymous.GetAsync("/admin/media/assets/media-library.js");
        Assert.Equal("text/javascript", script.Content.Headers.ContentType!.MediaType);
        var js = await script.Content.ReadAsStringAsync();
        Assert.Contains("/api/media", js);
        Assert.Contains("media-picked", js);
        Assert.Contains("upload.addEventListener('progress'", js);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/admin/media/assets/..%2F..%2Fappsettings.json")).StatusCode);
    }
}
