using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using PublicitySite.Tests.Infrastructure;
using PublicitySite.Users;

namespace PublicitySite.Tests.Media;

/// <summary>The media policies with real API tokens, whose role is read from the database on each request.</summary>
public sealed class MediaTokenUploadTests
{
    private static async Task<string> TokenAsync(TestSite site, string user, string role, params string[] scopes)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var (created, errors) = await scope.ServiceProvider.GetRequiredService<UserService>().AddAsync(user, role, "password-1234", user);
        Assert.True(created is not null, string.Join("; ", errors));
        var (_, secret) = await scope.ServiceProvider.GetRequiredService<TokenService>().CreateAsync(created!, "test", 1, scopes);
        return secret;
    }

    private static async Task<(HttpStatusCode Status, string Body)> SendAsync(TestSite site, string token, HttpMethod method, string url, HttpContent? content = null)
    {
        using var client = site.CreateClient();
        using var request = new HttpRequestMessage(method, new Uri(url, UriKind.Relative)) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static Task<(HttpStatusCode Status, string Body)> UploadAsync(TestSite site, string token) =>
        SendAsync(site, token, HttpMethod.Post, "/api/media", MediaEndpointsTests.Form(SampleFiles.Png()));

    [Fact]
    public async Task A_token_with_the_upload_scope_uploads_and_deletes_only_as_far_as_its_role_allows()
    {
        using var site = new TestSite(seed: false);
        var editor = await TokenAsync(site, "token-editor", "Editor", TokenScopes.UploadMedia);
        var readOnly = await TokenAsync(site, "token-reader", "Editor", TokenScopes.ReadDrafts);
        var admin = await TokenAsync(site, "token-admin", "Administrator", TokenScopes.UploadMedia);

        var (uploaded, body) = await UploadAsync(site, editor);
        var id = System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("id").GetString();
        var (withoutScope, _) = await UploadAsync(site, readOnly);
        var (editorDelete, _) = await SendAsync(site, editor, HttpMethod.Delete, $"/api/media/{id}");
        var (adminDelete, _) = await SendAsync(site, admin, HttpMethod.Delete, $"/api/media/{id}");

        Assert.Equal(HttpStatusCode.Created, uploaded);
        Assert.Equal(HttpStatusCode.Forbidden, withoutScope);
        Assert.Equal(HttpStatusCode.Forbidden, editorDelete);
        Assert.Equal(HttpStatusCode.NoContent, adminDelete);
    }

    [Fact]
    public async Task Word_and_excel_attachments_are_accepted_downloaded_as_files_and_refused_with_macros()
    {
        using var site = new TestSite(seed: false);
        var editor = await TokenAsync(site, "token-office", "Editor", TokenScopes.UploadMedia);

        var (docStatus, docBody) = await SendAsync(site, editor, HttpMethod.Post, "/api/media", MediaEndpointsTests.Form(OfficeSamples.Doc(), "2019年提案目录.doc", alt: null, contentType: "application/octet-stream"));
        var (xlsxStatus, _) = await SendAsync(site, editor, HttpMethod.Post, "/api/media", MediaEndpointsTests.Form(OfficeSamples.Xlsx(), "委员名单.xlsx", alt: null, contentType: "application/vnd.ms-excel"));
        var (macroStatus, macroBody) = await SendAsync(site, editor, HttpMethod.Post, "/api/media", MediaEndpointsTests.Form(OfficeSamples.DocxWithMacros(), "通知.docx", alt: null, contentType: "application/octet-stream"));
        var (listStatus, listBody) = await SendAsync(site, editor, HttpMethod.Get, "/api/media?kind=document");

        Assert.Equal(HttpStatusCode.Created, docStatus);
        Assert.Equal(HttpStatusCode.Created, xlsxStatus);
        Assert.Equal(HttpStatusCode.BadRequest, macroStatus);
        Assert.Contains("宏", macroBody);
        Assert.Equal(HttpStatusCode.OK, listStatus);
        Assert.Contains("2019年提案目录.doc", listBody);
        Assert.Contains("委员名单.xlsx", listBody);

        var doc = System.Text.Json.JsonDocument.Parse(docBody).RootElement;
        Assert.Equal("document", doc.GetProperty("kind").GetString());
        using var client = site.CreateClient();
        using var download = await client.GetAsync(new Uri(doc.GetProperty("url").GetString()!, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/msword", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(OfficeSamples.Doc(), await download.Content.ReadAsByteArrayAsync());
    }
}
