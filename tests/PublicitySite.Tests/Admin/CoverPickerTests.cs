using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublicitySite.Contents;
using PublicitySite.Storage;
using PublicitySite.Tests.Infrastructure;
using PublicitySite.Tests.Media;
using PublicitySite.Tests.Site;
using PublicitySite.Tests.Workflow;

namespace PublicitySite.Tests.Admin;

/// <summary>The editor's Media fields: a library id is checked, stored as the id, and shown as a responsive picture.</summary>
public sealed class CoverPickerTests : IClassFixture<BlankSiteFixture>
{
    private readonly TestSite site;

    public CoverPickerTests(BlankSiteFixture fixture) => site = fixture.Site;

    [Fact]
    public async Task A_picked_image_id_is_stored_and_the_published_article_shows_it_with_srcset()
    {
        using var editor = await AdminSession.LoginAsync(site, "cover-editor", "Editor");
        var image = await UploadAsync(editor, SampleFiles.Jpeg(1600, 1000), "cover.jpg", "image/jpeg", "政协全体会议开幕");

        var saved = await editor.PostAsync("/admin/content/edit?handler=Save", News("带封面的新闻", image));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var id = saved.Headers.Location!.OriginalString.Split('/')[^1];
        Assert.Equal(image, await CoverOfLatestAsync(id));

        var (_, editorHtml) = await editor.GetAsync($"/admin/content/edit/{id}");
        Assert.Contains($"value=\"{image}\"", editorHtml);
        Assert.Contains($"src=\"/media/{image}/", editorHtml); // the thumbnail of the chosen image
        Assert.Contains("选择图片", editorHtml);
        Assert.Contains("href=\"/admin/media\"", editorHtml); // the plain path without script
        Assert.Contains("/admin/media/assets/media-field.js", editorHtml);

        var writer = new PublicitySite.Workflow.Actor("cover-editor", "Editor");
        Editorial.Ok(await site.Services.WorkflowAsync(w => w.SubmitAsync(writer, id, null, wordsChecked: true)));
        foreach (var (name, role) in new[] { ("e1", "Editor"), ("r1", "Reviewer"), ("p1", "Publisher") })
        {
            var approver = await site.Services.UserAsync(name, role);
            Editorial.Ok(await site.Services.WorkflowAsync(w => w.ApproveAsync(approver, id, null, null)));
        }

        var reader = SiteContent.Reader(site);
        var api = JsonDocument.Parse(await reader.GetStringAsync(new Uri($"/api/content/{id}", UriKind.Relative))).RootElement;
        var article = await reader.GetStringAsync(new Uri(api.GetProperty("url").GetString()!, UriKind.RelativeOrAbsolute));
        Assert.Contains("<figure class=\"cover\"><picture>", article);
        Assert.Matches($"<img src=\"/media/{image}/[^\"]+\\.jpg\" srcset=\"/media/{image}/[^\"]+ \\d+w, ", article);
        Assert.Contains("alt=\"政协全体会议开幕\"", article);
    }

    [Fact]
    public async Task An_unknown_id_or_a_file_that_is_not_an_image_is_refused_in_Chinese_and_nothing_is_saved()
    {
        using var editor = await AdminSession.LoginAsync(site, "cover-editor-2", "Editor");
        var pdf = await UploadAsync(editor, SampleFiles.Pdf(), "report.pdf", "application/pdf", null);

        var unknown = await editor.PostAsync("/admin/content/edit?handler=Save", News("封面编号不存在", "zzzzzzzzzzzz"));
        var unknownHtml = await unknown.Content.ReadAsStringAsync();
        var notImage = await editor.PostAsync("/admin/content/edit?handler=Save", News("封面不是图片", pdf));
        var notImageHtml = await notImage.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("封面图：媒体库中没有编号为“zzzzzzzzzzzz”的文件", unknownHtml);
        Assert.Contains("value=\"封面编号不存在\"", unknownHtml); // the form keeps what was typed
        Assert.Equal(HttpStatusCode.BadRequest, notImage.StatusCode);
        Assert.Contains("封面图：所选文件“report.pdf”不是图片", notImageHtml);
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.False(await db.ContentItemVersions.AnyAsync(v => v.Title == "封面编号不存在" || v.Title == "封面不是图片"));
    }

    [Fact]
    public async Task A_bad_id_on_an_existing_draft_leaves_its_version_and_cover_unchanged()
    {
        using var editor = await AdminSession.LoginAsync(site, "cover-editor-3", "Editor");
        var image = await UploadAsync(editor, SampleFiles.Png(800, 600), "a.png", "image/png", "会场");
        var saved = await editor.PostAsync("/admin/content/edit?handler=Save", News("改封面的草稿", image));
        var id = saved.Headers.Location!.OriginalString.Split('/')[^1];

        var fields = News("改封面的草稿", "/media/000000000000");
        fields["version"] = "1";
        var refused = await editor.PostAsync($"/admin/content/edit/{id}?handler=Save", fields);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("媒体库中没有编号", await refused.Content.ReadAsStringAsync());
        Assert.Equal(image, await CoverOfLatestAsync(id));
        await using var scope = site.Services.CreateAsyncScope();
        Assert.Equal(1, (await scope.ServiceProvider.GetRequiredService<AppDbContext>().ContentItems.FindAsync(id))!.LatestVersion);
    }

    private static Dictionary<string, string> News(string title, string cover) =>
        new() { ["type"] = "News", ["version"] = "0", ["f.Title"] = title, ["f.Column"] = "工作动态", ["f.Markdown"] = "正文。", ["f.Cover"] = cover };

    private static async Task<string> UploadAsync(AdminSession session, byte[] file, string name, string type, string? alt)
    {
        var response = await session.Client.PostAsync(new Uri("/api/media", UriKind.Relative), MediaEndpointsTests.Form(file, name, alt, type));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
    }

    private async Task<string?> CoverOfLatestAsync(string id)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var latest = await db.ContentItemVersions.SingleAsync(v => v.ContentItemId == id && v.Latest);
        return ContentData.GetString(ContentData.Parse(latest.Data), "CoverPart", "Cover");
    }
}
