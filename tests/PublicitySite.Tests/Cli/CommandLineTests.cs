using PublicitySite.Tests.Infrastructure;

namespace PublicitySite.Tests.Cli;

public sealed class CommandLineTests
{
    [Fact]
    public async Task An_unknown_verb_prints_usage_and_exits_with_2()
    {
        using var dir = new TestDirectory();
        var result = await SiteProcess.RunAsync(dir.Path, "frobnicate");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("用法", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_required_option_exits_with_2()
    {
        using var dir = new TestDirectory();
        var result = await SiteProcess.RunAsync(dir.Path, "user", "add", "bob");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--role", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Users_are_added_with_a_role_and_listed()
    {
        using var dir = new TestDirectory();
        var added = await SiteProcess.RunAsync(dir.Path, "user", "add", "zhangsan", "--role", "Reviewer", "--password", "shenhe-12345");
        var unknownRole = await SiteProcess.RunAsync(dir.Path, "user", "add", "lisi", "--role", "Boss", "--password", "shenhe-12345");
        var listed = await SiteProcess.RunAsync(dir.Path, "user", "list");

        Assert.Equal(0, added.ExitCode);
        Assert.Contains("审核人", added.Output, StringComparison.Ordinal);
        Assert.Equal(1, unknownRole.ExitCode);
        Assert.Contains("未知的角色", unknownRole.Error, StringComparison.Ordinal);
        Assert.Contains("zhangsan", listed.Output, StringComparison.Ordinal);
        Assert.Contains("admin", listed.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("lisi", listed.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_is_printed_once_and_only_its_hash_is_kept()
    {
        using var dir = new TestDirectory();
        var created = await SiteProcess.RunAsync(dir.Path, "token", "create", "admin", "--name", "大屏", "--expires", "30");
        var token = created.Output.Trim();

        Assert.Equal(0, created.ExitCode);
        Assert.StartsWith("pst_", token, StringComparison.Ordinal);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var database = await File.ReadAllBytesAsync(Path.Combine(dir.Path, "publicity.db"));
        Assert.Equal(-1, System.Text.Encoding.ASCII.GetString(database).IndexOf(token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_token_made_on_the_command_line_expires_in_90_days_and_at_most_in_365()
    {
        using var dir = new TestDirectory();
        var byDefault = await SiteProcess.RunAsync(dir.Path, "token", "create", "admin");
        var tooLong = await SiteProcess.RunAsync(dir.Path, "token", "create", "admin", "--expires", "400");
        var longest = await SiteProcess.RunAsync(dir.Path, "token", "create", "admin", "--expires", "365");

        Assert.Equal(0, byDefault.ExitCode);
        Assert.Equal(2, tooLong.ExitCode);
        Assert.Contains("365", tooLong.Error, StringComparison.Ordinal);
        Assert.Equal(0, longest.ExitCode);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=" + Path.Combine(dir.Path, "publicity.db"));
        await connection.OpenAsync();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT ExpiresUtc FROM ApiTokens ORDER BY Id";
        var expiries = new List<DateTime>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                expiries.Add(reader.GetDateTime(0));
            }
        }

        Assert.Equal(2, expiries.Count);
        Assert.InRange((expiries[0] - DateTime.UtcNow).TotalDays, 89, 90.01);
        Assert.InRange((expiries[1] - DateTime.UtcNow).TotalDays, 364, 365.01);
    }

    [Fact]
    public async Task A_token_gets_only_the_scopes_its_users_role_can_use()
    {
        using var dir = new TestDirectory();
        await SiteProcess.RunAsync(dir.Path, "user", "add", "zhaoliu", "--role", "Editor", "--password", "bianji-12345");

        var byDefault = await SiteProcess.RunAsync(dir.Path, "token", "create", "zhaoliu");
        var tooMuch = await SiteProcess.RunAsync(dir.Path, "token", "create", "zhaoliu", "--scope", "write:content", "manage");
        var forAdmin = await SiteProcess.RunAsync(dir.Path, "token", "create", "admin");

        Assert.Equal(0, byDefault.ExitCode);
        Assert.Contains("权限：read:drafts write:content write:media；", byDefault.Error, StringComparison.Ordinal);
        Assert.Equal(1, tooMuch.ExitCode);
        Assert.Contains("不能授予这些权限范围：manage", tooMuch.Error, StringComparison.Ordinal);
        Assert.Equal("", tooMuch.Output.Trim()); // no secret printed: nothing was created
        Assert.Equal(0, forAdmin.ExitCode);
        Assert.Contains("manage", forAdmin.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_recipe_is_refused_with_file_and_line_and_changes_nothing()
    {
        using var dir = new TestDirectory();
        var recipe = Path.Combine(dir.Path, "bad.recipe.json");
        await File.WriteAllTextAsync(recipe, "{\n  \"types\": [\n    { \"name\": \"X\", \"parts\": [\"TitlePart\", \"Nope\"] }\n  ]\n}");

        var result = await SiteProcess.RunAsync(dir.Path, "recipe", "apply", recipe);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("bad.recipe.json:3", result.Error, StringComparison.Ordinal);
        Assert.Contains("Nope", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_reports_each_file_and_skips_what_it_already_has()
    {
        using var dir = new TestDirectory();
        var folder = Directory.CreateDirectory(Path.Combine(dir.Path, "in")).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "a.md"), "---\ntype: News\ntitle: 导入测试\ncolumn: 通知公告\nslug: daoru\n---\n正文");

        var first = await SiteProcess.RunAsync(dir.Path, "import", folder);
        var second = await SiteProcess.RunAsync(dir.Path, "import", folder);

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("导入 1 项", first.Output, StringComparison.Ordinal);
        Assert.Contains("导入 0 项", second.Output, StringComparison.Ordinal);
        Assert.Contains("已存在 1 项", second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backup_and_restore_bring_back_the_database()
    {
        using var dir = new TestDirectory();
        await SiteProcess.RunAsync(dir.Path, "user", "add", "wangwu", "--role", "Editor", "--password", "bianji-12345");
        var zip = Path.Combine(dir.Path, "backup.zip");

        var backup = await SiteProcess.RunAsync(dir.Path, "backup", zip);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(Path.Combine(dir.Path, "publicity.db"));
        var restore = await SiteProcess.RunAsync(dir.Path, "restore", zip);
        var listed = await SiteProcess.RunAsync(dir.Path, "user", "list");

        Assert.Equal(0, backup.ExitCode);
        Assert.Equal(0, restore.ExitCode);
        Assert.Contains("wangwu", listed.Output, StringComparison.Ordinal);
    }
}
