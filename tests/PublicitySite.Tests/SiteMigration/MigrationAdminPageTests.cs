using System.Net;
using System.Text.Json;
using PublicitySite.Tests.Admin;
using PublicitySite.Tests.Infrastructure;

namespace PublicitySite.Tests.SiteMigration;

/// <summary>系统 → 网站迁移 at <c>/admin/migration</c>: a background run from the page, the map's search and exports, and who may use it.</summary>
public sealed class MigrationAdminPageTests(OldSite old) : IClassFixture<OldSite>
{
    [Fact]
    public async Task An_administrator_runs_the_import_from_the_page_then_searches_and_exports_the_map()
    {
        using var site = new TestSite(seed: false, settings: new() { ["Admin:Login:AttemptsPerWindow"] = "1000" });
        using var admin = await AdminSession.LoginAsync(site, "migration-admin", "Administrator");
        await admin.GetAsync("/admin/migration");

        var bad = await admin.PostAsync("/admin/migration?handler=Run", new() { ["mapping"] = old.Mapping().Replace("\"baseUrl\"", "\"baseURL\"", StringComparison.Ordinal) }, "/admin/migration");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("“baseURL”", await bad.Content.ReadAsStringAsync());

        var started = await admin.PostAsync("/admin/migration?handler=Run", new() { ["mapping"] = old.Mapping(), ["publish"] = "true" }, "/admin/migration");
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var deadline = DateTime.UtcNow.AddSeconds(120);
        JsonElement status;
        do
        {
            await Task.Delay(300);
            status = JsonDocument.Parse(await admin.Client.GetStringAsync("/admin/migration?handler=Status")).RootElement;
        }
        while (status.GetProperty("running").GetBoolean() && DateTime.UtcNow < deadline);

        Assert.False(status.GetProperty("running").GetBoolean(), "the run did not finish");
        Assert.Equal(OldSite.GoodArticles, status.GetProperty("imported").GetInt32());
        var (_, page) = await admin.GetAsync("/admin/migration");
        Assert.Contains($"导入 {OldSite.GoodArticles} 篇", page);
        Assert.Contains("已完成", page);
        var reportFile = Assert.Single(Directory.GetFiles(Path.Combine(site.DataDir, "migration")));  // kept as a file, as from the command line
        Assert.Contains($"导入 {OldSite.GoodArticles} 篇", await File.ReadAllTextAsync(reportFile));
        Assert.Contains("报告已保存", page);

        var article = old.Articles[3];
        var (_, found) = await admin.GetAsync("/admin/migration?q=" + Uri.EscapeDataString(article.Path));
        Assert.Contains("共 1 条", found);
        Assert.Contains(article.Title, found);
        var newPath = System.Text.RegularExpressions.Regex.Match(found, "<a href=\"(/news/[^\"]+)\"").Groups[1].Value;
        Assert.StartsWith($"/news/{article.Date.Year}/", newPath);
        var (_, byNew) = await admin.GetAsync("/admin/migration?q=" + Uri.EscapeDataString(newPath));
        Assert.Contains(article.Path, byNew);

        var csv = await admin.Client.GetStringAsync("/admin/migration?handler=Csv");
        Assert.Contains($"{article.Path},{newPath},文章,", csv);
        Assert.Contains("/zxyw/index.html,/column/yaowen,栏目页", csv);
        var nginx = await admin.Client.GetStringAsync("/admin/migration?handler=Nginx");
        Assert.Contains($"\"{article.Path}\" \"{newPath}\";", nginx);

        using var editor = await AdminSession.LoginAsync(site, "migration-editor", "Editor");
        var (refused, _) = await editor.GetAsync("/admin/migration");
        Assert.Equal(HttpStatusCode.Forbidden, refused);
        using var csvAsEditor = await editor.Client.GetAsync("/admin/migration?handler=Csv");
        Assert.Equal(HttpStatusCode.Forbidden, csvAsEditor.StatusCode);
    }
}
