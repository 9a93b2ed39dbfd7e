using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using PublicitySite.Bench.Pages;

// 提案汇编 benchmark: files N proposals through the office API (each 立案, 交办 and answered), then times
// GET /api/proposals/export?format=docx and ?format=xlsx, printing the file size and the times of each run.
//   dotnet build src/PublicitySite.Web -c Release && dotnet run --project bench/Export -c Release -- [--proposals 500] [--runs 5]
var proposals = Option(args, "--proposals", 500);
var runs = Option(args, "--runs", 5);
var root = BenchFiles.FindRoot();
var webDll = Path.Combine(root, "src", "PublicitySite.Web", "bin", "Release", "net10.0", "PublicitySite.Web.dll");
if (!File.Exists(webDll))
{
    Console.Error.WriteLine($"找不到 {webDll}：请先运行 dotnet build src/PublicitySite.Web -c Release");
    return 2;
}

var work = Path.Combine(Path.GetTempPath(), "publicity-bench-export-" + Guid.NewGuid().ToString("N")[..8]);
var dataDir = Path.Combine(work, "data");
try
{
    var token = await TokenAsync(webDll, dataDir);
    await using var server = await ServerProcess.StartAsync(webDll, dataDir, Path.Combine(root, "themes"), pageCache: true, "--Api:TokenPerMinute=100000000");
    using var client = new HttpClient { BaseAddress = new Uri(server.BaseUrl), Timeout = TimeSpan.FromMinutes(5) };
    client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    var today = DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    var text = string.Concat(Enumerable.Repeat("近年来，随着城镇化进程加快，社区公共服务需求持续增长，现有设施与居民期待之间仍有差距。", 12));
    var fill = Stopwatch.StartNew();
    for (var i = 1; i <= proposals; i++)
    {
        var filed = await Ok(await client.PostAsJsonAsync("/api/proposals", new
        {
            title = $"关于改进社区公共服务的第{i}号建议（基准）", body = $"## 案据\n\n{text}\n\n## 建议\n\n{text}", filedOn = today,
            proposers = new[] { "示例委员甲", "示例委员乙" }, category = "社会建设", @public = true,
        }));
        var id = filed.GetProperty("id").GetString();
        await Ok(await client.PostAsJsonAsync($"/api/proposals/{id}/events", new { kind = "立案" }));
        await Ok(await client.PostAsJsonAsync($"/api/proposals/{id}/events", new { kind = "交办", unit = "市民政局" }));
        await Ok(await client.PostAsJsonAsync($"/api/proposals/{id}/events", new { kind = "已答复", unit = "市民政局", replyClass = "B", replyText = text }));
    }

    Console.WriteLine($"提案汇编基准：{proposals} 件提案（登记并答复用时 {fill.Elapsed.TotalSeconds:F1} 秒），每种格式 {runs} 次，{Environment.ProcessorCount} 核");
    Console.WriteLine($"{"format",-7} {"bytes",10} {"first ms",9} {"median ms",10} {"max ms",8}");
    foreach (var format in new[] { "docx", "xlsx" })
    {
        var times = new List<double>();
        long bytes = 0;
        for (var run = 0; run <= runs; run++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await client.GetAsync($"/api/proposals/export?format={format}");
            var body = await response.Content.ReadAsByteArrayAsync();
            watch.Stop();
            response.EnsureSuccessStatusCode();
            bytes = body.Length;
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        var first = times[0];
        var rest = times.Skip(1).Order().ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{format,-7} {bytes,10} {first,9:F0} {rest[rest.Count / 2],10:F0} {rest[^1],8:F0}"));
    }

    return 0;
}
finally
{
    BenchFiles.DeleteQuietly(work);
}

static int Option(string[] args, string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], CultureInfo.InvariantCulture, out var value) ? value : fallback;
}

static async Task<JsonElement> Ok(HttpResponseMessage response)
{
    if (!response.IsSuccessStatusCode)
    {
        throw new InvalidOperationException($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    return await response.Content.ReadFromJsonAsync<JsonElement>();
}

// The verb initialises the data directory and prints the new token on its first line.
static async Task<string> TokenAsync(string webDll, string dataDir)
{
    var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(webDll)! };
    foreach (var arg in new[] { webDll, "token", "create", "admin", "--scope", "write:proposals", "--data-dir", dataDir })
    {
        start.ArgumentList.Add(arg);
    }

    start.Environment["PUBLICITY_ADMIN_PASSWORD"] = "bench-password-1";

    using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
    var output = await process.StandardOutput.ReadToEndAsync();
    var error = await process.StandardError.ReadToEndAsync();
    await process.WaitForExitAsync();
    return process.ExitCode == 0 ? output.Split('\n')[0].Trim() : throw new InvalidOperationException(error);
}
