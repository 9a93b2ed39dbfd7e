using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using PublicitySite.Backups;
using PublicitySite.Storage;

namespace PublicitySite.Web.Cli;

/// <summary>
/// <c>backup</c> and <c>restore</c>: a logical backup of every table plus the media folder (<see cref="SiteBackup"/>),
/// the same on SQLite and PostgreSQL, so <c>backup</c> on one and <c>restore</c> on the other moves a site between them.
/// </summary>
internal static class BackupCommands
{
    public static Command Backup(WebApplication app)
    {
        var file = new Argument<FileInfo>("file") { Description = "备份文件（.zip）" };
        var backup = new Command("backup", "备份整个网站：数据库的每张表（SQLite 或 PostgreSQL）、设置与媒体文件") { file };
        backup.SetAction(async (result, cancellationToken) =>
        {
            var target = result.GetValue(file)!;
            if (target.Directory is { Exists: false } folder)
            {
                await Console.Error.WriteLineAsync(CommandLine.MissingFolder(folder));
                return CommandLine.UsageError;
            }

            await CommandLine.PrepareAsync(app);
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var summary = await SiteBackup.WriteAsync(db, app.Services.GetRequiredService<SitePaths>(), target.FullName, TimeProvider.System, cancellationToken);
            Console.WriteLine($"已备份到 {target.FullName}：{summary.Tables} 张表 {summary.Rows} 行，{summary.MediaFiles} 个媒体文件");
            return 0;
        });
        return backup;
    }

    public static Command Restore(WebApplication app)
    {
        var file = new Argument<FileInfo>("file") { Description = "由 backup 生成的备份文件（SQLite 或 PostgreSQL 上做的都可以）" };
        var restore = new Command("restore", "从备份恢复到空数据库（SQLite 文件整个替换；PostgreSQL 须为新建的空库）；请先停止网站") { file };
        restore.SetAction(async (result, cancellationToken) =>
        {
            var source = result.GetValue(file)!;
            if (!source.Exists)
            {
                await Console.Error.WriteLineAsync($"文件不存在：{source.FullName}");
                return CommandLine.UsageError;
            }

            string connection;
            DatabaseProvider provider;
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                provider = db.Database.IsNpgsql() ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
                connection = db.Database.GetConnectionString()!;
            }

            var restored = await SiteRestore.RestoreAsync(provider, connection, app.Services.GetRequiredService<SitePaths>(), source.FullName, CommandLine.Operator.Name, TimeProvider.System, cancellationToken);
            if (restored.Value is not { } summary)
            {
                await Console.Error.WriteLineAsync(restored.Failure!.Detail);
                return 1;
            }

            Console.WriteLine($"已从 {source.Name} 恢复到 {(provider == DatabaseProvider.Postgres ? "PostgreSQL" : "SQLite")}：{summary.Tables} 张表 {summary.Rows} 行，{summary.MediaFiles} 个媒体文件；搜索索引将在下次启动时重建。");
            return 0;
        });
        return restore;
    }
}
