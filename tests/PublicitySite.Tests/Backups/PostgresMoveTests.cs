using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PublicitySite.Tests.Infrastructure;
using PublicitySite.Tests.Media;

namespace PublicitySite.Tests.Backups;

/// <summary>
/// Moving a site between SQLite and PostgreSQL with the real command line: <c>backup</c> on one side,
/// <c>restore</c> on the other, then the real host serving the restored database.
/// </summary>
public sealed partial class PostgresMoveTests
{
    [Fact]
    public async Task A_seeded_SQLite_site_with_a_picture_moves_to_PostgreSQL_and_serves_the_same_pages()
    {
        using var sqliteDir = new TestDirectory();
        using var postgresDir = new TestDirectory();
        var zip = Path.Combine(sqliteDir.Path, "move.zip");
        var token = (await SiteProcess.RunAsync(sqliteDir.Path, "token", "create", "admin")).Output.Trim().Split('\n')[^1].Trim();

        Dictionary<string, string> before;
        string[] paths;
        await using (var sqlite = await SiteHostProcess.StartAsync(sqliteDir.Path))
        {
            using var client = new HttpClient { BaseAddress = sqlite.BaseAddress };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var upload = await client.PostAsync(new Uri("/api/media", UriKind.Relative), MediaEndpointsTests.Form(SampleFiles.Jpeg(), "quanhui.jpg"));
            Assert.True(upload.IsSuccessStatusCode, await upload.Content.ReadAsStringAsync());
            var picture = JsonNode.Parse(await upload.Content.ReadAsStringAsync())!["url"]!.GetValue<string>();
            client.DefaultRequestHeaders.Authorization = null;
            var news = JsonNode.Parse(await client.GetStringAsync(new Uri("/api/content?type=News&pageSize=1", UriKind.Relative)))!["items"]![0]!;
            var member = JsonNode.Parse(await client.GetStringAsync(new Uri("/api/members?pageSize=1", UriKind.Relative)))!["items"]![0]!;
            var proposal = JsonNode.Parse(await client.GetStringAsync(new Uri("/api/proposals?pageSize=1", UriKind.Relative)))!["items"]![0]!;
            paths =
            [
                "/", news["url"]!.GetValue<string>(), member["url"]!.GetValue<string>(), proposal["url"]!.GetValue<string>(),
                "/api/content/" + news["id"]!.GetValue<string>(), "/api/content?type=News&pageSize=50", "/api/members?pageSize=50", picture,
            ];
            before = await FetchAllAsync(client, paths);
        }

        var backup = await SiteProcess.RunAsync(sqliteDir.Path, "backup", zip);
        var database = TestPostgres.CreateDatabase();
        var postgres = new Dictionary<string, string> { ["Database__Provider"] = "Postgres", ["ConnectionStrings__Default"] = database };
        var restore = await SiteProcess.RunInAsync(postgresDir.Path, postgres, null, "restore", zip, "--data-dir", postgresDir.Path);

        Assert.True(backup.ExitCode == 0, backup.Error);
        Assert.Contains("1 个媒体文件", backup.Output, StringComparison.Ordinal);
        Assert.True(restore.ExitCode == 0, restore.Output + restore.Error);
        Assert.Contains("恢复到 PostgreSQL", restore.Output, StringComparison.Ordinal);

        await using (var moved = await SiteHostProcess.StartAsync(postgresDir.Path, "--Database:Provider=Postgres", "--ConnectionStrings:Default=" + database))
        {
            using var client = new HttpClient { BaseAddress = moved.BaseAddress };
            var after = await FetchAllAsync(client, paths);
            foreach (var path in paths)
            {
                Assert.True(before[path] == after[path], $"{path} differs after the move: {Around(before[path], after[path])}");
            }

            // The index is rebuilt from the moved database: search finds what it found before.
            Assert.True(await ReadyAsync(client), "/healthz/ready never answered 200 on PostgreSQL");
            var found = JsonNode.Parse(await client.GetStringAsync(new Uri("/api/search?q=政协", UriKind.Relative)))!["total"]!.GetValue<int>();
            Assert.True(found > 0);
        }

        var users = await SiteProcess.RunInAsync(postgresDir.Path, postgres, null, "user", "list", "--data-dir", postgresDir.Path);
        Assert.Contains("admin", users.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_PostgreSQL_backup_restores_into_SQLite_and_a_non_empty_database_is_refused()
    {
        using var postgresDir = new TestDirectory();
        using var sqliteDir = new TestDirectory();
        var database = TestPostgres.CreateDatabase();
        var postgres = new Dictionary<string, string> { ["Database__Provider"] = "Postgres", ["ConnectionStrings__Default"] = database };
        var folder = Directory.CreateDirectory(Path.Combine(postgresDir.Path, "in")).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "a.md"), "---\ntype: News\ntitle: 从PostgreSQL迁回的通知\ncolumn: 通知公告\nslug: qianhui\n---\n正文");
        await SiteProcess.RunInAsync(postgresDir.Path, postgres, null, "user", "add", "sunqi", "--role", "Reviewer", "--password", "shenhe-12345", "--data-dir", postgresDir.Path);
        var imported = await SiteProcess.RunInAsync(postgresDir.Path, postgres, null, "import", folder, "--data-dir", postgresDir.Path);
        var zip = Path.Combine(postgresDir.Path, "pg.zip");

        var backup = await SiteProcess.RunInAsync(postgresDir.Path, postgres, null, "backup", zip, "--data-dir", postgresDir.Path);
        var intoSqlite = await SiteProcess.RunAsync(sqliteDir.Path, "restore", zip);
        var intoItself = await SiteProcess.RunInAsync(postgresDir.Path, postgres, null, "restore", zip, "--data-dir", postgresDir.Path);
        var users = await SiteProcess.RunAsync(sqliteDir.Path, "user", "list");
        var again = await SiteProcess.RunAsync(sqliteDir.Path, "import", folder);

        Assert.True(imported.ExitCode == 0, imported.Error);
        Assert.True(backup.ExitCode == 0, backup.Error);
        Assert.True(intoSqlite.ExitCode == 0, intoSqlite.Error);
        Assert.Contains("sunqi", users.Output, StringComparison.Ordinal);
        Assert.Contains("已存在 1 项", again.Output, StringComparison.Ordinal);
        Assert.Equal(1, intoItself.ExitCode);
        Assert.Contains("目标数据库不是空的", intoItself.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", intoItself.Error, StringComparison.Ordinal);
    }

    private static async Task<Dictionary<string, string>> FetchAllAsync(HttpClient client, IEnumerable<string> paths)
    {
        var pages = new Dictionary<string, string>();
        foreach (var path in paths)
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode}");
            var bytes = await response.Content.ReadAsByteArrayAsync();
            // Allowed to differ: per-request nonces, the site's own port (in canonical links), and fractions of a
            // second (SQLite keeps 100 ns, PostgreSQL microseconds, and JSON drops trailing zeros).
            pages[path] = response.Content.Headers.ContentType?.MediaType?.StartsWith("image/", StringComparison.Ordinal) == true
                ? Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes))
                : Nonce().Replace(System.Text.Encoding.UTF8.GetString(bytes), "nonce=\"\"").Replace(client.BaseAddress!.GetLeftPart(UriPartial.Authority), "", StringComparison.Ordinal);
            pages[path] = Ticks().Replace(pages[path], "$1");
        }

        return pages;
    }

    private static string Around(string a, string b)
    {
        var at = 0;
        while (at < a.Length && at < b.Length && a[at] == b[at])
        {
            at++;
        }

        var from = Math.Max(0, at - 60);
        return $"before …{a[from..Math.Min(a.Length, at + 60)]}… after …{b[from..Math.Min(b.Length, at + 60)]}…";
    }

    private static async Task<bool> ReadyAsync(HttpClient client)
    {
        for (var i = 0; i < 300; i++)
        {
            using var response = await client.GetAsync(new Uri("/healthz/ready", UriKind.Relative));
            if (response.IsSuccessStatusCode)
            {
                return true;
            }

            await Task.Delay(200);
        }

        return false;
    }

    [GeneratedRegex(@"(:\d\d)\.\d{1,7}")]
    private static partial Regex Ticks();

    [GeneratedRegex("nonce=\"[^\"]*\"")]
    private static partial Regex Nonce();
}
