using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublicitySite.Changes;
using PublicitySite.Contents;
using PublicitySite.Storage;
using PublicitySite.Tests.Infrastructure;
using PublicitySite.Tests.Workflow;
using PublicitySite.Users;
using PublicitySite.Webhooks;
using PublicitySite.Workflow;

namespace PublicitySite.Tests.Cluster;

public sealed class ClusterFixture : IAsyncLifetime
{
    public TestCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync() => Cluster = await TestCluster.StartAsync();

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

/// <summary>
/// Two nodes on PostgreSQL and Redis behind nginx (<see cref="TestCluster"/>): what one node does, the other
/// shows at once; jobs run once; a killed node loses nothing and rejoins; Redis can restart under them.
/// </summary>
[Collection("cluster")]
public sealed class ClusterTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private static readonly TimeSpan Visible = TimeSpan.FromSeconds(1);

    private TestCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task Both_nodes_started_at_once_on_an_empty_database_migrated_and_seeded_it_once()
    {
        await using var scope = Cluster.Office.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        var seedFiles = Directory.EnumerateFiles(RepositoryPaths.Seed, "*.md", SearchOption.AllDirectories).Count(f => !f.EndsWith("README.md", StringComparison.Ordinal));
        var imported = await db.ContentItems.CountAsync(i => i.ImportKey != null);
        Assert.InRange(imported, 1, seedFiles);
        Assert.Equal(1, await db.Documents.CountAsync(d => d.Key == "seed-imported"));
        Assert.Equal(1, await db.Users.CountAsync(u => u.UserName == "admin"));
        foreach (var node in Cluster.Nodes)
        {
            Assert.Equal(HttpStatusCode.OK, (await node.Client.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);
        }
    }

    [Fact]
    public async Task A_publication_on_A_shows_on_Bs_page_API_search_and_RSS_within_a_second()
    {
        var id = (await PrepareAsync(1, "跨节点可见的秋收新闻"))[0];
        using var publisher = await PublisherAsync(Cluster.A);
        var b = Cluster.B.Client;
        await WarmAsync(b); // B has the lists and the feed cached from before

        using var published = await publisher.PostAsJsonAsync($"/api/content/{id}/approve", new { });
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        var clock = Stopwatch.StartNew();
        var seen = await WithinAsync(Visible, async () =>
        {
            using var api = await b.GetAsync(new Uri($"/api/content/{id}", UriKind.Relative));
            if (api.StatusCode != HttpStatusCode.OK)
            {
                return false;
            }

            var url = (await api.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString()!;
            var page = await b.GetStringAsync(new Uri(url, UriKind.RelativeOrAbsolute));
            var list = await b.GetStringAsync(new Uri("/api/content?type=News&pageSize=5", UriKind.Relative));
            var search = await b.GetStringAsync(new Uri("/api/search?q=" + Uri.EscapeDataString("秋收新闻"), UriKind.Relative));
            var rss = await b.GetStringAsync(new Uri("/rss.xml", UriKind.Relative));
            return page.Contains("跨节点可见的秋收新闻", StringComparison.Ordinal) && list.Contains(id, StringComparison.Ordinal)
                && search.Contains(id, StringComparison.Ordinal) && rss.Contains("跨节点可见的秋收新闻", StringComparison.Ordinal);
        });
        Assert.True(seen, $"B did not show A's publication within {Visible} ({clock.ElapsedMilliseconds} ms)");
    }

    [Fact]
    public async Task An_edit_on_A_evicts_Bs_cached_page_so_B_never_serves_the_old_one()
    {
        var id = (await PrepareAsync(1, "旧标题的湿地新闻"))[0];
        using var publisher = await PublisherAsync(Cluster.A);
        Assert.Equal(HttpStatusCode.OK, (await publisher.PostAsJsonAsync($"/api/content/{id}/approve", new { })).StatusCode);
        var b = Cluster.B.Client;
        string url = "";
        Assert.True(await WithinAsync(TimeSpan.FromSeconds(5), async () =>
        {
            using var api = await b.GetAsync(new Uri($"/api/content/{id}", UriKind.Relative));
            url = api.IsSuccessStatusCode ? (await api.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString()! : "";
            return url.Length > 0;
        }));
        Assert.Contains("旧标题的湿地新闻", await b.GetStringAsync(new Uri(url, UriKind.RelativeOrAbsolute)));
        Assert.Contains("旧标题的湿地新闻", await b.GetStringAsync(new Uri(url, UriKind.RelativeOrAbsolute))); // now from B's page cache

        using var unpublished = await publisher.PostAsJsonAsync($"/api/content/{id}/unpublish", new { });
        Assert.Equal(HttpStatusCode.OK, unpublished.StatusCode);
        Assert.True(await WithinAsync(Visible, async () => (await b.GetAsync(new Uri(url, UriKind.RelativeOrAbsolute))).StatusCode == HttpStatusCode.NotFound),
            "B kept serving the withdrawn page from its cache");
    }

    [Fact]
    public async Task An_administrator_signed_in_on_A_acts_on_B()
    {
        // The admin cookie is Secure: a browser sends it back over the TLS nginx terminates. Here the jar keeps
        // it by hand and sends it to either node over loopback HTTP, as nginx would pass it on.
        var jar = new Dictionary<string, string>(StringComparer.Ordinal);
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false });

        var login = await SendAsync(http, jar, HttpMethod.Get, Cluster.A, "/admin/login");
        using var signedIn = await SendAsync(http, jar, HttpMethod.Post, Cluster.A, "/admin/login", new()
        {
            ["name"] = "admin",
            ["password"] = TestSite.AdminPassword,
            ["__RequestVerificationToken"] = Antiforgery(await login.Content.ReadAsStringAsync()),
        });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        // The same cookies on B: B reads A's session cookie, and accepts a form token A issued.
        using var admin = await SendAsync(http, jar, HttpMethod.Get, Cluster.B, "/admin/settings");
        Assert.True(admin.StatusCode == HttpStatusCode.OK, $"{admin.StatusCode} {admin.Headers.Location}");
        Assert.DoesNotContain("name=\"password\"", await admin.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var onA = await SendAsync(http, jar, HttpMethod.Get, Cluster.A, "/admin/settings");
        var tokenFromA = Antiforgery(await onA.Content.ReadAsStringAsync());
        using var signedOut = await SendAsync(http, jar, HttpMethod.Post, Cluster.B, "/admin/logout", new() { ["__RequestVerificationToken"] = tokenFromA });
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.EndsWith("/admin/login", signedOut.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, Dictionary<string, string> jar, HttpMethod method, ServerProcess node, string path, Dictionary<string, string>? form = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(node.Address, path));
        if (jar.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", jar.Select(c => $"{c.Key}={c.Value}")));
        }

        if (form is not null)
        {
            request.Content = new FormUrlEncodedContent(form);
        }

        var response = await http.SendAsync(request);
        foreach (var cookie in response.Headers.TryGetValues("Set-Cookie", out var set) ? set : [])
        {
            var pair = cookie.Split(';')[0];
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            jar[pair[..eq]] = pair[(eq + 1)..];
        }

        return response;
    }

    [Fact]
    public async Task A_rate_limit_is_counted_across_the_nodes_without_waiting_for_Redis()
    {
        // Two counters on two connections, as two nodes have: 5 calls on each fill a limit of 10.
        using var first = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{Cluster.RedisPort}");
        using var second = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{Cluster.RedisPort}");
        var options = Microsoft.Extensions.Options.Options.Create(new PublicitySite.Web.Cluster.ClusterOptions { Redis = "cluster" });
        var onA = new PublicitySite.Web.Cluster.RedisRateCounter(first, options);
        var onB = new PublicitySite.Web.Cluster.RedisRateCounter(second, options);
        var key = "test:" + Guid.NewGuid().ToString("N");
        var hour = TimeSpan.FromHours(1); // a window the test cannot straddle by chance

        Assert.All(Enumerable.Range(0, 5), i => Assert.True(onA.TryAcquire(key, 10, hour, out _)));
        await Task.Delay(300);
        Assert.All(Enumerable.Range(0, 5), i => Assert.True(onB.TryAcquire(key, 10, hour, out _)));
        await Task.Delay(300); // B hears Redis's count, which includes A's five

        Assert.False(onB.TryAcquire(key, 10, hour, out var retry));
        Assert.InRange(retry, TimeSpan.FromSeconds(1), hour);
    }

    [Fact]
    public async Task A_scheduled_item_is_published_exactly_once_with_both_nodes_up()
    {
        var id = (await PrepareAsync(1, "定时发布的冬训新闻"))[0];
        using var publisher = await PublisherAsync(Cluster.A);
        using var scheduled = await publisher.PostAsJsonAsync($"/api/content/{id}/publish", new { at = DateTimeOffset.UtcNow.AddSeconds(2) });
        Assert.Equal(HttpStatusCode.OK, scheduled.StatusCode);
        Assert.True(await WithinAsync(TimeSpan.FromSeconds(15), async () =>
            (await Cluster.B.Client.GetAsync(new Uri($"/api/content/{id}", UriKind.Relative))).StatusCode == HttpStatusCode.OK));
        await Task.Delay(TimeSpan.FromSeconds(3)); // both schedulers get more rounds

        await using var scope = Cluster.Office.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(1, await db.Set<ChangeLogEntry>().CountAsync(e => e.ContentItemId == id && e.Kind == nameof(ContentChangeKind.Published)));
        Assert.Equal(1, await db.ContentItemVersions.CountAsync(v => v.ContentItemId == id && v.Published));
    }

    [Fact]
    public async Task A_webhook_is_delivered_once()
    {
        await using var receiver = await LoopbackReceiver.StartAsync();
        var admin = new Actor("admin", "Administrator");
        long hookId;
        await using (var scope = Cluster.Office.CreateAsyncScope())
        {
            var added = await scope.ServiceProvider.GetRequiredService<WebhookAdministration>().AddAsync(admin, receiver.Url, [WebhookEvents.Published]);
            Assert.True(added.Succeeded, added.Failure?.Detail);
            hookId = added.Value!.Id;
        }

        var ids = await PrepareAsync(3, "推送一次的通知");
        using var publisher = await PublisherAsync(Cluster.A);
        foreach (var id in ids)
        {
            Assert.Equal(HttpStatusCode.OK, (await publisher.PostAsJsonAsync($"/api/content/{id}/approve", new { })).StatusCode);
        }

        Assert.True(await receiver.WaitUntilAsync(r => ids.All(id => r.Received.Any(x => x.Body.Contains(id, StringComparison.Ordinal))), TimeSpan.FromSeconds(20)));
        await Task.Delay(TimeSpan.FromSeconds(3)); // room for a second delivery, if one were coming
        foreach (var id in ids)
        {
            Assert.Equal(1, receiver.Received.Count(x => x.Body.Contains(id, StringComparison.Ordinal)));
        }

        await using (var scope = Cluster.Office.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<WebhookAdministration>().DeleteAsync(admin, hookId);
        }
    }

    [Fact]
    public async Task After_kill_9_of_A_during_50_publications_every_acknowledged_one_exists_and_search_agrees_and_A_rejoins()
    {
        var ids = await PrepareAsync(50, "节点宕机演练");
        using var publisher = await PublisherAsync(null);
        var acknowledged = new ConcurrentBag<string>();
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
                }
            }
        })).ToList();
        while (acknowledged.Count < 10)
        {
            await Task.Delay(1);
        }

        await Cluster.A.KillAsync();
        await Task.WhenAll(workers);

        HashSet<string> published;
        await using (var scope = Cluster.Office.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            published = (await db.ContentItemVersions.Where(v => ids.Contains(v.ContentItemId) && v.Published).Select(v => v.ContentItemId).ToListAsync()).ToHashSet();
        }

        Assert.Superset(acknowledged.ToHashSet(), published);
        Assert.True(await SearchAgreesAsync(Cluster.B.Client, "节点宕机演练", published, TimeSpan.FromSeconds(5)), "B's search does not match the database");
        Assert.True(await SearchAgreesAsync(Cluster.Front, "节点宕机演练", published, TimeSpan.FromSeconds(5)), "nginx did not route to the survivor");

        await Cluster.RestartNodeAsync(0);
        Assert.True(await SearchAgreesAsync(Cluster.A.Client, "节点宕机演练", published, TimeSpan.FromSeconds(5)), "A's search did not catch up after rejoining");
    }

    [Fact]
    public async Task After_Redis_restarts_the_nodes_recover_and_a_later_publication_shows_everywhere()
    {
        var id = (await PrepareAsync(1, "红色重启后的春耕新闻"))[0];
        await WarmAsync(Cluster.B.Client);
        await Cluster.RestartRedisAsync(TimeSpan.FromSeconds(2));
        await Task.Delay(TimeSpan.FromSeconds(3)); // the nodes reconnect on their own

        using var publisher = await PublisherAsync(Cluster.A);
        Assert.Equal(HttpStatusCode.OK, (await publisher.PostAsJsonAsync($"/api/content/{id}/approve", new { })).StatusCode);
        foreach (var node in Cluster.Nodes)
        {
            Assert.True(await WithinAsync(TimeSpan.FromSeconds(2), async () =>
                (await node.Client.GetStringAsync(new Uri("/api/content?type=News&pageSize=5", UriKind.Relative))).Contains(id, StringComparison.Ordinal)
                && (await node.Client.GetStringAsync(new Uri("/api/search?q=" + Uri.EscapeDataString("春耕新闻"), UriKind.Relative))).Contains(id, StringComparison.Ordinal)),
                $"{node.Address} did not show the publication after Redis restarted");
        }
    }

    /// <summary>News items waiting for the last sign-off, made through the office's core services on the shared database.</summary>
    private async Task<List<string>> PrepareAsync(int count, string title)
    {
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            ids.Add(await Cluster.Office.AtStageAsync(2, count == 1 ? title : $"{title}{i:D2}号"));
        }

        return ids;
    }

    /// <summary>A client with the publisher's token, on <paramref name="node"/> or (null) through nginx.</summary>
    private async Task<HttpClient> PublisherAsync(ServerProcess? node)
    {
        await using var scope = Cluster.Office.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserService>().FindAsync("p1");
        var (_, token) = await scope.ServiceProvider.GetRequiredService<TokenService>().CreateAsync(user!, "cluster", null, TokenScopes.All);
        var client = new HttpClient { BaseAddress = node?.Address ?? Cluster.Front.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task WarmAsync(HttpClient client)
    {
        foreach (var url in new[] { "/", "/rss.xml", "/api/content?type=News&pageSize=5" })
        {
            await client.GetStringAsync(new Uri(url, UriKind.Relative));
        }
    }

    private static async Task<bool> WithinAsync(TimeSpan limit, Func<Task<bool>> condition)
    {
        var clock = Stopwatch.StartNew();
        do
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(20);
        }
        while (clock.Elapsed < limit);
        return false;
    }

    private static Task<bool> SearchAgreesAsync(HttpClient client, string query, HashSet<string> expected, TimeSpan limit) => WithinAsync(limit, async () =>
    {
        var found = new HashSet<string>();
        for (var page = 1; page <= 2; page++)
        {
            var body = await client.GetFromJsonAsync<JsonElement>($"/api/search?q={Uri.EscapeDataString(query)}&pageSize=50&page={page}");
            found.UnionWith(body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!));
        }

        return found.SetEquals(expected);
    });

    private static string Antiforgery(string html)
    {
        var match = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
        if (!match.Success)
        {
            match = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"");
        }

        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException("No antiforgery token on the page.");
    }
}
