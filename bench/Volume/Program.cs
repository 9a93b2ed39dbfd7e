using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PublicitySite.Bench.Volume;
using PublicitySite.Contents;
using PublicitySite.Proposals;
using PublicitySite.Tests.Infrastructure;
using PublicitySite.Tests.Proposals;
using PublicitySite.Workflow;

// Page times on a generated volume: the seed plus 300 members, 5 collections of 30 long 文史 articles and a
// session of 500 proposals. Each page is read once (its first render) and then --repeats times (the page cache
// answers most of those); the figures are server plus loopback time seen by one client.
//   dotnet run --project bench/Volume -c Release -- [--repeats 20]
// Floors: every page's p95 under 1,500 ms, the statistics page of the 500-proposal session under 200 ms median.
var repeats = args.Length > 1 && args[0] == "--repeats" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
var dataDir = Path.Combine(Path.GetTempPath(), "publicity-volume-" + Guid.NewGuid().ToString("N")[..8]);
Directory.CreateDirectory(dataDir);
var failures = new List<string>();
try
{
    using var site = new VolumeSite(dataDir);
    site.UseKestrel(0);
    site.StartServer();
    using var client = new HttpClient { BaseAddress = site.ClientOptions.BaseAddress };

    var generate = Stopwatch.StartNew();
    await SampleContent.GenerateAsync(site.Services);
    await using (var scope = site.Services.CreateAsyncScope())
    {
        var contents = scope.ServiceProvider.GetRequiredService<ContentManager>();
        foreach (var name in ProposalSessionGenerator.Members)
        {
            var member = await contents.CreateAsync("Member", new JsonObject { ["title"] = name, ["body"] = "示例委员。" }, "admin");
            await contents.PublishAsync(member.Value!.ContentItemId);
        }

        var run = await scope.ServiceProvider.GetRequiredService<ProposalImporter>()
            .ImportAsync(new Actor("clerk", "ProposalClerk"), new ProposalImportRequest(ProposalSessionGenerator.Json(500), "json", DryRun: false, Publish: true));
        if (run.Value is not { Committed: true })
        {
            Console.Error.WriteLine("提案导入失败：" + run.Failure?.Detail);
            return 2;
        }
    }

    Console.WriteLine($"生成数据：{generate.Elapsed.TotalSeconds:F1} 秒（300 位委员、5 套文史资料各 30 篇、500 件提案）");
    Console.WriteLine();
    Console.WriteLine($"{"page",-52} {"first ms",9} {"median ms",10} {"p95 ms",8} {"KB",6}");
    string[] pages =
    [
        "/members", "/members?sector=%E6%95%99%E8%82%B2%E7%95%8C", "/members/sample-member-17", "/api/members?pageSize=500",
        "/literature", "/literature/sample-volume-3", "/literature/articles/sample-article-3-15", "/api/literature/collections",
        "/proposals/statistics?session=5-5", "/api/proposals?session=5-5&pageSize=100",
    ];
    foreach (var page in pages)
    {
        var first = await TimeAsync(page);
        var times = new List<double>();
        for (var i = 0; i < repeats; i++)
        {
            times.Add((await TimeAsync(page)).Ms);
        }

        times.Sort();
        var median = times[times.Count / 2];
        var p95 = times[Math.Max(0, (int)Math.Ceiling(times.Count * 0.95) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{page,-52} {first.Ms,9:F1} {median,10:F1} {p95,8:F1} {first.Bytes / 1024,6}"));
        Check(first.Ok, $"{page}: 200");
        Check(p95 < 1500, $"{page}: p95 < 1500 ms");
        if (page.StartsWith("/proposals/statistics", StringComparison.Ordinal))
        {
            Check(median < 200, $"{page}: median < 200 ms");
        }
    }

    async Task<(double Ms, long Bytes, bool Ok)> TimeAsync(string page)
    {
        var watch = Stopwatch.StartNew();
        using var response = await client.GetAsync(new Uri(page, UriKind.Relative));
        var body = await response.Content.ReadAsByteArrayAsync();
        return (watch.Elapsed.TotalMilliseconds, body.Length, response.IsSuccessStatusCode);
    }
}
finally
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    try
    {
        Directory.Delete(dataDir, recursive: true);
    }
    catch (IOException)
    {
        // A file still held open is left to the temp cleaner.
    }
}

Console.WriteLine();
Console.WriteLine(failures.Count == 0 ? "全部达标。" : $"{failures.Count} 项未达标：{string.Join("；", failures)}");
return failures.Count == 0 ? 0 : 1;

void Check(bool ok, string what)
{
    if (!ok)
    {
        failures.Add(what);
    }
}
