using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PublicitySite.Tests.Infrastructure;
using PublicitySite.Tests.Workflow;
using PublicitySite.Users;

namespace PublicitySite.Tests.Search;

/// <summary>
/// Search survives what a real server meets: SIGKILL in the middle of publications, and a disk that fills up.
/// Afterwards every published item is searchable again within 5 s, with no manual step.
/// </summary>
public sealed class IndexDurabilityTests
{
    private const int Items = 30;

    [Fact]
    public async Task After_kill_9_during_a_burst_of_publications_every_published_item_is_searchable_within_5_s()
    {
        using var dir = new TestDirectory();
        var (ids, token) = await PrepareAsync(dir.Path, "断电演练");

        var acknowledged = new ConcurrentBag<string>();
        await using (var server = await ServerProcess.StartAsync(dir.Path))
        {
            using var publisher = Bearer(server.Address, token);
            var queue = new ConcurrentQueue<string>(ids);
            var workers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
            {
                while (queue.TryDequeue(out var id))
                {
                    try
                    {
                        using var response = await publisher.PostAsJsonAsync($"/api/content/{id}/approve", new { });
                        if (response.IsSuccessStatusCode)
                        {
                            acknowledged.Add(id);
                        }
                    }
                    catch (HttpRequestException)
                    {
                        return; // the server is gone
                    }
                }
            })).ToList();
            while (acknowledged.Count < Items / 3)
            {
                await Task.Delay(1);
            }

            await server.KillAsync();
            await Task.WhenAll(workers);
        }

        Assert.InRange(acknowledged.Count, Items / 3, Items - 1);
        await using var again = await ServerProcess.StartAsync(dir.Path);
        var published = await PublishedAsync(again.Client);
        Assert.Superset(acknowledged.ToHashSet(), published);
        await SearchableWithinAsync(again.Client, "断电演练", published, TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_full_disk_refuses_writes_in_chinese_degrades_health_and_catches_up_when_space_returns()
    {
        using var dir = new TestDirectory();
        using var disk = SmallDisk.Mount(dir.Path, megabytes: 64);
        var (ids, token) = await PrepareAsync(dir.Path, "满盘演练");
        await using var server = await ServerProcess.StartAsync(dir.Path, new Dictionary<string, string> { ["Health__MinFreeDiskMegabytes"] = "2" });
        using var publisher = Bearer(server.Address, token);

        disk.Fill();
        var refused = new List<string>();
        foreach (var id in ids)
        {
            using var response = await publisher.PostAsJsonAsync($"/api/content/{id}/approve", new { });
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.InsufficientStorage, $"{(int)response.StatusCode}: {body}");
            if (response.StatusCode == HttpStatusCode.InsufficientStorage)
            {
                Assert.Contains("磁盘空间", body);
                refused.Add(id);
            }
        }

        Assert.NotEmpty(refused);
        var health = await server.Client.GetFromJsonAsync<JsonElement>("/healthz");
        Assert.Equal("degraded", health.GetProperty("status").GetString());

        disk.Free();
        foreach (var id in refused)
        {
            // Nothing was half-written: the refused publication is still waiting for sign-off and can be retried.
            using var retry = await publisher.PostAsJsonAsync($"/api/content/{id}/approve", new { });
            Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        }

        var published = await PublishedAsync(server.Client);
        Assert.Equal(ids.ToHashSet(), published);
        await SearchableWithinAsync(server.Client, "满盘演练", published, TimeSpan.FromSeconds(5));
        var deadline = Stopwatch.StartNew();
        while ((await server.Client.GetFromJsonAsync<JsonElement>("/healthz")).GetProperty("status").GetString() != "ok")
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(10), "/healthz stays degraded after space returned");
            await Task.Delay(100);
        }
    }

    /// <summary>Items waiting for the last sign-off, and a publisher's token, made through the real services before the server starts.</summary>
    private static async Task<(List<string> Ids, string Token)> PrepareAsync(string dataDir, string title)
    {
        using var site = new TestSite(seed: false, dataDir: dataDir);
        var ids = new List<string>();
        for (var i = 0; i < Items; i++)
        {
            ids.Add(await site.Services.AtStageAsync(2, $"{title}稿件{i:D2}"));
        }

        await using var scope = site.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserService>().FindAsync("p1");
        var (_, token) = await scope.ServiceProvider.GetRequiredService<TokenService>().CreateAsync(user!, "burst", null, TokenScopes.All);
        return (ids, token);
    }

    private static HttpClient Bearer(Uri address, string token)
    {
        var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>What the database says is published, through the public API.</summary>
    private static async Task<HashSet<string>> PublishedAsync(HttpClient client)
    {
        var body = await client.GetFromJsonAsync<JsonElement>($"/api/content?type=News&pageSize=100");
        return body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!).ToHashSet();
    }

    private static async Task SearchableWithinAsync(HttpClient client, string query, HashSet<string> expected, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        HashSet<string> found = [];
        while (clock.Elapsed < limit)
        {
            using var response = await client.GetAsync(new Uri($"/api/search?q={Uri.EscapeDataString(query)}&pageSize=50", UriKind.Relative));
            if (response.IsSuccessStatusCode)
            {
                var body = await response.Content.ReadFromJsonAsync<JsonElement>();
                found = body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!).ToHashSet();
                if (found.SetEquals(expected))
                {
                    return;
                }
            }

            await Task.Delay(50);
        }

        Assert.Fail($"After {limit} search found {found.Count} of the {expected.Count} published items; missing: {string.Join(", ", expected.Except(found))}");
    }
}
