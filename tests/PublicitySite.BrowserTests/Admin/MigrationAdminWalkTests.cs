using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Playwright;
using PublicitySite.BrowserTests.Workflow;

namespace PublicitySite.BrowserTests.Admin;

/// <summary>
/// An administrator opens 系统 → 网站迁移 in Chromium, pastes a mapping for a small old site (served by nginx on
/// loopback), starts the import and sees the report and the old-address map, then searches it. Screenshots in
/// bin/…/screenshots/migration-admin/ (or PUBLICITY_SHOTS).
/// </summary>
public sealed class MigrationAdminWalkTests
{
    private static readonly string Shots = Environment.GetEnvironmentVariable("PUBLICITY_SHOTS") is { Length: > 0 } dir ? dir : Path.Combine(AppContext.BaseDirectory, "screenshots", "migration-admin");

    [Fact]
    public async Task An_administrator_migrates_a_small_old_site_from_the_page_and_finds_its_old_addresses()
    {
        var folder = Path.Combine(Path.GetTempPath(), "publicity-walk-old", Guid.NewGuid().ToString("N")[..12]);
        var port = FreePort();
        WriteOldSite(Path.Combine(folder, "www"));
        Nginx(folder, port, start: true);
        try
        {
            using var site = new WalkSite();
            site.Start();
            await site.AddUserAsync("migration-walker", "Administrator", "迁移管理员");
            Directory.CreateDirectory(Shots);
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await Chromium.LaunchAsync(playwright);
            var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new() { Width = 1280, Height = 900 }, Locale = "zh-CN", BaseURL = site.Address.ToString() });
            var page = await context.NewPageAsync();
            await page.GotoAsync("/admin/login");
            await page.GetByLabel("用户名").FillAsync("migration-walker");
            await page.GetByLabel("密码").FillAsync(WalkSite.Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
            await page.Locator("h1").Filter(new() { HasText = "我的待办" }).WaitForAsync();

            var menu = page.GetByRole(AriaRole.Navigation, new() { Name = "管理菜单" });
            await menu.GetByText("系统", new() { Exact = true }).ClickAsync();
            await menu.GetByRole(AriaRole.Link, new() { Name = "网站迁移" }).ClickAsync();
            await page.Locator("h1").Filter(new() { HasText = "网站迁移" }).WaitForAsync();
            await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, "01-empty.png"), FullPage = true });

            await page.GetByLabel("映射文件（JSON").FillAsync(Mapping(port));
            await page.GetByLabel("导入后直接发布").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "开始迁移" }).ClickAsync();
            await page.Locator("#last-report").WaitForAsync(new() { Timeout = 60_000 });
            Assert.Contains("发现 3 篇，导入 3 篇", await page.Locator("#last-report").InnerTextAsync());
            Assert.Contains("共 4 条", await page.Locator("#map-heading").InnerTextAsync()); // 3 articles and the list page
            await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, "02-after-run.png"), FullPage = true });

            await page.GetByLabel("搜索旧地址或新地址").FillAsync("t20240312_2");
            await page.GetByRole(AriaRole.Button, new() { Name = "搜索", Exact = true }).ClickAsync();
            await page.Locator("#map-heading").Filter(new() { HasText = "共 1 条" }).WaitForAsync();
            var target = await page.Locator("table a[href^='/news/2024/']").First.GetAttributeAsync("href");
            Assert.NotNull(target);
            await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, "03-search.png"), FullPage = true });

            var moved = await page.APIRequest.GetAsync("/zxyw/202403/t20240312_2.html", new() { MaxRedirects = 0 });
            Assert.Equal(301, moved.Status);
            Assert.Equal(target, moved.Headers["location"]);
        }
        finally
        {
            Nginx(folder, port, start: false);
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Mapping(int port) => $$"""
        {
          "baseUrl": "http://127.0.0.1:{{port}}",
          "start": ["/zxyw/index.html"],
          "items": [{ "match": "^/zxyw/\\d{6}/t\\d+_\\d+\\.html$", "type": "News", "column": "政协要闻" }],
          "selectors": { "title": "h1", "date": ".time", "body": ".TRS_Editor" },
          "requestsPerSecond": 20
        }
        """;

    private static void WriteOldSite(string www)
    {
        Directory.CreateDirectory(Path.Combine(www, "zxyw", "202403"));
        var links = "";
        for (var i = 1; i <= 3; i++)
        {
            File.WriteAllText(Path.Combine(www, "zxyw", "202403", $"t20240312_{i}.html"),
                $"<html><head><meta charset=\"utf-8\"></head><body><h1>旧网站第{i}篇要闻</h1><span class=\"time\">2024-03-1{i} 10:00</span><div class=\"TRS_Editor\"><p>第{i}篇的正文。</p></div></body></html>");
            links += $"<li><a href=\"./202403/t20240312_{i}.html\">第{i}篇</a></li>";
        }

        File.WriteAllText(Path.Combine(www, "zxyw", "index.html"), $"<html><head><meta charset=\"utf-8\"></head><body><ul>{links}</ul></body></html>");
    }

    private static void Nginx(string folder, int port, bool start)
    {
        var conf = Path.Combine(folder, "nginx.conf");
        if (start)
        {
            File.WriteAllText(conf, $$"""
                worker_processes 1; daemon on; pid {{folder}}/nginx.pid; error_log {{folder}}/error.log;
                events { worker_connections 64; }
                http { include /etc/nginx/mime.types; access_log off; client_body_temp_path {{folder}}/body; proxy_temp_path {{folder}}/proxy;
                       fastcgi_temp_path {{folder}}/fastcgi; uwsgi_temp_path {{folder}}/uwsgi; scgi_temp_path {{folder}}/scgi;
                       server { listen 127.0.0.1:{{port}}; root {{folder}}/www; } }
                """);
        }

        var info = new ProcessStartInfo("/usr/sbin/nginx") { RedirectStandardError = true };
        foreach (var arg in start ? new[] { "-c", conf, "-p", folder } : ["-c", conf, "-p", folder, "-s", "stop"])
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, "nginx: " + error);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
