using System.IO.Compression;
using System.Text.Json.Nodes;
using PublicitySite.Tests.Infrastructure;

namespace PublicitySite.Tests.Backups;

/// <summary><c>backup</c> and <c>restore</c> through the real command line on SQLite: refusals first, nothing changed by them.</summary>
public sealed class BackupRestoreTests
{
    [Fact]
    public async Task A_backup_restores_over_the_site_with_its_users_content_and_media()
    {
        using var dir = new TestDirectory();
        await SiteProcess.RunAsync(dir.Path, "user", "add", "zhaoliu", "--role", "Editor", "--password", "bianji-12345");
        var media = Path.Combine(dir.Path, "media", "2026", "12", "huiyi.jpg");
        Directory.CreateDirectory(Path.GetDirectoryName(media)!);
        await File.WriteAllBytesAsync(media, [1, 2, 3, 4]);
        var zip = Path.Combine(dir.Path, "site.zip");

        var backup = await SiteProcess.RunAsync(dir.Path, "backup", zip);
        await SiteProcess.RunAsync(dir.Path, "user", "add", "houlai", "--role", "Editor", "--password", "bianji-12345");
        File.Delete(media);
        var restore = await SiteProcess.RunAsync(dir.Path, "restore", zip);
        var listed = await SiteProcess.RunAsync(dir.Path, "user", "list");

        Assert.True(backup.ExitCode == 0, backup.Error);
        Assert.Contains("1 个媒体文件", backup.Output, StringComparison.Ordinal);
        Assert.True(restore.ExitCode == 0, restore.Error);
        Assert.Contains("zhaoliu", listed.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("houlai", listed.Output, StringComparison.Ordinal);
        Assert.Equal([1, 2, 3, 4], await File.ReadAllBytesAsync(media));
        Assert.False(File.Exists(Path.Combine(dir.Path, "publicity.db.restoring")));
    }

    [Fact]
    public async Task A_backup_from_a_newer_schema_is_refused_in_Chinese_and_nothing_changes()
    {
        using var dir = new TestDirectory();
        await SiteProcess.RunAsync(dir.Path, "user", "add", "zhaoliu", "--role", "Editor", "--password", "bianji-12345");
        var zip = Path.Combine(dir.Path, "site.zip");
        await SiteProcess.RunAsync(dir.Path, "backup", zip);
        await using (var archive = await ZipFile.OpenAsync(zip, ZipArchiveMode.Update))
        {
            var entry = archive.GetEntry("manifest.json")!;
            JsonNode manifest;
            await using (var read = await entry.OpenAsync())
            {
                manifest = (await JsonNode.ParseAsync(read))!;
            }

            manifest["Migrations"]!.AsArray().Add("AFutureTable");
            entry.Delete();
            await using var write = await archive.CreateEntry("manifest.json").OpenAsync();
            await write.WriteAsync(System.Text.Encoding.UTF8.GetBytes(manifest.ToJsonString()));
        }

        await SiteProcess.RunAsync(dir.Path, "user", "add", "houlai", "--role", "Editor", "--password", "bianji-12345");
        var restore = await SiteProcess.RunAsync(dir.Path, "restore", zip);
        var listed = await SiteProcess.RunAsync(dir.Path, "user", "list");

        Assert.Equal(1, restore.ExitCode);
        Assert.Contains("这个备份来自更新版本的程序", restore.Error, StringComparison.Ordinal);
        Assert.Contains("AFutureTable", restore.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", restore.Error, StringComparison.Ordinal);
        Assert.Contains("houlai", listed.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_is_not_a_backup_is_refused_in_Chinese()
    {
        using var dir = new TestDirectory();
        var notZip = Path.Combine(dir.Path, "notes.zip");
        await File.WriteAllTextAsync(notZip, "不是备份");
        var otherZip = Path.Combine(dir.Path, "other.zip");
        await using (var archive = await ZipFile.OpenAsync(otherZip, ZipArchiveMode.Create))
        {
            archive.CreateEntry("readme.txt");
        }

        var garbage = await SiteProcess.RunAsync(dir.Path, "restore", notZip);
        var other = await SiteProcess.RunAsync(dir.Path, "restore", otherZip);
        var missing = await SiteProcess.RunAsync(dir.Path, "restore", Path.Combine(dir.Path, "none.zip"));

        Assert.Equal(1, garbage.ExitCode);
        Assert.Contains("不是 zip 文件", garbage.Error, StringComparison.Ordinal);
        Assert.Equal(1, other.ExitCode);
        Assert.Contains("缺少 manifest.json", other.Error, StringComparison.Ordinal);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("文件不存在", missing.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", garbage.Error + other.Error + missing.Error, StringComparison.Ordinal);
    }
}
