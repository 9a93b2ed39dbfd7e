using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using PublicitySite.Tests.Infrastructure;

namespace PublicitySite.Tests.SiteMigration;

/// <summary>
/// <c>migrate-site</c> run as an operator runs it (the host's binary, a data directory of its own) against an old
/// site served by nginx on loopback; the result is checked in the database and through the real host.
/// </summary>
public sealed class MigrateSiteCommandTests(OldSite site, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<OldSite>
{
    [Fact]
    public async Task A_malformed_mapping_exits_2_naming_the_key_and_an_unreachable_site_exits_1_writing_nothing()
    {
        using var work = new TestDirectory();
        var data = Path.Combine(work.Path, "data");
        var file = Path.Combine(work.Path, "bad.json");
        await File.WriteAllTextAsync(file, site.Mapping().Replace("\"title\": \"h1\"", "\"title\": \"h1[\"", StringComparison.Ordinal));
        var badSelector = await InAsync(work.Path, data, "migrate-site", "--config", file);
        Assert.Equal(2, badSelector.ExitCode);
        Assert.Contains("selectors.title", badSelector.Error);

        await File.WriteAllTextAsync(file, site.Mapping().Replace("\"start\"", "\"strat\"", StringComparison.Ordinal));
        var typo = await InAsync(work.Path, data, "migrate-site", "--config", file);
        Assert.Equal(2, typo.ExitCode);
        Assert.Contains("“strat”", typo.Error);

        await File.WriteAllTextAsync(file, site.Mapping().Replace("\"column\": \"工作动态\"", "\"column\": \"不存在的栏目\"", StringComparison.Ordinal));
        var column = await InAsync(work.Path, data, "migrate-site", "--config", file);
        Assert.Equal(2, column.ExitCode);
        Assert.Contains("items[1].column", column.Error);

        var nowhere = Path.Combine(work.Path, "nowhere");
        var closed = ServerProcess.FreePort();
        await File.WriteAllTextAsync(file, site.Mapping().Replace(site.BaseUrl, $"http://127.0.0.1:{closed}", StringComparison.Ordinal));
        var unreachable = await InAsync(work.Path, nowhere, "migrate-site", "--config", file);
        Assert.Equal(1, unreachable.ExitCode);
        Assert.Contains("无法连接旧网站", unreachable.Error);
        Assert.False(File.Exists(Path.Combine(nowhere, "publicity.db")), "an unreachable site must leave no database behind");
    }

    [Fact]
    public async Task A_dry_run_lists_what_would_be_imported_and_the_problems_and_writes_nothing()
    {
        using var work = new TestDirectory();
        var run = await SiteProcess.RunAsync(work.Path, "migrate-site", "--config", site.WriteMapping(work.Path), "--dry-run");

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        Assert.Contains($"发现 {OldSite.GoodArticles + OldSite.BadArticles} 篇，将导入 {OldSite.GoodArticles} 篇，更新 0 篇，跳过 0 篇，失败 {OldSite.BadArticles} 篇", run.Output);
        Assert.Contains(site.Articles[0].Title, run.Output);
        Assert.Contains("没有标题", run.Output);
        Assert.Equal(0, await CountAsync(work.Path, "SELECT COUNT(*) FROM ContentItems"));
        Assert.Equal(0, await CountAsync(work.Path, "SELECT COUNT(*) FROM LegacyAddresses"));
        Assert.Equal(0, await CountAsync(work.Path, "SELECT COUNT(*) FROM MigrationRuns"));
        Assert.Equal(0, await CountAsync(work.Path, "SELECT COUNT(*) FROM MediaAssets"));
        Assert.False(Directory.Exists(Path.Combine(work.Path, "migration")));
    }

    [Fact]
    public async Task A_published_migration_keeps_dates_media_and_links_and_every_old_address_answers_301()
    {
        using var work = new TestDirectory();
        var mapping = site.WriteMapping(work.Path);
        var first = await SiteProcess.RunAsync(work.Path, "migrate-site", "--config", mapping, "--publish");

        Assert.True(first.ExitCode == 0, first.Output + first.Error);
        output.WriteLine(first.Output); // what the report looks like
        var found = OldSite.GoodArticles + OldSite.BadArticles;
        Assert.Contains($"发现 {found} 篇，导入 {OldSite.GoodArticles} 篇，更新 0 篇，跳过 0 篇，失败 {OldSite.BadArticles} 篇", first.Output);
        foreach (var (path, reason) in site.Failures)
        {
            Assert.Contains(path, first.Output);
            Assert.Contains(reason, first.Output);
        }

        Assert.Contains("missing_110.jpg", first.Output);                 // a picture that failed, reported
        Assert.Contains("old_115.doc", first.Output);                     // an attachment the upload checks refused
        Assert.DoesNotContain("agenda_", first.Output);                   // real Word and Excel files went in
        Assert.DoesNotContain("roster_", first.Output);
        Assert.Contains("/about/contact.html", first.Output);             // a link to a page not migrated
        var reportFile = Assert.Single(Directory.GetFiles(Path.Combine(work.Path, "migration")));
        Assert.Contains("网站迁移报告", await File.ReadAllTextAsync(reportFile));
        Assert.Equal(1, await CountAsync(work.Path, "SELECT COUNT(*) FROM AuditEntries WHERE Action = 'migration.publish' AND Detail LIKE '%52 篇%'"));

        var second = await SiteProcess.RunAsync(work.Path, "migrate-site", "--config", mapping, "--publish");
        Assert.Contains($"导入 0 篇，更新 0 篇，跳过 {OldSite.GoodArticles} 篇", second.Output);
        Assert.Equal(OldSite.GoodArticles, await CountAsync(work.Path, "SELECT COUNT(*) FROM ContentItems"));

        var changed = site.Articles[2];
        site.Change(changed, "旧网站上改过的正文。");
        try
        {
            var third = await SiteProcess.RunAsync(work.Path, "migrate-site", "--config", mapping, "--publish");
            Assert.Contains($"导入 0 篇，更新 1 篇，跳过 {OldSite.GoodArticles - 1} 篇", third.Output);
            Assert.Contains(changed.Path, third.Output);
        }
        finally
        {
            site.Restore(changed);
        }

        await using var host = await ServerProcess.StartAsync(work.Path, new Dictionary<string, string> { ["Migration__MapRefresh"] = "00:00:01" });
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = host.Address };
        var newPaths = new Dictionary<string, string>();
        foreach (var article in site.Articles)
        {
            using var moved = await client.GetAsync(article.Path);
            Assert.True(moved.StatusCode == HttpStatusCode.MovedPermanently, $"{article.Path}: {moved.StatusCode}");
            var target = moved.Headers.Location!.OriginalString;
            Assert.StartsWith($"/news/{article.Date.Year}/", target);
            newPaths[article.Path] = target;
        }

        foreach (var list in site.ListPages)
        {
            using var moved = await client.GetAsync(list);
            Assert.Equal(HttpStatusCode.MovedPermanently, moved.StatusCode);
            Assert.StartsWith("/column/", moved.Headers.Location!.OriginalString);
        }

        using (var picture = await client.GetAsync($"/{site.Articles[0].Column}/{site.Articles[0].Date:yyyyMM}/W{site.Articles[0].Id}.jpg"))
        {
            Assert.Equal(HttpStatusCode.MovedPermanently, picture.StatusCode);
            Assert.StartsWith("/media/", picture.Headers.Location!.OriginalString);
        }

        var items = JsonNode.Parse(await client.GetStringAsync("/api/content?type=News&pageSize=100"))!;
        Assert.Equal(OldSite.GoodArticles, items["total"]!.GetValue<int>());
        foreach (var article in site.Articles)
        {
            var item = items["items"]!.AsArray().Single(i => i!["url"]!.GetValue<string>().EndsWith(newPaths[article.Path], StringComparison.Ordinal))!;
            Assert.Equal(article.Title, item["title"]!.GetValue<string>());
            var published = DateTimeOffset.Parse(item["publishedUtc"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(new DateTimeOffset(article.Date, TimeSpan.FromHours(8)), published);
        }

        var middle = site.Articles.First(a => a.Column == "zxyw" && a.HasAttachment && a.HasTable is false);
        var detail = await DetailAsync(client, items, newPaths[middle.Path]);
        var body = detail["bodyHtml"]!.GetValue<string>();
        Assert.Equal("市政协办公室", detail["source"]?.GetValue<string>() ?? detail["parts"]?["BylinePart"]?["Source"]?.GetValue<string>());
        Assert.Matches("<img[^>]+src=\"/media/[0-9a-z]+", body);
        Assert.Equal(3, System.Text.RegularExpressions.Regex.Count(body, "href=\"/media/[0-9a-z]+\"")); // the PDF, .doc and .xls, from the library
        var column = site.Articles.Where(a => a.Column == middle.Column).ToList();
        var index = column.IndexOf(middle);
        Assert.Contains($"href=\"{newPaths[column[index - 1].Path]}\"", body); // imported before it
        Assert.Contains($"href=\"{newPaths[column[index + 1].Path]}\"", body); // imported after it
        Assert.DoesNotContain("<script", body);
        Assert.DoesNotContain("统计代码", body);

        var withTable = site.Articles.First(a => a.HasTable);
        var tableBody = (await DetailAsync(client, items, newPaths[withTable.Path]))["bodyHtml"]!.GetValue<string>();
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(tableBody, "<table")); // the layout tables gave way

        var gbk = site.Articles.First(a => a.Gbk);
        Assert.Contains("通知", (await DetailAsync(client, items, newPaths[gbk.Path]))["bodyText"]?.GetValue<string>() ?? gbk.Title);
        using var page = await client.GetAsync(newPaths[site.Articles[0].Path]);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(site.Articles[0].Title, await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_killed_run_resumes_where_it_stopped_and_imports_nothing_twice()
    {
        using var work = new TestDirectory();
        var mapping = site.WriteMapping(work.Path, requestsPerSecond: 12);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = work.Path };
        foreach (var arg in new[] { SiteProcess.Dll, "migrate-site", "--config", mapping, "--data-dir", work.Path })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["PUBLICITY_ADMIN_PASSWORD"] = TestSite.AdminPassword;
        start.Environment["Publicity__ImportSeed"] = "false";
        using (var process = Process.Start(start)!)
        {
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var deadline = DateTime.UtcNow.AddSeconds(90);
            while (DateTime.UtcNow < deadline && !process.HasExited && await SafeCountAsync(work.Path, "SELECT COUNT(*) FROM LegacyAddresses WHERE Kind = 'Article'") < 10)
            {
                await Task.Delay(100);
            }

            Assert.False(process.HasExited, "the run ended before it could be interrupted");
            process.Kill(entireProcessTree: true); // SIGKILL: no clean-up runs
            await process.WaitForExitAsync();
        }

        var before = await CountAsync(work.Path, "SELECT COUNT(*) FROM LegacyAddresses WHERE Kind = 'Article'");
        Assert.InRange(before, 10, OldSite.GoodArticles - 1);
        Assert.Equal(before, await CountAsync(work.Path, "SELECT COUNT(*) FROM ContentItems")); // each article whole or absent

        var resumed = await SiteProcess.RunAsync(work.Path, "migrate-site", "--config", site.WriteMapping(work.Path));
        Assert.True(resumed.ExitCode == 0, resumed.Output + resumed.Error);
        Assert.Contains("接续中断的运行", resumed.Output);
        Assert.Contains($"导入 {OldSite.GoodArticles} 篇，更新 0 篇，跳过 0 篇，失败 {OldSite.BadArticles} 篇", resumed.Output);
        Assert.Equal(OldSite.GoodArticles, await CountAsync(work.Path, "SELECT COUNT(*) FROM ContentItems"));
        Assert.Equal(0, await CountAsync(work.Path, "SELECT COUNT(*) FROM ContentItems WHERE PublishedVersion IS NOT NULL")); // drafts by default
        var dated = await CountAsync(work.Path, "SELECT COUNT(*) FROM ContentItems WHERE FirstPublishedUtc < '2025-01-01'");
        Assert.Equal(OldSite.GoodArticles, dated); // the original dates wait for publication
    }

    [Fact]
    public async Task On_postgresql_a_migration_imports_once_and_a_second_run_imports_nothing()
    {
        using var work = new TestDirectory();
        var environment = new Dictionary<string, string> { ["Database__Provider"] = "Postgres", ["ConnectionStrings__Default"] = TestPostgres.CreateDatabase() };
        var mapping = site.WriteMapping(work.Path);
        var first = await SiteProcess.RunInAsync(work.Path, environment, null, "migrate-site", "--config", mapping, "--publish", "--data-dir", work.Path);
        Assert.True(first.ExitCode == 0, first.Output + first.Error);
        Assert.Contains($"导入 {OldSite.GoodArticles} 篇，更新 0 篇，跳过 0 篇，失败 {OldSite.BadArticles} 篇", first.Output);

        var second = await SiteProcess.RunInAsync(work.Path, environment, null, "migrate-site", "--config", mapping, "--publish", "--data-dir", work.Path);
        Assert.Contains($"导入 0 篇，更新 0 篇，跳过 {OldSite.GoodArticles} 篇", second.Output);
        await using var host = await ServerProcess.StartAsync(work.Path, environment);
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = host.Address };
        using var moved = await client.GetAsync(site.Articles[^1].Path);
        Assert.Equal(HttpStatusCode.MovedPermanently, moved.StatusCode);
        Assert.StartsWith($"/news/{site.Articles[^1].Date.Year}/", moved.Headers.Location!.OriginalString);
    }

    /// <summary>Runs in <paramref name="workingDirectory"/> on a data directory that may not exist yet.</summary>
    private static Task<SiteProcess.Result> InAsync(string workingDirectory, string dataDir, params string[] args) =>
        SiteProcess.RunInAsync(workingDirectory, null, null, [.. args, "--data-dir", dataDir]);

    private static async Task<JsonNode> DetailAsync(HttpClient client, JsonNode list, string path)
    {
        var id = list["items"]!.AsArray().Single(i => i!["url"]!.GetValue<string>().EndsWith(path, StringComparison.Ordinal))!["id"]!.GetValue<string>();
        return JsonNode.Parse(await client.GetStringAsync($"/api/content/{id}"))!;
    }

    private static async Task<long> SafeCountAsync(string dataDir, string sql)
    {
        try
        {
            return File.Exists(Path.Combine(dataDir, "publicity.db")) ? await CountAsync(dataDir, sql) : 0;
        }
        catch (SqliteException)
        {
            return 0; // the schema is still being made
        }
    }

    private static async Task<long> CountAsync(string dataDir, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(dataDir, "publicity.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
