using System.Net;
using PublicitySite.Users;

namespace PublicitySite.Tests.Media;

/// <summary>The self-contained media library page and its script.</summary>
public sealed class MediaLibraryPageTests
{
    [Fact]
    public async Task The_library_page_is_for_editors_and_its_script_calls_the_media_api()
    {
        using var site = new MediaSite();

        var page = await (await site.ClientAsync(role: "Editor")).GetAsync("/admin/media?picker=1");
        var reader = await (await site.ClientAsync(role: "Editor", user: "reader1", TokenScopes.ReadDrafts)).GetAsync("/admin/media");
        var script = await (await site.ClientAsync(role: null)).GetAsync("/admin/media/assets/media-library.js");
        var other = await (await site.ClientAsync(role: null)).GetAsync("/admin/media/assets/..%2F..%2Fappsettings.json");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"zh-CN\">", html);
        Assert.Contains("媒体库", html);
        Assert.Contains("替代文字", html);
        Assert.DoesNotContain("<script>", html); // script comes from a file, so the page's CSP can forbid inline code
        Assert.Contains("default-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal(HttpStatusCode.Forbidden, reader.StatusCode);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType!.MediaType);
        var js = await script.Content.ReadAsStringAsync();
        Assert.Contains("/api/media", js);
        Assert.Contains("media-picked", js);
        Assert.Contains("upload.addEventListener('progress'", js);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }
}
