using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PublicitySite.Bench.Pages;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

// Import rate of migrate-site: an old site of N articles (each with a photo) served by nginx on loopback,
// migrated into an empty data directory once at the polite limit and once without a limit.
//   dotnet build src/PublicitySite.Web -c Release && dotnet run --project bench/Migration -c Release -- [articles=60] [requestsPerSecond=4]
var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 60;
var polite = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 4;
var root = BenchFiles.FindRoot();
var webDll = Path.Combine(root, "src", "PublicitySite.Web", "bin", "Release", "net10.0", "PublicitySite.Web.dll");
if (!File.Exists(webDll))
{
    Console.Error.WriteLine($"找不到 {webDll}：请先运行 dotnet build src/PublicitySite.Web -c Release");
    return 2;
}

var work = Path.Combine(Path.GetTempPath(), "publicity-bench-migration-" + Guid.NewGuid().ToString("N")[..8]);
var www = Path.Combine(work, "www");
var port = BenchFiles.FreePort();
Console.WriteLine($"网站迁移基准：{count} 篇文章（每篇一张图片），{Environment.ProcessorCount} 核，负载 {BenchFiles.LoadAverage()}");
try
{
    WriteSite(www, count);
    StartNginx(work, www, port);
    Console.WriteLine("| 限速 | 抓取页面 | 用时 | 页/秒 | 文章/秒 |");
    Console.WriteLine("|---|---|---|---|---|");
    foreach (var rate in new[] { polite, 0 })
    {
        var data = Path.Combine(work, $"data-{rate}");
        Directory.CreateDirectory(data);
        var mapping = Path.Combine(work, $"mapping-{rate}.json");
        File.WriteAllText(mapping, Mapping(port, rate));
        var watch = Stopwatch.StartNew();
        var output = Run(webDll, work, "migrate-site", "--config", mapping, "--data-dir", data);
        watch.Stop();
        var figures = Regex.Match(output, @"用时 ([\d.]+) 秒；抓取页面 (\d+) 个，请求 (\d+) 次，([\d.]+) 页/秒");
        var imported = Regex.Match(output, @"导入 (\d+) 篇");
        if (!figures.Success || !imported.Success)
        {
            Console.Error.WriteLine(output);
            return 1;
        }

        var seconds = double.Parse(figures.Groups[1].Value, CultureInfo.InvariantCulture);
        var articles = int.Parse(imported.Groups[1].Value, CultureInfo.InvariantCulture);
        Console.WriteLine($"| {(rate > 0 ? $"{rate} 次请求/秒" : "不限")} | {figures.Groups[2].Value}（请求 {figures.Groups[3].Value}） | {seconds:F1} s（进程 {watch.Elapsed.TotalSeconds:F1} s） | {figures.Groups[4].Value} | {articles / seconds:F1} |");
    }
}
finally
{
    StopNginx(work);
    BenchFiles.DeleteQuietly(work);
}

return 0;

static string Mapping(int port, double rate) => $$"""
    {
      "baseUrl": "http://127.0.0.1:{{port}}",
      "start": ["/zxyw/index.html", "/gzdt/index.html"],
      "follow": ["^/(zxyw|gzdt)/index(_\\d+)?\\.html$"],
      "items": [
        { "match": "^/zxyw/\\d{6}/t\\d+_\\d+\\.html$", "type": "News", "column": "政协要闻" },
        { "match": "^/gzdt/\\d{6}/t\\d+_\\d+\\.html$", "type": "News", "column": "工作动态" }
      ],
      "selectors": { "title": "h1", "date": ".info .time", "source": ".info .source", "author": ".info .author", "body": ".TRS_Editor" },
      "dateFormats": ["yyyy-MM-dd HH:mm"],
      "requestsPerSecond": {{rate.ToString(CultureInfo.InvariantCulture)}}
    }
    """;

static void WriteSite(string www, int count)
{
    var columns = new[] { "zxyw", "gzdt" };
    var paths = columns.ToDictionary(c => c, _ => new List<string>());
    for (var i = 0; i < count; i++)
    {
        var column = columns[i % 2];
        var date = new DateTime(2020, 1, 1, 9, 0, 0).AddDays(i * 7);
        var path = $"/{column}/{date:yyyyMM}/t{date:yyyyMMdd}_{1000 + i}.html";
        paths[column].Add(path);
        var dir = Path.Combine(www, column, date.ToString("yyyyMM", CultureInfo.InvariantCulture));
        Directory.CreateDirectory(dir);
        using (var image = new Image<Rgb24>(320, 240, new Rgb24((byte)(i * 7), (byte)(i * 13), 120)))
        {
            image.SaveAsJpeg(Path.Combine(dir, $"W{1000 + i}.jpg"));
        }

        var words = string.Concat(Enumerable.Repeat("政协委员围绕年度重点工作开展协商议政，提出意见建议。", 30));
        File.WriteAllText(Path.Combine(www, path.TrimStart('/')), $"""
            <html><head><meta charset="utf-8"><title>第{i}篇</title></head><body>
            <h1>政协工作第{i}篇报道</h1><div class="info"><span class="time">{date:yyyy-MM-dd HH:mm}</span><span class="source">来源：办公室</span><span class="author">作者：记者</span></div>
            <div class="TRS_Editor"><p>{words}</p><p><img src="./W{1000 + i}.jpg"></p><p>{words}</p></div></body></html>
            """, Encoding.UTF8);
    }

    foreach (var column in columns)
    {
        var list = paths[column];
        var pages = (list.Count + 19) / 20;
        for (var p = 0; p < pages; p++)
        {
            var links = string.Concat(list.Skip(p * 20).Take(20).Select(l => $"<li><a href=\"{l}\">x</a></li>"));
            var pager = string.Concat(Enumerable.Range(0, pages).Select(q => $"<a href=\"{(q == 0 ? "index.html" : $"index_{q}.html")}\">{q + 1}</a>"));
            File.WriteAllText(Path.Combine(www, column, p == 0 ? "index.html" : $"index_{p}.html"), $"<html><body><ul>{links}</ul>{pager}</body></html>");
        }
    }
}

static void StartNginx(string work, string www, int port)
{
    var conf = Path.Combine(work, "nginx.conf");
    File.WriteAllText(conf, $$"""
        worker_processes 1; daemon on; pid {{work}}/nginx.pid; error_log {{work}}/error.log;
        events { worker_connections 256; }
        http { include /etc/nginx/mime.types; access_log off; client_body_temp_path {{work}}/body; proxy_temp_path {{work}}/proxy;
               fastcgi_temp_path {{work}}/fastcgi; uwsgi_temp_path {{work}}/uwsgi; scgi_temp_path {{work}}/scgi;
               server { listen 127.0.0.1:{{port}}; root {{www}}; } }
        """);
    Nginx("-c", conf, "-p", work);
}

static void StopNginx(string work)
{
    if (File.Exists(Path.Combine(work, "nginx.pid")))
    {
        Nginx("-c", Path.Combine(work, "nginx.conf"), "-p", work, "-s", "stop");
    }
}

static void Nginx(params string[] args)
{
    var start = new ProcessStartInfo("/usr/sbin/nginx") { RedirectStandardError = true };
    args.ToList().ForEach(start.ArgumentList.Add);
    using var process = Process.Start(start)!;
    process.WaitForExit();
}

static string Run(string dll, string workingDirectory, params string[] args)
{
    var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory };
    start.ArgumentList.Add(dll);
    args.ToList().ForEach(start.ArgumentList.Add);
    start.Environment["PUBLICITY_ADMIN_PASSWORD"] = "bench-password-1";
    start.Environment["Publicity__ImportSeed"] = "false";
    using var process = Process.Start(start)!;
    var error = process.StandardError.ReadToEndAsync();
    var output = process.StandardOutput.ReadToEnd();
    process.WaitForExit();
    return output + error.Result;
}
