using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublicitySite;
using PublicitySite.Bench.Search;
using PublicitySite.Search;
using PublicitySite.Setup;
using PublicitySite.Storage;

// Usage (see README.md): dotnet run -c Release --project bench/Search -- [--docs 100000] [--clients 8]
//   [--queries 2000] [--data-dir DIR] [--keep] [--skip-http] [--skip-reindex]
var options = BenchOptions.Parse(args);
var root = BenchOptions.RepositoryRoot();
var dataDir = options.DataDir ?? Path.Combine(Path.GetTempPath(), "publicity-bench-" + Guid.NewGuid().ToString("N")[..8]);
Console.WriteLine($"数据目录 {dataDir}，{options.Docs:N0} 篇，{Environment.ProcessorCount} 核");
var paths = new SitePaths(dataDir, Path.Combine(root, "recipes", "publicity.recipe.json"), Path.Combine(root, "content-seed"), Path.Combine(root, "themes"));
var report = new List<(string Name, string Value, string Floor, bool? Ok)>();

var services = new ServiceCollection().AddLogging().AddSingleton(paths);
services.AddStorage(DatabaseProvider.Sqlite, null, paths);
services.AddPublicityCore();
services.AddSearch();
var provider = services.BuildServiceProvider();
await using (var scope = provider.CreateAsyncScope())
{
    await scope.ServiceProvider.GetRequiredService<SiteInitializer>().InitializeAsync("bench-password-1", importSeed: false);
}

// 1. Corpus into the database.
var generator = new CorpusGenerator(paths.SeedDir);
await using (var scope = provider.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
    var existing = await db.ContentItems.CountAsync();
    if (existing < options.Docs)
    {
        var watch = Stopwatch.StartNew();
        await generator.FillAsync(db, options.Docs - existing, new Progress<int>(n => { if (n % 20000 == 0) Console.WriteLine($"  生成 {n:N0}"); }));
        Console.WriteLine($"语料：{options.Docs:N0} 篇（{generator.SentenceCount} 个种子句子）写入数据库，用时 {watch.Elapsed.TotalSeconds:F1} s");
    }
}

// 2. Full reindex from the database (skipped with --skip-reindex when a kept data directory has its index).
GC.Collect();
var rebuilder = provider.GetRequiredService<ISearchIndexRebuilder>();
if (options.SkipReindex)
{
    if (!provider.GetRequiredService<SearchIndex>().TryOpenExisting())
    {
        Console.Error.WriteLine("--skip-reindex: 数据目录里没有可用的索引，请先不带此参数运行一次（加 --keep 或 --data-dir）");
        return 2;
    }
}
else
{
    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    var rebuildWatch = Stopwatch.StartNew();
    var indexed = await rebuilder.RebuildAsync(null, CancellationToken.None);
    rebuildWatch.Stop();
    var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
    var rate = indexed / rebuildWatch.Elapsed.TotalSeconds;
    report.Add(("全量重建速率", $"{rate:N0} 篇/s（{indexed:N0} 篇，{rebuildWatch.Elapsed.TotalSeconds:F1} s）", "≥ 2,500 篇/s", rate >= 2500));
    report.Add(("重建 CPU 时间", $"{cpu:F1} s，{cpu * 1000 / indexed:F2} ms/篇；按 {Environment.ProcessorCount} 核满载折算 {indexed / (cpu / Environment.ProcessorCount):N0} 篇/s", "", null));
    report.Add(("测量时系统负载", File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "?", "", null));
    var size = new DirectoryInfo(paths.IndexDir).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);
    report.Add(("索引大小", $"{size / 1024.0 / 1024.0:F0} MB（{size / (double)indexed / 1024:F1} KB/篇）", "", null));
    report.Add(("重建时进程内存峰值", $"{Environment.WorkingSet / 1024 / 1024:N0} MB 当前，{Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024:N0} MB 峰值", "", null));
}

// 3. Queries in process, with highlighting of the top 10: first every query computed (no result cache),
// then as the site runs them, with the cache of answers per index snapshot.
var index = provider.GetRequiredService<SearchIndex>();
var planner = provider.GetRequiredService<QueryPlanner>();
var cold = new SearchService(index, planner, new SearchResultCache(0));
foreach (var q in generator.Queries)
{
    cold.Search(new SearchRequest { Query = q });
}

var (coldTimes, hits, perQueryCpu) = Measure(cold, generator.Queries, options.Queries);
var (p50, p99) = (Percentile(coldTimes, 50), Percentile(coldTimes, 99));
report.Add(("进程内查询 p50（含高亮）", $"{p50:F2} ms（每次都计算，不用结果缓存）", "≤ 5 ms", p50 <= 5));
report.Add(("进程内查询 p99（含高亮）", $"{p99:F2} ms（{options.Queries:N0} 次，{generator.Queries.Count} 个不同查询，平均命中 {hits / options.Queries:N0} 篇）", "≤ 30 ms", p99 <= 30));
report.Add(("进程内查询 CPU 时间", $"平均 {perQueryCpu:F2} ms/次（单线程顺序执行）", "", null));
var (cachedTimes, _, cachedCpu) = Measure(new SearchService(index, planner, new SearchResultCache()), generator.Queries, options.Queries);
report.Add(("带结果缓存（站点默认）", $"p50 {Percentile(cachedTimes, 50):F2} ms，p99 {Percentile(cachedTimes, 99):F2} ms，CPU {cachedCpu:F2} ms/次", "", null));
report.Add(("查询后进程内存", $"{Environment.WorkingSet / 1024 / 1024:N0} MB，托管堆 {GC.GetTotalMemory(false) / 1024 / 1024:N0} MB", "", null));
await provider.DisposeAsync(); // closes the writer: the web host opens this index next
Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

// 4. Through HTTP, the site in its own process, 8 concurrent clients.
if (!options.SkipHttp)
{
    var web = await HttpLoad.RunAsync(root, dataDir, generator.Queries, options.Clients, options.Queries);
    report.Add(($"HTTP p50（{options.Clients} 并发）", $"{web.P50:F2} ms", "", null));
    report.Add(($"HTTP p99（{options.Clients} 并发）", $"{web.P99:F2} ms（{web.Requests:N0} 次，{web.PerSecond:N0} 次/s）", "≤ 50 ms", web.P99 <= 50));
    report.Add(("HTTP 查询 CPU 时间", $"网站进程平均 {web.CpuMsPerRequest:F2} ms/次", "", null));
    report.Add(("网站进程内存", $"{web.RssMb:N0} MB 常驻，峰值 {web.PeakMb:N0} MB", "", null));
}

Console.WriteLine();
Console.WriteLine("搜索基准结果");
foreach (var (name, value, floor, ok) in report)
{
    Console.WriteLine($"  {name,-22} {value}{(floor.Length > 0 ? $"  [要求 {floor}：{(ok == true ? "达标" : "未达标")}]" : "")}");
}

if (!options.Keep && options.DataDir is null)
{
    Directory.Delete(dataDir, recursive: true);
}

return report.All(r => r.Ok != false) ? 0 : 1;

static (List<double> Times, long Hits, double CpuMs) Measure(SearchService search, IReadOnlyList<string> queries, int count)
{
    var times = new List<double>(count);
    long hits = 0;
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    for (var i = 0; i < count; i++)
    {
        var start = Stopwatch.GetTimestamp();
        var result = search.Search(new SearchRequest { Query = queries[i % queries.Count], PageSize = 10 })!;
        times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        hits += result.Total;
    }

    return (times, hits, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / count);
}

static double Percentile(List<double> values, int p)
{
    var sorted = values.Order().ToList();
    return sorted[Math.Clamp((int)Math.Ceiling(p / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
}

internal sealed record BenchOptions(int Docs, int Clients, int Queries, string? DataDir, bool Keep, bool SkipHttp, bool SkipReindex)
{
    public static BenchOptions Parse(string[] args)
    {
        string? Value(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        int Int(string name, int fallback) => Value(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        return new BenchOptions(Int("--docs", 100_000), Int("--clients", 8), Int("--queries", 2000), Value("--data-dir"), args.Contains("--keep"), args.Contains("--skip-http"), args.Contains("--skip-reindex"));
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PublicitySite.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Run the benchmark from inside the repository.");
    }
}
