using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PublicitySite.Contents;
using PublicitySite.Tests.Infrastructure;

namespace PublicitySite.Tests.Api;

/// <summary>Anonymous API reads come from the page cache, are evicted by publication, and keep CORS per origin.</summary>
public sealed class ContentReadCacheTests
{
    private static async Task<string> PublishAsync(TestSite site, string title)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<ContentManager>();
        var created = await manager.CreateAsync("News", new JsonObject { ["title"] = title, ["column"] = "工作动态", ["body"] = "正文" }, "admin");
        await manager.PublishAsync(created.Value!.ContentItemId);
        return created.Value.ContentItemId;
    }

    private static async Task<(HttpResponseMessage Response, List<string> Titles)> ListAsync(HttpClient client)
    {
        var response = await client.GetAsync("/api/content?type=News");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (response, body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()!).ToList());
    }

    [Fact]
    public async Task A_cached_list_is_evicted_when_an_item_is_published()
    {
        using var site = new TestSite(seed: false);
        var client = site.CreateClient();
        await PublishAsync(site, "缓存前的稿件");

        var (_, first) = await ListAsync(client);
        var (hit, _) = await ListAsync(client);
        await PublishAsync(site, "缓存后发布的稿件");
        var (_, after) = await ListAsync(client);

        Assert.Equal(["缓存前的稿件"], first);
        Assert.True(hit.Headers.Age is not null, "the second read was not served from the cache");
        Assert.Equal(["缓存后发布的稿件", "缓存前的稿件"], after);
    }

    [Fact]
    public async Task Each_origin_gets_its_own_cors_answer_from_the_cache()
    {
        using var site = new TestSite(seed: false, settings: new() { ["Api:CorsOrigins:0"] = "https://a.example", ["Api:CorsOrigins:1"] = "https://b.example" });
        var client = site.CreateClient();
        await PublishAsync(site, "跨域缓存");

        async Task<string?> AllowedFor(string origin)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/content");
            request.Headers.Add("Origin", origin);
            using var response = await client.SendAsync(request);
            return response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) ? values.Single() : null;
        }

        Assert.Equal("https://a.example", await AllowedFor("https://a.example"));
        Assert.Equal("https://b.example", await AllowedFor("https://b.example"));
        Assert.Equal("https://a.example", await AllowedFor("https://a.example"));
        Assert.Null(await AllowedFor("https://evil.example"));
    }
}
