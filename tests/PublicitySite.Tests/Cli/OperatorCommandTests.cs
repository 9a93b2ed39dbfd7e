using PublicitySite.Tests.Infrastructure;

namespace PublicitySite.Tests.Cli;

/// <summary>The command line as a new administrator meets it: help, option order, paths, doctor.</summary>
public sealed class OperatorCommandTests
{
    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("help")]
    public async Task Help_prints_the_verbs_and_exits_with_0_without_starting_the_site(string asked)
    {
        using var dir = new TestDirectory();
        var result = await SiteProcess.RunInAsync(dir.Path, null, null, asked);

        Assert.Equal(0, result.ExitCode);
        foreach (var verb in new[] { "user", "token", "reindex", "backup", "restore", "doctor", "import" })
        {
            Assert.Contains(verb, result.Output, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("Show help", result.Output, StringComparison.Ordinal); // every line of the help in Chinese
        Assert.DoesNotContain("网站已启动", result.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "App_Data")), "help must not create a data directory");
    }

    [Fact]
    public async Task Help_for_one_verb_lists_its_subcommands()
    {
        using var dir = new TestDirectory();
        var result = await SiteProcess.RunInAsync(dir.Path, null, null, "help", "user");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("passwd", result.Output, StringComparison.Ordinal);
        Assert.Contains("disable", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_option_before_the_verb_runs_the_verb()
    {
        using var dir = new TestDirectory();
        var data = Path.Combine(dir.Path, "data");

        var result = await SiteProcess.RunInAsync(dir.Path, null, null, "--data-dir", data, "user", "list");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("admin", result.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(data, "publicity.db")));
    }

    [Fact]
    public async Task Relative_paths_are_taken_from_the_directory_dotnet_run_was_typed_in()
    {
        using var dir = new TestDirectory();
        var folder = Directory.CreateDirectory(Path.Combine(dir.Path, "in")).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "a.md"), "---\ntype: News\ntitle: 相对路径导入\ncolumn: 通知公告\nslug: xiangdui\n---\n正文");
        var project = Path.Combine(RepositoryPaths.Root, "src", "PublicitySite.Web");

        var imported = await SiteProcess.RunInAsync(dir.Path, null, null, "run", "--no-build", "-c", "Release", "--project", project, "--", "import", "in", "--data-dir", "data");
        var backup = await SiteProcess.RunInAsync(dir.Path, null, null, "run", "--no-build", "-c", "Release", "--project", project, "--", "backup", "site.zip", "--data-dir", "data");

        Assert.True(imported.ExitCode == 0, imported.Error);
        Assert.Contains("导入 1 项", imported.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(dir.Path, "data", "publicity.db")), "the data directory is relative to where the command was typed");
        Assert.Equal(0, backup.ExitCode);
        Assert.True(File.Exists(Path.Combine(dir.Path, "site.zip")));
        Assert.False(File.Exists(Path.Combine(project, "site.zip")));
    }

    [Fact]
    public async Task A_misspelt_database_provider_is_said_in_Chinese_with_the_fix()
    {
        using var dir = new TestDirectory();
        var result = await SiteProcess.RunInAsync(dir.Path, new Dictionary<string, string> { ["Database__Provider"] = "Postgre" }, null, "user", "list", "--data-dir", dir.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Database__Provider 的值“Postgre”无效", result.Error, StringComparison.Ordinal);
        Assert.Contains("解决：改为 Sqlite 或 Postgres", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_on_a_directory_never_started_says_the_database_comes_with_the_first_start_and_creates_nothing()
    {
        using var dir = new TestDirectory();

        var result = await SiteProcess.RunAsync(dir.Path, "doctor");

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Contains("! 数据库：SQLite 数据库尚未创建", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", result.Output + result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(dir.Path, "publicity.db")), "doctor changes nothing");
    }

    [Fact]
    public async Task Doctor_finds_nothing_wrong_on_a_fresh_site()
    {
        using var dir = new TestDirectory();
        await SiteProcess.RunAsync(dir.Path, "user", "list");

        var result = await SiteProcess.RunAsync(dir.Path, "doctor");

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Contains("✔ 数据库：SQLite 可连接", result.Output, StringComparison.Ordinal);
        Assert.Contains("✔ 磁盘空间", result.Output, StringComparison.Ordinal);
        Assert.Contains("✔ 时钟", result.Output, StringComparison.Ordinal);
        Assert.Contains("✔ 媒体目录", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_says_a_nearly_full_disk_with_the_fix_and_exits_with_1()
    {
        using var dir = new TestDirectory();
        await SiteProcess.RunAsync(dir.Path, "user", "list");

        var result = await SiteProcess.RunInAsync(dir.Path, new Dictionary<string, string> { ["Health__MinFreeDiskMegabytes"] = "2000000000" }, null, "doctor", "--data-dir", dir.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("✘ 磁盘空间：数据目录所在磁盘只剩", result.Output, StringComparison.Ordinal);
        Assert.Contains("解决：清理旧备份和旧日志", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_finds_an_index_that_belongs_to_another_database()
    {
        using var first = new TestDirectory();
        using var second = new TestDirectory();
        var folder = Directory.CreateDirectory(Path.Combine(first.Path, "in")).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "a.md"), "---\ntype: News\ntitle: 另一个数据库的内容\ncolumn: 通知公告\nslug: lingyige\n---\n正文");
        await SiteProcess.RunAsync(first.Path, "import", folder);
        await SiteProcess.RunAsync(first.Path, "reindex");
        await SiteProcess.RunAsync(second.Path, "user", "list");
        CopyFolder(Path.Combine(first.Path, "index"), Path.Combine(second.Path, "index"));

        var result = await SiteProcess.RunAsync(second.Path, "doctor");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("✘ 搜索索引：索引中有 1 个条目在数据库中不存在", result.Output, StringComparison.Ordinal);
        Assert.Contains("解决：运行 reindex", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_finds_a_clock_that_went_back()
    {
        using var dir = new TestDirectory();
        await SiteProcess.RunAsync(dir.Path, "user", "add", "shizhong", "--role", "Editor", "--password", "bianji-12345");
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(dir.Path, "publicity.db")}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            // An entry written while the clock was right, dated after what the clock now says.
            command.CommandText = "INSERT INTO AuditEntries (AtUtc, Actor, Action) VALUES ('2099-01-01 00:00:00', 'shizhong', 'auth.login')";
            await command.ExecuteNonQueryAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var result = await SiteProcess.RunAsync(dir.Path, "doctor");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("✘ 时钟", result.Output, StringComparison.Ordinal);
        Assert.Contains("timedatectl set-ntp true", result.Output, StringComparison.Ordinal);
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
