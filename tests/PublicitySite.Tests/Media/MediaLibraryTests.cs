using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PublicitySite.Commands;
using PublicitySite.Contents;
using PublicitySite.Media;
using PublicitySite.Tests.Infrastructure;

namespace PublicitySite.Tests.Media;

/// <summary>The library's office operations on both databases: search, folders and tags, usage, delete guard.</summary>
public sealed class MediaLibraryTests
{
    private static JsonObject News(string title, string? cover = null, string body = "正文") => new()
    {
        ["title"] = title,
        ["body"] = body,
        ["column"] = "工作动态",
        ["cover"] = cover,
    };

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Search_finds_by_name_alt_or_caption_and_filters_by_folder_tag_and_kind(Db db)
    {
        await using var host = await MediaTestHost.StartAsync(db);
        await host.UploadAsync(SampleFiles.Jpeg(60, 40), "Plenary-2024.jpg", alt: "全体会议开幕", folder: "要闻", tags: ["全体会议", "2024"]);
        await host.UploadAsync(SampleFiles.Jpeg(61, 40), "dsc0001.jpg", alt: "委员视察河道", caption: "生态文明建设专题视察", folder: "视察调研", tags: ["视察"]);
        await host.UploadAsync(SampleFiles.Pdf(), "第一辑.pdf", alt: null, folder: "文史资料");

        async Task<IReadOnlyList<string>> Find(MediaSearch search) =>
            (await host.RunAsync<MediaLibrary, MediaPage>(l => l.SearchAsync(search))).Items.Select(a => a.FileName).ToList();

        Assert.Equal(["Plenary-2024.jpg"], await Find(new MediaSearch { Text = "plenary" }));
        Assert.Equal(["Plenary-2024.jpg"], await Find(new MediaSearch { Text = "开幕" }));
        Assert.Equal(["dsc0001.jpg"], await Find(new MediaSearch { Text = "生态文明" }));
        Assert.Equal(["dsc0001.jpg"], await Find(new MediaSearch { Folder = "视察调研" }));
        Assert.Equal(["Plenary-2024.jpg"], await Find(new MediaSearch { Tag = "全体会议" }));
        Assert.Equal(["第一辑.pdf"], await Find(new MediaSearch { Images = false }));
        Assert.Equal(2, (await Find(new MediaSearch { Images = true })).Count);
        var folders = await host.RunAsync<MediaLibrary, IReadOnlyList<(string Folder, int Count)>>(l => l.FoldersAsync());
        Assert.Equal(3, folders.Count);
        var tags = await host.RunAsync<MediaLibrary, IReadOnlyList<(string Tag, int Count)>>(l => l.TagsAsync());
        Assert.Contains(("视察", 1), tags);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Media_used_by_a_field_or_a_markdown_image_cannot_be_deleted_until_released(Db db)
    {
        await using var host = await MediaTestHost.StartAsync(db);
        var cover = (await host.UploadAsync(SampleFiles.Jpeg(60, 40), "cover.jpg")).Value!;
        var inline = (await host.UploadAsync(SampleFiles.Jpeg(70, 40), "inline.jpg")).Value!;
        var unused = (await host.UploadAsync(SampleFiles.Jpeg(80, 40), "unused.jpg")).Value!;
        var created = await host.RunAsync<ContentManager, Result<ContentItemVersion>>(m => m.CreateAsync("News", News("协商会议召开", cover.Id, $"会议现场：\n\n![会场]({MediaUrls.Original(inline)})"), "editor1"));
        var itemId = created.Value!.ContentItemId;

        var usedBy = await host.RunAsync<MediaLibrary, IReadOnlyList<MediaUsageEntry>>(l => l.UsageAsync(inline.Id));
        var refused = await host.RunAsync<MediaLibrary, Result<MediaAsset>>(l => l.DeleteAsync(cover.Id));
        var deleted = await host.RunAsync<MediaLibrary, Result<MediaAsset>>(l => l.DeleteAsync(unused.Id));

        Assert.Equal("协商会议召开", Assert.Single(usedBy).Title);
        Assert.Contains("协商会议召开", Assert.IsType<Failure.Conflict>(refused.Failure).Detail);
        Assert.Equal(itemId, Assert.Single((IReadOnlyList<MediaUsageEntry>)refused.Failure.Extensions["usedBy"]!).ContentItemId);
        Assert.True(deleted.Succeeded);
        Assert.Null(await host.RunAsync<MediaLibrary, MediaAsset?>(l => l.GetAsync(unused.Id)));

        // A new draft without the cover keeps it in use while the published version still shows it.
        await host.RunAsync<ContentManager, Result<ContentItemVersion>>(m => m.PublishAsync(itemId));
        await host.RunAsync<ContentManager, Result<ContentItemVersion>>(m => m.UpdateAsync(itemId, 1, News("协商会议召开"), "editor1"));
        Assert.Single(await host.RunAsync<MediaLibrary, IReadOnlyList<MediaUsageEntry>>(l => l.UsageAsync(cover.Id)));

        await host.RunAsync<ContentManager, Result<ContentItemVersion>>(m => m.DeleteAsync(itemId));
        Assert.Empty(await host.RunAsync<MediaLibrary, IReadOnlyList<MediaUsageEntry>>(l => l.UsageAsync(cover.Id)));
        Assert.True((await host.RunAsync<MediaLibrary, Result<MediaAsset>>(l => l.DeleteAsync(cover.Id))).Succeeded);
        Assert.Empty(Directory.GetFiles(host.Paths.MediaDir, $"{cover.Hash}.*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Rebuilding_usage_finds_references_saved_before_tracking()
    {
        await using var host = await MediaTestHost.StartAsync();
        var asset = (await host.UploadAsync(SampleFiles.Jpeg(60, 40))).Value!;
        await host.RunAsync<ContentManager, Result<ContentItemVersion>>(m => m.CreateAsync("News", News("旧稿", body: $"![图]({MediaUrls.Stable(asset.Id)})"), "editor1"));
        await host.RunAsync<PublicitySite.Storage.AppDbContext, int>(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ExecuteDeleteAsync(db.Set<MediaUsage>()));
        Assert.Empty(await host.RunAsync<MediaLibrary, IReadOnlyList<MediaUsageEntry>>(l => l.UsageAsync(asset.Id)));

        var count = await host.RunAsync<MediaUsageTracker, int>(t => t.RebuildAsync());

        Assert.Equal(1, count);
        Assert.Single(await host.RunAsync<MediaLibrary, IReadOnlyList<MediaUsageEntry>>(l => l.UsageAsync(asset.Id)));
    }

    [Fact]
    public async Task Editing_checks_alt_text_and_focal_point_and_drops_old_crops()
    {
        await using var host = await MediaTestHost.StartAsync();
        var asset = (await host.UploadAsync(SampleFiles.Jpeg(600, 400))).Value!;
        var variants = host.Services.GetRequiredService<MediaVariants>();
        await variants.GetOrCreateAsync(asset, variants.Profiles.First(p => p.Crop), webp: true);
        Assert.NotEmpty(Directory.GetDirectories(Path.Combine(host.Paths.MediaDir, "variants"), "*", SearchOption.AllDirectories));

        var cleared = await host.RunAsync<MediaLibrary, Result<MediaAsset>>(l => l.UpdateAsync(asset.Id, new MediaEdit("", null, null, null, null)));
        var outside = await host.RunAsync<MediaLibrary, Result<MediaAsset>>(l => l.UpdateAsync(asset.Id, new MediaEdit(null, null, null, null, null, 1.5, 0.5)));
        var edited = await host.RunAsync<MediaLibrary, Result<MediaAsset>>(l => l.UpdateAsync(asset.Id, new MediaEdit("主席台", "大会开幕式", null, "要闻", ["开幕", "开幕"], 0.2, 0.3)));

        Assert.Contains("替代文字", cleared.Failure!.Detail);
        Assert.Contains("焦点", outside.Failure!.Detail);
        Assert.Equal(("主席台", "大会开幕式", "要闻"), (edited.Value!.Alt, edited.Value.Caption, edited.Value.Folder));
        Assert.Equal(["开幕"], edited.Value.Tags.Select(t => t.Tag));
        Assert.Empty(Directory.GetFiles(Path.Combine(host.Paths.MediaDir, "variants"), "*", SearchOption.AllDirectories));
    }
}
