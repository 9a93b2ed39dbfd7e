using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using PublicitySite.Bench.Pages;

// API benchmark: GET /api/content (a page of news) and GET /api/content/{id} (one article with its body),
// each with the cache on (API reads share the page cache) and off; requests/s and latency percentiles.
//   dotnet build src/PublicitySite.Web -c Release && dotnet run --project bench/Api -c Release -- [options]
// Options: --connections 32 --seconds 10 --warmup 2 --max-requests 2000000 --configuration Release
var options = Options.Parse(args);
var root = BenchFiles.FindRoot();
var webDll = Path.Combine(root, "src", "PublicitySite.Web", "bin", options.Configuration, "net10.0", "PublicitySite.Web.dll");
if (!File.Exists(webDll))
{
    Console.Error.WriteLine($"找不到 {webDll}：请先运行 dotnet build src/PublicitySite.Web -c {options.Configuration}");
    return 2;
}

var work = Path.Combine(Path.GetTempPath(), "publicity-bench-api-" + Guid.NewGuid().ToString("N")[..8]);
var dataDir = Path.Combine(work, "data");
// The anonymous rate limit (600 a minute per address) would answer most of the load with 429.
string[] unlimited = ["--Api:AnonymousPerMinute=100000000"];
var runner = new LoadRunner(options.Connections, TimeSpan.FromSeconds(options.Warmup), TimeSpan.FromSeconds(options.Seconds), options.MaxRequests);
var results = new List<LoadResult>();
Console.WriteLine($"API 基准：{options.Connections} 个连接，每项 {options.Seconds} 秒（预热 {options.Warmup} 秒），{Environment.ProcessorCount} 核");
try
{
    var endpoints = new List<(string Name, string Path)> { ("list", "/api/content?type=News&pageSize=20") };
    foreach (var cached in new[] { true, false })
    {
        await using var server = await ServerProcess.StartAsync(webDll, dataDir, Path.Combine(root, "themes"), pageCache: cached, unlimited);
        if (endpoints.Count == 1)
        {
            using var fetch = new HttpClient();
            var list = await fetch.GetFromJsonAsync<JsonElement>(new Uri(server.BaseUrl + endpoints[0].Path));
            endpoints.Add(("detail", "/api/content/" + list.GetProperty("items")[0].GetProperty("id").GetString()));
            foreach (var (name, path) in endpoints)
            {
                Console.WriteLine($"  {name}: {path}");
            }
        }

        foreach (var (name, path) in endpoints)
        {
            results.Add(await runner.RunAsync(name, cached ? "cached" : "uncached", new Uri(server.BaseUrl + path)));
        }
    }
}
finally
{
    BenchFiles.DeleteQuietly(work);
}

Console.WriteLine();
Console.WriteLine($"{"endpoint",-9} {"mode",-9} {"req/s",9} {"p50 ms",8} {"p90 ms",8} {"p99 ms",8} {"bytes",8} {"errors",7}");
foreach (var r in results.OrderBy(r => r.Page).ThenBy(r => r.Mode))
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{r.Page,-9} {r.Mode,-9} {r.Rate,9:F0} {r.P50,8:F2} {r.P90,8:F2} {r.P99,8:F2} {r.Bytes,8} {r.Errors,7}"));
}

var failed = results.Where(r => r.Errors > 0).ToList();
Console.WriteLine();
Console.WriteLine(failed.Count == 0 ? "没有失败的请求。" : $"{failed.Count} 项有失败的请求。");
return failed.Count == 0 ? 0 : 1;
