using System.Globalization;
using PublicitySite.Bench.Pages;

// Page benchmark: the home page and an article, each served five ways in one run — nginx serving the same
// bytes as a plain file, a bare Kestrel app returning them from memory, our fast path (cached page), our
// static publish files through the sample nginx configuration, and our uncached render — with wrk.
//   dotnet build src/PublicitySite.Web -c Release && dotnet run --project bench/Pages -c Release -- [options]
// Options: --connections 32 --seconds 10 --warmup 2 --threads 1 --encoding gzip --configuration Release --rounds 3
// With --rounds N the five servers take turns N times and each row is the median round: on a machine with other
// work running, a spell of load then falls on every server alike instead of on whichever ran at that moment.
var options = Options.Parse(args);
var root = BenchFiles.FindRoot();
var webDll = Path.Combine(root, "src", "PublicitySite.Web", "bin", options.Configuration, "net10.0", "PublicitySite.Web.dll");
if (!File.Exists(webDll))
{
    Console.Error.WriteLine($"找不到 {webDll}：请先运行 dotnet build src/PublicitySite.Web -c {options.Configuration}");
    return 2;
}

if (!WrkRunner.Available || !NginxProcess.Available)
{
    Console.Error.WriteLine("需要 wrk 和 nginx：apt-get install wrk nginx");
    return 2;
}

var work = Path.Combine(Path.GetTempPath(), "publicity-bench-" + Guid.NewGuid().ToString("N")[..8]);
var themesDir = Path.Combine(work, "themes");
var publishDir = Path.Combine(work, "publish");
var plainDir = Path.Combine(work, "plain");
BenchFiles.CopyDirectory(Path.Combine(root, "themes"), themesDir);
Directory.CreateDirectory(plainDir);
var pages = new (string Name, string Path)[] { ("home", "/"), ("article", "/news/2025/shi-zhengxie-wujie-sanci-huiyi-kaimu") };
var runner = new WrkRunner(options.Connections, options.Threads, options.Seconds, options.Warmup, options.Encoding);
var results = new List<LoadResult>();
var loadBefore = BenchFiles.LoadAverage();
Console.WriteLine($"页面基准：wrk {options.Threads} 线程 {options.Connections} 个连接，每项 {options.Seconds} 秒（预热 {options.Warmup} 秒）× {Math.Max(1, options.Rounds)} 轮取中位数，{Environment.ProcessorCount} 核，Accept-Encoding: {options.Encoding ?? "无"}，负载 {loadBefore}");
try
{
    await using var cached = await ServerProcess.StartAsync(webDll, Path.Combine(work, "data"), themesDir, pageCache: true, "--StaticPublish:Directory=" + publishDir);
    await using var uncached = await ServerProcess.StartAsync(webDll, Path.Combine(work, "data-uncached"), themesDir, pageCache: false);
    using var fetch = new HttpClient();
    var bytes = new Dictionary<string, byte[]>();
    foreach (var (name, path) in pages)
    {
        bytes["/" + name] = await fetch.GetByteArrayAsync(new Uri(cached.BaseUrl + path));
        await File.WriteAllBytesAsync(Path.Combine(plainDir, name + ".html"), bytes["/" + name]);
        var published = Path.Combine(publishDir, path.Trim('/'), "index.html");
        for (var i = 0; i < 600 && !File.Exists(published); i++)
        {
            await Task.Delay(100);
        }

        Console.WriteLine($"  {name}: {path}（{bytes["/" + name].Length:N0} 字节，静态发布文件 {new FileInfo(published).Length:N0} 字节）");
    }

    var appPort = new Uri(cached.BaseUrl).Port;
    using var nginx = NginxProcess.Start(root, Path.Combine(work, "nginx"), plainDir, publishDir, appPort);
    await using var kestrel = await MinimalKestrel.StartAsync(bytes);
    var rounds = new List<LoadResult>();
    foreach (var (name, path) in pages)
    {
        for (var round = 0; round < Math.Max(1, options.Rounds); round++)
        {
            rounds.Add(await runner.RunAsync(name, "nginx-file", new Uri($"{nginx.PlainUrl}/{name}.html")));
            rounds.Add(await runner.RunAsync(name, "kestrel", new Uri($"{kestrel.BaseUrl}/{name}")));
            rounds.Add(await runner.RunAsync(name, "fast-path", new Uri(cached.BaseUrl + path)));
            rounds.Add(await runner.RunAsync(name, "static", new Uri(nginx.PublishedUrl + path)));
            rounds.Add(await runner.RunAsync(name, "uncached", new Uri(uncached.BaseUrl + path)));
        }
    }

    results.AddRange(rounds.GroupBy(r => (r.Page, r.Mode)).Select(g => g.OrderBy(r => r.Rate).ElementAt(g.Count() / 2)));
}
finally
{
    BenchFiles.DeleteQuietly(work);
}

string[] order = ["nginx-file", "kestrel", "fast-path", "static", "uncached"];
Console.WriteLine();
Console.WriteLine($"负载：开始 {loadBefore}，结束 {BenchFiles.LoadAverage()}");
Console.WriteLine($"{"page",-8} {"server",-11} {"req/s",9} {"×nginx",7} {"p50 ms",8} {"p90 ms",8} {"p99 ms",8} {"bytes",8} {"errors",7}");
foreach (var group in results.GroupBy(r => r.Page))
{
    var anchor = group.First(r => r.Mode == "nginx-file").Rate;
    foreach (var r in group.OrderBy(r => Array.IndexOf(order, r.Mode)))
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{r.Page,-8} {r.Mode,-11} {r.Rate,9:F0} {r.Rate / anchor,7:F2} {r.P50,8:F2} {r.P90,8:F2} {r.P99,8:F2} {r.Bytes,8} {r.Errors,7}"));
    }
}

// The floors the issue sets, checked on this run's numbers: the fast path at half of nginx serving the same
// bytes, the published files through nginx at nginx's own rate.
var failures = new List<string>();
foreach (var group in results.GroupBy(r => r.Page))
{
    var nginxRate = group.First(r => r.Mode == "nginx-file").Rate;
    var fast = group.First(r => r.Mode == "fast-path").Rate;
    var published = group.First(r => r.Mode == "static").Rate;
    Check(fast >= 0.5 * nginxRate, $"{group.Key}: fast path ≥ 0.5× nginx ({fast / nginxRate:F2}×)");
    Check(published >= 0.95 * nginxRate, $"{group.Key}: static publish through nginx ≥ 0.95× nginx ({published / nginxRate:F2}×)");
    Check(group.All(r => r.Errors == 0 && r.Requests > 0), $"{group.Key}: no failed requests");
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
