using System.Globalization;
using PublicitySite.Bench.Pages;

// Page benchmark: the home page and an article, each output-cached, uncached, and as a static file of the
// same bytes from the same server; requests/s and latency percentiles side by side.
//   dotnet build src/PublicitySite.Web -c Release && dotnet run --project bench/Pages -c Release -- [options]
// Options: --connections 32 --seconds 10 --warmup 2 --max-requests 2000000 --configuration Release
var options = Options.Parse(args);
var root = BenchFiles.FindRoot();
var webDll = Path.Combine(root, "src", "PublicitySite.Web", "bin", options.Configuration, "net10.0", "PublicitySite.Web.dll");
if (!File.Exists(webDll))
{
    Console.Error.WriteLine($"找不到 {webDll}：请先运行 dotnet build src/PublicitySite.Web -c {options.Configuration}");
    return 2;
}

var work = Path.Combine(Path.GetTempPath(), "publicity-bench-" + Guid.NewGuid().ToString("N")[..8]);
var dataDir = Path.Combine(work, "data");
var themesDir = Path.Combine(work, "themes");
BenchFiles.CopyDirectory(Path.Combine(root, "themes"), themesDir);
var pages = new (string Name, string Path)[] { ("home", "/"), ("article", "/news/2025/shi-zhengxie-wujie-sanci-huiyi-kaimu") };
var runner = new LoadRunner(options.Connections, TimeSpan.FromSeconds(options.Warmup), TimeSpan.FromSeconds(options.Seconds), options.MaxRequests);
var results = new List<LoadResult>();
Console.WriteLine($"页面基准：{options.Connections} 个连接，每项 {options.Seconds} 秒（预热 {options.Warmup} 秒），{Environment.ProcessorCount} 核");
try
{
    await using (var cached = await ServerProcess.StartAsync(webDll, dataDir, themesDir, pageCache: true))
    {
        using var fetch = new HttpClient();
        foreach (var (name, path) in pages)
        {
            // The static copy: the page's own bytes, served by the same server's static file middleware.
            var bytes = await fetch.GetByteArrayAsync(new Uri(cached.BaseUrl + path));
            var file = Path.Combine(themesDir, "publicity", "assets", "bench", name + ".html");
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            await File.WriteAllBytesAsync(file, bytes);
            Console.WriteLine($"  {name}: {path}（{bytes.Length:N0} 字节）");
            results.Add(await runner.RunAsync(name, "static", new Uri($"{cached.BaseUrl}/themes/publicity/bench/{name}.html")));
            results.Add(await runner.RunAsync(name, "cached", new Uri(cached.BaseUrl + path)));
        }
    }

    await using (var uncached = await ServerProcess.StartAsync(webDll, dataDir, themesDir, pageCache: false))
    {
        foreach (var (name, path) in pages)
        {
            results.Add(await runner.RunAsync(name, "uncached", new Uri(uncached.BaseUrl + path)));
        }
    }
}
finally
{
    BenchFiles.DeleteQuietly(work);
}

Console.WriteLine();
Console.WriteLine($"{"page",-8} {"mode",-9} {"req/s",9} {"×static",8} {"p50 ms",8} {"p90 ms",8} {"p99 ms",8} {"bytes",8} {"errors",7}");
foreach (var group in results.GroupBy(r => r.Page))
{
    var staticRate = group.First(r => r.Mode == "static").Rate;
    foreach (var r in group.OrderBy(r => r.Mode switch { "static" => 0, "cached" => 1, _ => 2 }))
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{r.Page,-8} {r.Mode,-9} {r.Rate,9:F0} {r.Rate / staticRate,8:F2} {r.P50,8:F2} {r.P90,8:F2} {r.P99,8:F2} {r.Bytes,8} {r.Errors,7}"));
    }
}

// The floors the issue sets, checked on this run's numbers.
var failures = new List<string>();
foreach (var group in results.GroupBy(r => r.Page))
{
    var s = group.First(r => r.Mode == "static");
    var c = group.First(r => r.Mode == "cached");
    var u = group.First(r => r.Mode == "uncached");
    Check(c.Rate >= 0.8 * s.Rate, $"{group.Key}: cached ≥ 0.8× static ({c.Rate / s.Rate:F2}×)");
    Check(c.P99 < 20, $"{group.Key}: cached p99 < 20 ms ({c.P99:F1} ms)");
    if (group.Key == "article")
    {
        Check(u.Rate >= 0.25 * s.Rate, $"{group.Key}: uncached ≥ 0.25× static ({u.Rate / s.Rate:F2}×)");
    }

    Check(group.All(r => r.Errors == 0), $"{group.Key}: no failed requests");
}

Console.WriteLine();
Console.WriteLine(failures.Count == 0 ? "全部达标。" : $"{failures.Count} 项未达标。");
return failures.Count == 0 ? 0 : 1;

void Check(bool ok, string what)
{
    Console.WriteLine($"  [{(ok ? "达标" : "未达标")}] {what}");
    if (!ok)
    {
        failures.Add(what);
    }
}
