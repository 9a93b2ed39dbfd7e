using System.CommandLine;
using System.IO.Compression;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PublicitySite.Storage;

namespace PublicitySite.Web.Cli;

/// <summary>
/// Backup and restore of the embedded (SQLite) site: one zip with a consistent database snapshot and the
/// media folder. The search index is not included: it is rebuilt from the database.
/// </summary>
internal static class BackupCommands
{
    private const string DatabaseEntry = "publicity.db";

    public static Command Backup(WebApplication app)
    {
        var file = new Argument<FileInfo>("file") { Description = "备份文件（.zip）" };
        var backup = new Command("backup", "备份数据库与媒体文件") { file };
        backup.SetAction(async (result, cancellationToken) =>
        {
            await CommandLine.PrepareAsync(app);
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            if (!db.Database.IsSqlite())
            {
                await Console.Error.WriteLineAsync("PostgreSQL 数据库请用 pg_dump 备份；本命令只备份内置 SQLite 数据库与媒体文件。");
                return 1;
            }

            var target = result.GetValue(file)!;
            var paths = app.Services.GetRequiredService<SitePaths>();
            var snapshot = Path.Combine(Path.GetTempPath(), $"publicity-{Guid.NewGuid():N}.db");
            try
            {
                // VACUUM INTO writes a consistent copy even while the site is serving.
                await db.Database.ExecuteSqlAsync($"VACUUM INTO {snapshot}", cancellationToken);
                await using var zip = await ZipFile.OpenAsync(target.FullName, ZipArchiveMode.Create, cancellationToken);
                await zip.CreateEntryFromFileAsync(snapshot, DatabaseEntry, cancellationToken);
                if (Directory.Exists(paths.MediaDir))
                {
                    foreach (var media in Directory.EnumerateFiles(paths.MediaDir, "*", SearchOption.AllDirectories))
                    {
                        await zip.CreateEntryFromFileAsync(media, "media/" + Path.GetRelativePath(paths.MediaDir, media).Replace('\\', '/'), cancellationToken);
                    }
                }
            }
            finally
            {
                File.Delete(snapshot);
            }

            Console.WriteLine($"已备份到 {target.FullName}");
            return 0;
        });
        return backup;
    }

    public static Command Restore(WebApplication app)
    {
        var file = new Argument<FileInfo>("file") { Description = "由 backup 生成的备份文件" };
        var restore = new Command("restore", "从备份恢复（请先停止网站）") { file };
        restore.SetAction(async (result, cancellationToken) =>
        {
            var source = result.GetValue(file)!;
            if (!source.Exists)
            {
                await Console.Error.WriteLineAsync($"文件不存在：{source.FullName}");
                return CommandLine.UsageError;
            }

            var paths = app.Services.GetRequiredService<SitePaths>();
            await using var zip = await ZipFile.OpenReadAsync(source.FullName, cancellationToken);
            if (zip.GetEntry(DatabaseEntry) is not { } entry)
            {
                await Console.Error.WriteLineAsync("这不是本站的备份文件（缺少 publicity.db）。");
                return 1;
            }

            Directory.CreateDirectory(paths.DataDir);
            SqliteConnection.ClearAllPools();
            foreach (var stale in new[] { paths.DatabaseFile, paths.DatabaseFile + "-wal", paths.DatabaseFile + "-shm" })
            {
                File.Delete(stale);
            }

            await entry.ExtractToFileAsync(paths.DatabaseFile, overwrite: true, cancellationToken);
            foreach (var media in zip.Entries.Where(e => e.FullName.StartsWith("media/", StringComparison.Ordinal) && e.Name.Length > 0))
            {
                var target = Path.GetFullPath(Path.Combine(paths.MediaDir, media.FullName["media/".Length..]));
                if (!target.StartsWith(paths.MediaDir + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                {
                    continue; // a crafted entry name must not write outside the media folder
                }

                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                await media.ExtractToFileAsync(target, overwrite: true, cancellationToken);
            }

            if (Directory.Exists(paths.IndexDir))
            {
                Directory.Delete(paths.IndexDir, recursive: true);
            }

            Console.WriteLine($"已从 {source.Name} 恢复；搜索索引将在下次启动时重建。");
            return 0;
        });
        return restore;
    }
}
