using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PublicitySite.Commands;
using PublicitySite.Contents;
using PublicitySite.Settings;
using PublicitySite.Tests.Infrastructure;

namespace PublicitySite.Tests.Site;

/// <summary>Writes content through the real ContentManager of a running test site, as the editors' tools do.</summary>
internal static class SiteContent
{
    public static async Task<string> CreateNewsAsync(TestSite site, string title, string column = "政协要闻", string? slug = null, string body = "正文第一段。")
    {
        await using var scope = site.Services.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<ContentManager>();
        var values = new JsonObject { ["title"] = title, ["column"] = column, ["body"] = body, ["source"] = "市政协办公室" };
        if (slug is not null)
        {
            values["slug"] = slug;
        }

        var result = await manager.CreateAsync("News", values, "admin");
        Assert.True(result.Succeeded, result.Failure?.Detail);
        return result.Value!.ContentItemId;
    }

    public static async Task<string> PublishAsync(TestSite site, string id)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ContentManager>().PublishAsync(id);
        Assert.True(result.Succeeded, result.Failure?.Detail);
        var entry = await scope.ServiceProvider.GetRequiredService<ContentQueries>().GetAsync(id);
        return entry!.Url;
    }

    public static async Task<string> PublishNewsAsync(TestSite site, string title, string column = "政协要闻", string? slug = null) =>
        await PublishAsync(site, await CreateNewsAsync(site, title, column, slug));

    public static async Task UnpublishAsync(TestSite site, string id)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ContentManager>().UnpublishAsync(id);
        Assert.True(result.Succeeded);
    }

    public static async Task EditAsync(TestSite site, string id, string title, string column = "政协要闻")
    {
        await using var scope = site.Services.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<ContentManager>();
        var db = scope.ServiceProvider.GetRequiredService<PublicitySite.Storage.AppDbContext>();
        var current = await db.ContentItems.FindAsync(id);
        var slug = db.ContentItemVersions.First(v => v.ContentItemId == id && v.Latest).Slug;
        var values = new JsonObject { ["title"] = title, ["column"] = column, ["body"] = "修改后的正文。", ["slug"] = slug };
        var result = await manager.UpdateAsync(id, current!.LatestVersion, values, "admin");
        Assert.True(result.Succeeded, result.Failure?.Detail);
    }

    public static async Task<Result<SiteSettings>> UpdateSettingsAsync(TestSite site, Dictionary<string, string?> values)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SiteSettingsService>().UpdateAsync(values);
    }

    /// <summary>A client that keeps no cookies: each request is a first-time anonymous reader.</summary>
    public static HttpClient Reader(TestSite site) =>
        site.CreateDefaultClient(new Uri("http://localhost"));
}
