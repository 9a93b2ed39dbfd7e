using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PublicitySite;
using PublicitySite.Bench.Cluster;
using PublicitySite.Bench.Pages;
using PublicitySite.Setup;
using PublicitySite.Storage;
using PublicitySite.Users;
using PublicitySite.Workflow;

// Cluster benchmark: requests/s through nginx with one node and with two, and how long a publication made on
// node 1 takes to show on node 2 (p50/p99 over --publications).
//   dotnet build src/PublicitySite.Web -c Release && dotnet run -c Release --project bench/Cluster -- [options]
// Options: --connections 32 --seconds 10 --warmup 2 --publications 100
var connections = Option("--connections", 32);
var seconds = Option("--seconds", 10);
var warmup = Option("--warmup", 2);
var publications = Option("--publications", 100);
var root = FindRoot();
var runner = new LoadRunner(connections, TimeSpan.FromSeconds(warmup), TimeSpan.FromSeconds(seconds), long.MaxValue);
var targets = new (string Name, string Path)[] { ("home (cached)", "/"), ("search (uncached)", "/api/search?q=" + Uri.EscapeDataString("政协委员")) };
var results = new List<(int Nodes, LoadResult Result)>();
Console.WriteLine($"集群基准：{connections} 个连接，每项 {seconds} 秒，{Environment.ProcessorCount} 核（nginx、节点、PostgreSQL、Redis 与压测程序共用）");
List<double> latencies = [];
foreach (var nodes in new[] { 1, 2 })
{
    await using var cluster = await ClusterScript.StartAsync(root, nodes);
    foreach (var (name, path) in targets)
    {
        var measured = await runner.RunAsync(name, $"{nodes} node(s)", new Uri(cluster.Front, path));
        results.Add((nodes, measured));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {nodes} 个节点，{name}：{measured.Rate:F0} req/s，{measured.Errors} 个错误"));
    }

    if (nodes == 2)
    {
        latencies = await PublishToVisibleAsync(cluster, publications);
    }
}

Console.WriteLine();
Console.WriteLine($"{"target",-18} {"nodes",5} {"req/s",9} {"×1 node",8} {"p50 ms",8} {"p99 ms",8} {"errors",7}");
foreach (var group in results.GroupBy(r => r.Result.Page))
{
    var one = group.First(r => r.Nodes == 1).Result.Rate;
    foreach (var (nodes, r) in group)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{r.Page,-18} {nodes,5} {r.Rate,9:F0} {r.Rate / one,8:F2} {r.P50,8:F2} {r.P99,8:F2} {r.Errors,7}"));
    }
}

latencies.Sort();
Console.WriteLine();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"发布到另一节点可见（API 与搜索）：{latencies.Count} 次，p50 {Percentile(0.50):F0} ms，p99 {Percentile(0.99):F0} ms，最长 {latencies[^1]:F0} ms"));
return 0;

double Percentile(double p) => latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(p * latencies.Count) - 1)];

// Items walked to the last sign-off through the core services on the cluster's database, then published on
// node 1 one at a time; the clock runs from node 1's answer until node 2 returns the item from /api/content/{id}
// and from /api/search.
static async Task<List<double>> PublishToVisibleAsync(ClusterScript cluster, int count)
{
    var services = new ServiceCollection();
    services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
    var scratch = Path.Combine(Path.GetTempPath(), "publicity-bench-office-" + Guid.NewGuid().ToString("N")[..6]);
    var paths = new SitePaths(scratch, "", "", "");
    services.AddSingleton(paths);
    services.AddStorage(DatabaseProvider.Postgres, cluster.Postgres, paths);
    services.AddPublicityCore();
    services.AddWorkflowCore();
    await using var office = services.BuildServiceProvider();
    await using (var scope = office.CreateAsyncScope())
    {
        // The nodes applied the recipe; the office's services read it from the database before acting.
        await scope.ServiceProvider.GetRequiredService<SiteInitializer>().InitializeAsync(null, importSeed: false);
    }

    var writer = await UserAsync(office, "bench-writer", "Contributor");
    Actor[] stages = [await UserAsync(office, "bench-editor", "Editor"), await UserAsync(office, "bench-reviewer", "Reviewer")];
    var publisher = await UserAsync(office, "bench-publisher", "Publisher");
    var ids = new List<string>();
    for (var i = 0; i < count; i++)
    {
        await using var scope = office.CreateAsyncScope();
        var workflow = scope.ServiceProvider.GetRequiredService<WorkflowService>();
        var created = await workflow.CreateAsync(writer, "News", new() { ["type"] = "News", ["title"] = $"集群可见性测试稿{i:D3}号", ["body"] = "正文。", ["column"] = "工作动态" });
        var id = created.Value!.Version.ContentItemId;
        await workflow.SubmitAsync(writer, id, null, wordsChecked: true);
        foreach (var stage in stages)
        {
            await workflow.ApproveAsync(stage, id, null, null);
        }

        ids.Add(id);
    }

    string token;
    await using (var scope = office.CreateAsyncScope())
    {
        var user = await scope.ServiceProvider.GetRequiredService<UserService>().FindAsync(publisher.Name);
        (_, token) = await scope.ServiceProvider.GetRequiredService<TokenService>().CreateAsync(user!, "bench", null, TokenScopes.All);
    }

    using var onA = new HttpClient { BaseAddress = cluster.Nodes[0] };
    onA.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    using var onB = new HttpClient { BaseAddress = cluster.Nodes[1] };
    var latencies = new List<double>();
    foreach (var id in ids)
    {
        using var published = await onA.PostAsJsonAsync($"/api/content/{id}/approve", new { });
        published.EnsureSuccessStatusCode();
        var clock = Stopwatch.StartNew();
        while (true)
        {
            using var read = await onB.GetAsync(new Uri($"/api/content/{id}", UriKind.Relative));
            if (read.IsSuccessStatusCode && (await onB.GetStringAsync(new Uri("/api/search?q=" + Uri.EscapeDataString("集群可见性测试稿"), UriKind.Relative))).Contains(id, StringComparison.Ordinal))
            {
                break;
            }

            if (clock.Elapsed > TimeSpan.FromSeconds(30))
            {
                throw new TimeoutException($"{id} did not show on node 2 within 30 s");
            }

            await Task.Delay(2);
        }

        latencies.Add(clock.Elapsed.TotalMilliseconds);
    }

    if (Directory.Exists(scratch))
    {
        Directory.Delete(scratch, recursive: true);
    }
    return latencies;
}

static async Task<Actor> UserAsync(IServiceProvider services, string name, string role)
{
    await using var scope = services.CreateAsyncScope();
    var users = scope.ServiceProvider.GetRequiredService<UserService>();
    if (await users.FindAsync(name) is null)
    {
        await users.AddAsync(name, role, "bench-password-1");
    }

    return new Actor(name, role);
}

int Option(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var v) ? v : fallback;
}

static string FindRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "PublicitySite.sln")))
        {
            return dir.FullName;
        }
    }

    throw new InvalidOperationException("cannot find the repository root");
}
