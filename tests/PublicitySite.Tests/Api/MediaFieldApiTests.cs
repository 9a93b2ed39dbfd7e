using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublicitySite.Contents;
using PublicitySite.Media;
using PublicitySite.Storage;
using PublicitySite.Tests.Infrastructure;
using PublicitySite.Tests.Media;
using PublicitySite.Tests.Workflow;
using PublicitySite.Workflow;

namespace PublicitySite.Tests.Api;

/// <summary>The write API holds Media fields to the editor's rule: a new value names a library file of the field's kind.</summary>
public sealed class MediaFieldApiTests : IClassFixture<BlankSiteFixture>
{
    private readonly TestSite site;

    public MediaFieldApiTests(BlankSiteFixture fixture) => site = fixture.Site;

    [Fact]
    public async Task A_library_image_given_by_id_or_address_is_stored_as_the_bare_id()
    {
        var editor = await site.ClientAsync("media-api-editor", "Editor");
        var image = await UploadAsync(SampleFiles.Png(), "cover.png");

        var byId = await editor.PostAsJsonAsync("/api/content", WithCover(Editorial.News("接口封面按编号"), image));
        var byAddress = await editor.PostAsJsonAsync("/api/content", WithCover(Editorial.News("接口封面按地址"), $"/media/{image}"));

        Assert.Equal(HttpStatusCode.Created, byId.StatusCode);
        Assert.Equal(HttpStatusCode.Created, byAddress.StatusCode);
        Assert.Equal(image, await CoverOfLatestAsync((await byId.JsonAsync())["id"]!.ToString()));
        Assert.Equal(image, await CoverOfLatestAsync((await byAddress.JsonAsync())["id"]!.ToString()));
    }

    [Fact]
    public async Task An_unknown_id_is_refused_with_400_naming_the_field_and_nothing_is_saved()
    {
        var editor = await site.ClientAsync("media-api-editor-2", "Editor");

        var response = await editor.PostAsJsonAsync("/api/content", WithCover(Editorial.News("接口封面不存在"), "zzzzzzzzzzzz"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("封面图：媒体库中没有编号为“zzzzzzzzzzzz”的文件", (await response.JsonAsync())["detail"]!.ToString());
        Assert.False(await AnyVersionTitledAsync("接口封面不存在"));
    }

    [Fact]
    public async Task A_pdf_in_an_image_field_is_refused_and_an_image_in_a_document_field_too()
    {
        var admin = await site.ClientAsync("media-api-admin", "Administrator");
        var pdf = await UploadAsync(SampleFiles.Pdf(), "report.pdf");
        var image = await UploadAsync(SampleFiles.Jpeg(), "photo.jpg");

        var pdfCover = await admin.PostAsJsonAsync("/api/content", WithCover(Editorial.News("接口封面是文档"), pdf));
        var collection = new JsonObject { ["type"] = "LiteratureCollection", ["title"] = "接口文史辑", ["number"] = 91, ["pdf"] = image };
        var imageAsPdf = await admin.PostAsJsonAsync("/api/content", collection);

        Assert.Equal(HttpStatusCode.BadRequest, pdfCover.StatusCode);
        Assert.Contains("封面图：所选文件“report.pdf”不是图片", (await pdfCover.JsonAsync())["detail"]!.ToString());
        Assert.Equal(HttpStatusCode.BadRequest, imageAsPdf.StatusCode);
        Assert.Contains("印刷版 PDF：应选择 PDF 文档", (await imageAsPdf.JsonAsync())["detail"]!.ToString());
        Assert.False(await AnyVersionTitledAsync("接口封面是文档"));
        Assert.False(await AnyVersionTitledAsync("接口文史辑"));
    }

    [Fact]
    public async Task An_item_whose_cover_is_an_old_address_still_saves_when_the_cover_is_not_changed()
    {
        var editor = await site.ClientAsync("media-api-editor-3", "Editor");
        var id = await ImportedWithCoverAsync("旧封面的新闻", "/uploads/2019/old-cover.jpg");

        var unchanged = await PutAsync(editor, id, 1, WithCover(Editorial.News("旧封面的新闻（修订）"), "/uploads/2019/old-cover.jpg"));
        Assert.Equal(HttpStatusCode.OK, unchanged.StatusCode);
        Assert.Equal("/uploads/2019/old-cover.jpg", await CoverOfLatestAsync(id));

        var changed = await PutAsync(editor, id, 2, WithCover(Editorial.News("旧封面换成不存在的图"), "/uploads/2024/new-cover.jpg"));
        Assert.Equal(HttpStatusCode.BadRequest, changed.StatusCode);
        Assert.Contains("封面图", (await changed.JsonAsync())["detail"]!.ToString());
        Assert.False(await AnyVersionTitledAsync("旧封面换成不存在的图"));
    }

    [Fact]
    public async Task Restoring_a_version_brings_back_its_old_address_cover()
    {
        var editor = await site.ClientAsync("media-api-editor-4", "Editor");
        var id = await ImportedWithCoverAsync("恢复旧封面的新闻", "/uploads/2018/first-cover.jpg");
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(editor, id, 1, Editorial.News("去掉封面的修订"))).StatusCode);

        using var restore = new HttpRequestMessage(HttpMethod.Post, $"/api/content/{id}/restore") { Content = JsonContent.Create(new { from = 1 }) };
        restore.Headers.IfMatch.Add(new("\"2\""));
        var restored = await editor.SendAsync(restore);

        Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
        Assert.Equal("/uploads/2018/first-cover.jpg", await CoverOfLatestAsync(id));
    }

    private static JsonObject WithCover(JsonObject news, string cover)
    {
        news["cover"] = cover;
        return news;
    }

    private static async Task<HttpResponseMessage> PutAsync(HttpClient client, string id, int version, JsonObject body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/content/{id}") { Content = JsonContent.Create(body) };
        request.Headers.IfMatch.Add(new($"\"{version}\""));
        return await client.SendAsync(request);
    }

    private async Task<string> UploadAsync(byte[] file, string name)
    {
        await using var scope = site.Services.CreateAsyncScope();
        using var content = new MemoryStream(file);
        var result = await scope.ServiceProvider.GetRequiredService<MediaUploader>().UploadAsync(new Actor("media-api-editor", "Editor"), content, new MediaUpload(name, "说明"));
        Assert.NotNull(result.Value);
        return result.Value.Id;
    }

    /// <summary>An item brought in by the importer, which keeps whatever address the old site used.</summary>
    private async Task<string> ImportedWithCoverAsync(string title, string cover)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var content = scope.ServiceProvider.GetRequiredService<ContentManager>();
        var result = await content.CreateAsync("News", WithCover(Editorial.News(title), cover), "media-api-editor-3");
        Assert.True(result.Succeeded, result.Failure?.Detail);
        return result.Value!.ContentItemId;
    }

    private async Task<string?> CoverOfLatestAsync(string id)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var latest = await db.ContentItemVersions.SingleAsync(v => v.ContentItemId == id && v.Latest);
        return ContentData.GetString(ContentData.Parse(latest.Data), "CoverPart", "Cover");
    }

    private async Task<bool> AnyVersionTitledAsync(string title)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().ContentItemVersions.AnyAsync(v => v.Title == title);
    }
}
