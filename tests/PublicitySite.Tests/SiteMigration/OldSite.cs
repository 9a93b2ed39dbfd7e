using System.Diagnostics;
using System.Globalization;
using System.Text;
using PublicitySite.Tests.Infrastructure;
using PublicitySite.Tests.Media;

namespace PublicitySite.Tests.SiteMigration;

/// <summary>One article of the old site as the tests expect it to arrive.</summary>
public sealed record OldArticle(string Column, string ColumnName, int Id, DateTime Date, string Title, string Path, bool Gbk, bool HasAttachment, bool HasTable);

/// <summary>
/// An old TRS-style government site written to a folder and served by nginx on loopback: three columns with
/// paged lists (10 a page), 52 good articles (pictures, PDF, Word and Excel attachments, tables inside layout tables,
/// links to the previous and next article, the 通知公告 column in GBK), and six pages that must fail: no
/// title, 404, 500, a date nobody can read, a 6 MB page and a redirect off the site. Also one missing
/// picture, one refused attachment (.doc), one link to a page never migrated, and robots.txt.
/// </summary>
public sealed class OldSite : IDisposable
{
    public const int GoodArticles = 52;
    public const int BadArticles = 6;

    private static readonly (string Key, string Name, int Count, bool Gbk)[] Columns = [("zxyw", "政协要闻", 22, false), ("gzdt", "工作动态", 22, false), ("tzgg", "通知公告", 8, true)];

    private readonly TestDirectory folder = new();
    private readonly TestDirectory nginxFolder = new();
    private string? config;

    static OldSite() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public OldSite()
    {
        Root = Path.Combine(folder.Path, "www");
        Directory.CreateDirectory(Root);
        Write();
        Port = ServerProcess.FreePort();
        StartNginx();
    }

    public string Root { get; }

    public int Port { get; }

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    public List<OldArticle> Articles { get; } = [];

    /// <summary>Old addresses of the pages that must fail, with the words their reason must contain.</summary>
    public List<(string Path, string Reason)> Failures { get; } = [];

    public List<string> ListPages { get; } = [];

    public string Mapping(double requestsPerSecond = 0, string extra = "") => $$"""
        {
          "baseUrl": "{{BaseUrl}}",
          "start": ["/zxyw/index.html", "/gzdt/index.html", "/tzgg/index.html"],
          "follow": ["^/(zxyw|gzdt|tzgg)/index(_\\d+)?\\.html$"],
          "items": [
            { "match": "^/zxyw/\\d{6}/t\\d+_\\d+\\.html$", "type": "News", "column": "政协要闻" },
            { "match": "^/gzdt/\\d{6}/t\\d+_\\d+\\.html$", "type": "News", "column": "工作动态" },
            { "match": "^/tzgg/\\d{6}/t\\d+_\\d+\\.html$", "type": "News", "column": "通知公告" }
          ],
          "selectors": { "title": "h1", "date": ".info .time", "source": ".info .source", "author": ".info .author", "body": ".TRS_Editor" },
          "dateFormats": ["yyyy-MM-dd HH:mm", "yyyy-MM-dd", "yyyy年M月d日"],
          "requestsPerSecond": {{requestsPerSecond.ToString(CultureInfo.InvariantCulture)}},
          "retries": 1{{extra}}
        }
        """;

    public string WriteMapping(string directory, double requestsPerSecond = 0, string extra = "")
    {
        var file = Path.Combine(directory, "mapping.json");
        File.WriteAllText(file, Mapping(requestsPerSecond, extra));
        return file;
    }

    /// <summary>Rewrites one article's page with a changed body (an edit on the old site).</summary>
    public void Change(OldArticle article, string newWords) =>
        File.WriteAllText(Path.Combine(Root, article.Path.TrimStart('/')), ArticlePage(article, newWords, Prev: null, Next: null));

    public void Restore(OldArticle article)
    {
        var column = Articles.Where(a => a.Column == article.Column).ToList();
        var i = column.IndexOf(article);
        WritePage(article.Path, ArticlePage(article, null, i > 0 ? column[i - 1] : null, i + 1 < column.Count ? column[i + 1] : null), article.Gbk);
    }

    private void Write()
    {
        File.WriteAllText(Path.Combine(Root, "robots.txt"), "User-agent: *\nDisallow: /private/\n");
        Directory.CreateDirectory(Path.Combine(Root, "about"));
        File.WriteAllText(Path.Combine(Root, "about", "contact.html"), "<html><body><h1>联系我们</h1></body></html>");
        var start = new DateTime(2023, 1, 5, 9, 30, 0);
        var n = 0;
        foreach (var (key, name, count, gbk) in Columns)
        {
            var articles = new List<OldArticle>();
            for (var i = 1; i <= count; i++, n++)
            {
                var date = start.AddDays(n * 13).AddMinutes(i);
                var id = (Array.FindIndex(Columns, c => c.Key == key) + 1) * 100 + i;
                var title = gbk ? $"关于第{i}期学习会的通知（繁忙時期）" : $"{name}：第{i}次协商会议召开";
                articles.Add(new OldArticle(key, name, id, date, title, $"/{key}/{date:yyyyMM}/t{date:yyyyMMdd}_{id}.html", gbk, i % 5 == 0, i % 7 == 0));
            }

            for (var i = 0; i < articles.Count; i++)
            {
                WritePage(articles[i].Path, ArticlePage(articles[i], null, i > 0 ? articles[i - 1] : null, i + 1 < articles.Count ? articles[i + 1] : null), gbk);
                WriteFile($"/{key}/{articles[i].Date:yyyyMM}/W{articles[i].Id}.jpg", SampleFiles.Jpeg(64, 48, seed: articles[i].Id));
                if (articles[i].HasAttachment)
                {
                    WriteFile($"/files/doc_{articles[i].Id}.pdf", SampleFiles.Pdf($"% article {articles[i].Id}\n"));
                    WriteFile($"/files/agenda_{articles[i].Id}.doc", OfficeSamples.Doc());
                    WriteFile($"/files/roster_{articles[i].Id}.xls", OfficeSamples.Xls());
                }
            }

            Articles.AddRange(articles);
            var links = articles.Select(a => (a.Path, a.Title)).ToList();
            if (key == "zxyw")
            {
                links.AddRange(BadPages());
            }

            WriteLists(key, name, links, gbk);
        }
    }

    private IEnumerable<(string Path, string Title)> BadPages()
    {
        (string, string) Bad(int id, string reason, string? body)
        {
            var path = $"/zxyw/202405/t20240501_{id}.html";
            Failures.Add((path, reason));
            if (body is not null)
            {
                WritePage(path, body, false);
            }

            return (path, $"坏页面{id}");
        }

        yield return Bad(901, "没有标题", "<html><head><meta charset=\"utf-8\"></head><body><div class=\"info\"><span class=\"time\">2024-05-01</span></div><div class=\"TRS_Editor\"><p>正文<b>没有闭合<div></body>");
        yield return Bad(902, "404", null);
        yield return Bad(500, "HTTP 500", null);
        yield return Bad(904, "无法识别日期", "<html><head><meta charset=\"utf-8\"></head><body><h1>日期不详的文章</h1><div class=\"info\"><span class=\"time\">发布时间：近日</span></div><div class=\"TRS_Editor\"><p>正文</p></div></body></html>");
        yield return Bad(903, "上限", "<html><head><meta charset=\"utf-8\"></head><body><h1>很大的页面</h1><div class=\"TRS_Editor\"><p>" + new string('大', 2_100_000) + "</p></div></body></html>");
        yield return Bad(900, "baseUrl 以外", null);
    }

    private void WriteLists(string key, string name, List<(string Path, string Title)> links, bool gbk)
    {
        var pages = (links.Count + 9) / 10;
        for (var p = 0; p < pages; p++)
        {
            var file = p == 0 ? $"/{key}/index.html" : $"/{key}/index_{p}.html";
            ListPages.Add(file);
            var html = new StringBuilder();
            html.Append(CultureInfo.InvariantCulture, $"<html><head><meta charset=\"{(gbk ? "gb2312" : "utf-8")}\"><title>{name}</title></head><body>");
            html.Append("<div class=\"nav\"><a href=\"/zxyw/index.html\">政协要闻</a> <a href=\"/gzdt/index.html\">工作动态</a> <a href=\"/tzgg/index.html\">通知公告</a> <a href=\"/about/contact.html\">联系我们</a> <a href=\"/private/secret.html\">内部</a></div><ul>");
            foreach (var (path, title) in links.Skip(p * 10).Take(10))
            {
                // Relative, as TRS writes them: ./202403/t20240312_101.html
                html.Append(CultureInfo.InvariantCulture, $"<li><a href=\".{path[(key.Length + 1)..]}\">{title}</a></li>");
            }

            html.Append("</ul><div class=\"page\">");
            for (var q = 0; q < pages; q++)
            {
                html.Append(CultureInfo.InvariantCulture, $"<a href=\"{(q == 0 ? "index.html" : $"index_{q}.html")}\">{q + 1}</a> ");
            }

            html.Append("</div></body></html>");
            WritePage(file, html.ToString(), gbk);
        }
    }

    private static string ArticlePage(OldArticle a, string? replacedWords, OldArticle? Prev, OldArticle? Next)
    {
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"<p style=\"text-indent:2em\"><span style=\"font-family:仿宋_GB2312\">{replacedWords ?? $"第{a.Id}号文章的正文，会议强调要把协商成果转化为实际行动。"}</span></p>");
        body.Append(CultureInfo.InvariantCulture, $"<p align=\"center\"><img src=\"./W{a.Id}.jpg\" alt=\"会议现场\"></p>");
        body.Append("<script>document.write('统计代码');</script><style>.x{color:red}</style>");
        if (a.Id == 110)
        {
            body.Append("<p><img src=\"./missing_110.jpg\"></p><p>图片缺失之后的文字仍应保留。</p>");
        }

        if (a.HasAttachment)
        {
            body.Append(CultureInfo.InvariantCulture, $"<p>附件：<a href=\"/files/doc_{a.Id}.pdf\">会议材料.pdf</a></p>");
            body.Append(CultureInfo.InvariantCulture, $"<p>附件：<a href=\"/files/agenda_{a.Id}.doc\">会议日程.doc</a> <a href=\"/files/roster_{a.Id}.xls\">参会名单.xls</a></p>");
        }

        if (a.Id == 115)
        {
            body.Append("<p>附件：<a href=\"/files/old_115.doc\">旧格式文档.doc</a></p>");
        }

        if (a.HasTable)
        {
            body.Append("<table border=\"1\"><tr><th>项目</th><th>数量</th></tr><tr><td>提案</td><td>12</td></tr></table>");
        }

        if (Prev is not null)
        {
            body.Append(CultureInfo.InvariantCulture, $"<p>上一篇：<a href=\"{Prev.Path}\">{Prev.Title}</a></p>");
        }

        if (Next is not null)
        {
            body.Append(CultureInfo.InvariantCulture, $"<p>下一篇：<a href=\"../{Next.Path[(a.Column.Length + 2)..]}\">{Next.Title}</a></p>");
        }

        if (a.Id == 101)
        {
            body.Append("<p>详见<a href=\"/about/contact.html\">联系我们</a>。</p>");
        }

        return $$"""
            <!DOCTYPE html>
            <html><head><meta http-equiv="Content-Type" content="text/html; charset={{(a.Gbk ? "gb2312" : "utf-8")}}"><title>{{a.Title}}</title></head>
            <body><table width="100%" border="0"><tr><td>
            <h1>{{a.Title}}</h1>
            <div class="info"><span class="time">发布时间：{{a.Date:yyyy-MM-dd HH:mm}}</span> <span class="source">来源：市政协办公室</span> <span class="author">作者：记者{{a.Id}}</span></div>
            <div class="TRS_Editor"><table width="100%" border="0"><tr><td>{{body}}</td></tr></table></div>
            </td></tr></table></body></html>
            """;
    }

    private void WritePage(string path, string html, bool gbk)
    {
        var file = Path.Combine(Root, path.TrimStart('/'));
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllBytes(file, (gbk ? Encoding.GetEncoding("GB18030") : Encoding.UTF8).GetBytes(html));
    }

    private void WriteFile(string path, byte[] bytes)
    {
        var file = Path.Combine(Root, path.TrimStart('/'));
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllBytes(file, bytes);
    }

    private void StartNginx()
    {
        var dir = nginxFolder.Path;
        var main = $$"""
            worker_processes 1;
            daemon on;
            pid {{dir}}/nginx.pid;
            error_log {{dir}}/error.log;
            events { worker_connections 256; }
            http {
                include /etc/nginx/mime.types;
                access_log off;
                client_body_temp_path {{dir}}/body;
                proxy_temp_path {{dir}}/proxy;
                fastcgi_temp_path {{dir}}/fastcgi;
                uwsgi_temp_path {{dir}}/uwsgi;
                scgi_temp_path {{dir}}/scgi;
                server {
                    listen 127.0.0.1:{{Port}};
                    root {{Root}};
                    location = /zxyw/202405/t20240501_500.html { return 500; }
                    location = /zxyw/202405/t20240501_900.html { return 302 http://example.invalid/moved.html; }
                    location = /files/old_115.doc { default_type application/msword; return 200 "not really a word file"; }
                }
            }
            """;
        config = Path.Combine(dir, "nginx.conf");
        File.WriteAllText(config, main);
        Run("-c", config, "-p", dir);
    }

    public void Dispose()
    {
        if (config is not null)
        {
            Run("-c", config, "-p", Path.GetDirectoryName(config)!, "-s", "stop");
        }

        folder.Dispose();
        nginxFolder.Dispose();
    }

    private static void Run(params string[] args)
    {
        var start = new ProcessStartInfo("/usr/sbin/nginx") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, "nginx: " + error);
    }
}
