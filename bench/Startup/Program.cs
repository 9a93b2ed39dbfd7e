using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using PublicitySite.Bench.Pages;
using PublicitySite.Bench.Startup;

// Start-up and memory benchmark: a cold start on an empty data directory (seed import, first index), a
// restart on that data, memory at rest, and memory after a minute of mixed reads.
//   dotnet build src/PublicitySite.Web -c Release && dotnet run --project bench/Startup -c Release -- [options]
// Options: --load-seconds 60 --connections 16 --rest-seconds 10 --env NAME=VALUE (repeatable, to compare runtime settings)
//          --restarts 3 (the restart is timed this many times; the median is the figure, as one start moves with the load)
//          --web <folder> measures a published site (deploy/publish.sh) instead of the build output
string? Value(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
var loadSeconds = int.Parse(Value("--load-seconds") ?? "60", CultureInfo.InvariantCulture);
var connections = int.Parse(Value("--connections") ?? "16", CultureInfo.InvariantCulture);
var restSeconds = int.Parse(Value("--rest-seconds") ?? "10", CultureInfo.InvariantCulture);
var restarts = Math.Max(1, int.Parse(Value("--restarts") ?? "3", CultureInfo.InvariantCulture));
var environment = args.Select((a, i) => (a, i)).Where(p => p.a == "--env" && p.i + 1 < args.Length).Select(p => args[p.i + 1]).ToList();
var root = BenchFiles.FindRoot();
var webDll = Value("--web") is { } published
    ? Path.Combine(Path.GetFullPath(published), "PublicitySite.Web.dll")
    : Path.Combine(root, "src", "PublicitySite.Web", "bin", "Release", "net10.0", "PublicitySite.Web.dll");
if (!File.Exists(webDll))
{
    Console.Error.WriteLine($"找不到 {webDll}：请先运行 dotnet build src/PublicitySite.Web -c Release（或 deploy/publish.sh 后用 --web 指向发布目录）");
    return 2;
}

var work = Path.Combine(Path.GetTempPath(), "publicity-bench-startup-" + Guid.NewGuid().ToString("N")[..8]);
var dataDir = Path.Combine(work, "data");
Console.WriteLine($"启动与内存基准：{webDll}，{Environment.ProcessorCount} 核，负载 {BenchFiles.LoadAverage()}{(environment.Count > 0 ? "，环境 " + string.Join(" ", environment) : "")}");
var rows = new List<(string What, string Value, string Target)>();
var breakdown = new List<string>();
try
{
    await using (var cold = await SiteRun.StartAsync(webDll, dataDir, environment))
    {
        rows.Add(("冷启动（空数据目录）到首页可用", $"{cold.PageReady.TotalSeconds:F2} s", "≤ 5 s"));
        rows.Add(("冷启动到搜索可用", $"{cold.SearchReady.TotalSeconds:F2} s", ""));
    }

    var pageTimes = new List<double>();
    var searchTimes = new List<double>();
    for (var i = 1; i < restarts; i++)
    {
        await using var again = await SiteRun.StartAsync(webDll, dataDir, environment);
        pageTimes.Add(again.PageReady.TotalSeconds);
        searchTimes.Add(again.SearchReady.TotalSeconds);
    }

    await using var warm = await SiteRun.StartAsync(webDll, dataDir, environment); // the last restart is measured on
    pageTimes.Add(warm.PageReady.TotalSeconds);
    searchTimes.Add(warm.SearchReady.TotalSeconds);
    rows.Add(("重启（已有数据）到首页可用", Spread(pageTimes), "≤ 2 s"));
    rows.Add(("重启到搜索可用", Spread(searchTimes), ""));

    var urls = await MixedUrlsAsync(warm.BaseUrl);
    using (var client = new HttpClient())
    {
        foreach (var url in urls)
        {
            using var response = await client.GetAsync(url);
        }
    }

    await Task.Delay(TimeSpan.FromSeconds(restSeconds));
    rows.Add(("静置内存（每类页面各访问一次后）", $"{warm.Memory().Now:F0} MB", "≤ 200 MB"));
    var atRest = await warm.MemoryBreakdownAsync();

    var (requests, errors) = await LoadAsync(urls, connections, TimeSpan.FromSeconds(loadSeconds));
    var (now, peak) = warm.Memory();
    rows.Add(($"混合负载 {loadSeconds} 秒后内存（{requests / (double)loadSeconds:F0} 次/秒，失败 {errors}）", $"{now:F0} MB", "≤ 300 MB"));
    rows.Add(("负载期间峰值内存", $"{peak:F0} MB", ""));
    await Task.Delay(TimeSpan.FromSeconds(restSeconds));
    rows.Add(($"负载结束 {restSeconds} 秒后内存", $"{warm.Memory().Now:F0} MB", ""));
    breakdown.Add("静置时：" + atRest);
    breakdown.Add("负载后静置时：" + await warm.MemoryBreakdownAsync());
}
finally
{
    BenchFiles.DeleteQuietly(work);
}

Console.WriteLine();
Console.WriteLine($"| 项目 | 结果 | 目标 |");
Console.WriteLine("|---|---|---|");
foreach (var (what, value, target) in rows)
{
    Console.WriteLine($"| {what} | {value} | {target} |");
}

Console.WriteLine();
breakdown.ForEach(Console.WriteLine);
Console.WriteLine($"负载（结束时）：{BenchFiles.LoadAverage()}");
return 0;

// The median of the restarts, with their range when there were several.
static string Spread(List<double> seconds)
{
    var sorted = seconds.Order().ToList();
    var median = sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    return sorted.Count == 1 ? $"{median:F2} s" : $"{median:F2} s（{sorted.Count} 次的中位数，{sorted[0]:F2}–{sorted[^1]:F2}）";
}

// The reads a public site gets: pages, a column, search, the API's list and detail, directories, feeds.
static async Task<List<Uri>> MixedUrlsAsync(string baseUrl)
{
    using var client = new HttpClient();
    var list = await client.GetFromJsonAsync<JsonElement>(new Uri(baseUrl + "/api/content?type=News&pageSize=20"));
    var items = list.GetProperty("items").EnumerateArray().ToList();
    var paths = new List<string> { "/", "/column/yaowen", "/members", "/proposals", "/literature", "/rss.xml", "/sitemap.xml", "/api/content?pageSize=20", "/api/content?type=News&page=2&pageSize=10" };
    paths.AddRange(items.Select(i => new Uri(i.GetProperty("url").GetString()!, UriKind.RelativeOrAbsolute)).Select(u => u.IsAbsoluteUri ? u.PathAndQuery : u.ToString()));
    paths.AddRange(items.Take(5).Select(i => "/api/content/" + i.GetProperty("id").GetString()));
    paths.AddRange(new[] { "政协", "提案", "委员", "文史资料", "协商" }.Select(q => "/search?q=" + Uri.EscapeDataString(q)));
    paths.AddRange(new[] { "政协", "会议" }.Select(q => "/api/search?q=" + Uri.EscapeDataString(q)));
    return [.. paths.Select(p => new Uri(baseUrl + p))];
}

static async Task<(long Requests, long Errors)> LoadAsync(List<Uri> urls, int connections, TimeSpan length)
{
    using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections, UseCookies = false };
    using var client = new HttpClient(handler);
    long requests = 0;
    long errors = 0;
    var clock = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, connections).Select(worker => Task.Run(async () =>
    {
        var i = worker;
        while (clock.Elapsed < length)
        {
            var url = urls[i++ % urls.Count];
            try
            {
                using var response = await client.GetAsync(url);
                await response.Content.ReadAsByteArrayAsync();
                Interlocked.Increment(ref requests);
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref errors);
                }
            }
            catch (HttpRequestException)
            {
                Interlocked.Increment(ref errors);
            }
        }
    })));
    return (requests, errors);
}
