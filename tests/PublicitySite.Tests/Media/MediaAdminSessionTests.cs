using System.Net;
using System.Text.Json;
using PublicitySite.Tests.Admin;
using PublicitySite.Tests.Infrastructure;

namespace PublicitySite.Tests.Media;

/// <summary>The media policies with the real admin cookie, whose role is read from the database on each request.</summary>
public sealed class MediaAdminSessionTests
{
    [Fact]
    public async Task A_signed_in_editor_uses_the_library_and_uploads_but_only_an_administrator_deletes()
    {
        using var site = new TestSite(seed: false);
        using var editor = await AdminSession.LoginAsync(site, "media-editor", "Editor");
        using var admin = await AdminSession.LoginAsync(site, "media-admin", "Administrator");

        var (libraryStatus, _) = await editor.GetAsync("/admin/media?picker=1");
        var (_, dashboard) = await editor.GetAsync("/admin");
        var upload = await editor.Client.PostAsync(new Uri("/api/media", UriKind.Relative), MediaEndpointsTests.Form(SampleFiles.Png()));
        var id = JsonDocument.Parse(await upload.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();
        var editorDelete = await editor.Client.DeleteAsync(new Uri($"/api/media/{id}", UriKind.Relative));
        var adminDelete = await admin.Client.DeleteAsync(new Uri($"/api/media/{id}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, libraryStatus);
        Assert.Contains("href=\"/admin/media\">媒体库</a>", dashboard);
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, editorDelete.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, adminDelete.StatusCode);
    }
}
