using Lucene.Net.Index;
using Microsoft.EntityFrameworkCore;
using PublicitySite.Storage;
using PublicitySite.Web.Hosting;
using PublicitySite.Web.Operations;
using LuceneDirectory = Lucene.Net.Store.FSDirectory;

namespace PublicitySite.Web.Cli;

/// <summary>The checks of <c>doctor</c>, each read-only and each answering with findings rather than exceptions.</summary>
internal static class DoctorChecks
{
    /// <summary>Clocks further apart than this make sessions, schedules and audit times wrong.</summary>
    private static readonly TimeSpan ClockTolerance = TimeSpan.FromMinutes(2);

    public static IEnumerable<Finding> Files(SitePaths paths, string theme)
    {
        yield return Writable(paths.DataDir, "数据目录");
        if (!File.Exists(paths.RecipeFile))
        {
            yield return new(FindingLevel.Error, "配置", $"配方文件不存在：{paths.RecipeFile}", "设置 Publicity__RecipeFile 指向 recipes/publicity.recipe.json，或在仓库目录中运行");
        }

        var themeDir = Path.Combine(paths.ThemesDir, theme);
        yield return Directory.Exists(themeDir)
            ? new(FindingLevel.Ok, "配置", $"主题 {theme}（{themeDir}），配方 {Path.GetFileName(paths.RecipeFile)}")
            : new(FindingLevel.Error, "配置", $"主题目录不存在：{themeDir}", "设置 Publicity__ThemesDir 指向 themes/，或把 Publicity__Theme 改为已有的主题");
    }

    public static async Task<IReadOnlyList<Finding>> DatabaseAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var provider = db.Database.IsNpgsql() ? "PostgreSQL" : "SQLite";
        if (!db.Database.IsNpgsql() && db.Database.GetDbConnection().DataSource is { Length: > 0 } file && !File.Exists(file))
        {
            // A fresh data directory: doctor creates nothing, and the first start creates the database.
            return [new(FindingLevel.Warning, "数据库", $"SQLite 数据库尚未创建（{file}）", "首次启动网站或运行任一命令（如 user list）时自动创建")];
        }

        try
        {
            if (!await db.Database.CanConnectAsync(cancellationToken))
            {
                return [new(FindingLevel.Error, "数据库", $"{provider} 无法连接", db.Database.IsNpgsql()
                    ? "检查 ConnectionStrings__Default 中的主机、端口、用户名和密码，并确认 PostgreSQL 正在运行（systemctl status postgresql）"
                    : "检查数据目录是否存在且可写，数据库文件 publicity.db 是否被其他程序锁住")];
            }

            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count > 0)
            {
                return [new(FindingLevel.Warning, "数据库", $"{provider} 可连接，有 {pending.Count} 个迁移尚未执行", "启动网站或运行任一命令（如 user list）即自动迁移；迁移前请先 backup")];
            }

            return [new(FindingLevel.Ok, "数据库", $"{provider} 可连接，表结构为最新")];
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
        {
            return [new(FindingLevel.Error, "数据库", $"{provider} 出错：{ex.Message}", "检查 ConnectionStrings__Default 与数据库服务；SQLite 请检查数据目录权限")];
        }
    }

    /// <summary>
    /// Opens the index named by <c>index/current</c> read-only (a running site keeps its write lock) and compares
    /// its item ids with the database's: ids the database does not hold mean the index belongs to another database.
    /// </summary>
    public static async Task<IReadOnlyList<Finding>> IndexAsync(AppDbContext db, SitePaths paths, CancellationToken cancellationToken)
    {
        const string fix = "运行 reindex 重建索引（网站运行时也可在 /admin/search 重建）";
        var pointer = Path.Combine(paths.IndexDir, "current");
        if (!File.Exists(pointer))
        {
            return [new(FindingLevel.Warning, "搜索索引", "尚未建立（网站启动时会自动建立）", fix)];
        }

        HashSet<string> indexed;
        int documents;
        try
        {
            using var directory = LuceneDirectory.Open(Path.Combine(paths.IndexDir, File.ReadAllText(pointer).Trim()));
            using var reader = DirectoryReader.Open(directory);
            documents = reader.NumDocs;
            indexed = IdsOf(reader);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return [new(FindingLevel.Error, "搜索索引", $"无法读取：{ex.Message}", fix)];
        }

        var known = (await db.ContentItems.Select(i => i.Id).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var strangers = indexed.Count(id => !known.Contains(id));
        if (strangers > 0)
        {
            return [new(FindingLevel.Error, "搜索索引", $"索引中有 {strangers} 个条目在数据库中不存在（索引可能属于另一个数据库）", fix)];
        }

        return [new(FindingLevel.Ok, "搜索索引", $"{documents} 个文档，涉及 {indexed.Count} 项内容，数据库共 {known.Count} 项")];
    }

    public static async Task<IReadOnlyList<Finding>> MediaAsync(AppDbContext db, SitePaths paths, CancellationToken cancellationToken)
    {
        var writable = Writable(paths.MediaDir, "媒体目录");
        if (writable.Level != FindingLevel.Ok)
        {
            return [writable];
        }

        var assets = await db.Set<PublicitySite.Media.MediaAsset>().CountAsync(cancellationToken);
        var files = Directory.Exists(paths.MediaDir) ? Directory.EnumerateFiles(paths.MediaDir, "*", SearchOption.AllDirectories).Take(1).Count() : 0;
        if (assets > 0 && files == 0)
        {
            return [new(FindingLevel.Error, "媒体目录", $"数据库记录了 {assets} 个媒体文件，但 {paths.MediaDir} 是空的", "从备份恢复媒体文件（restore），或检查 Media__Directory / 数据目录设置是否指向原来的位置")];
        }

        return [new(FindingLevel.Ok, "媒体目录", $"{paths.MediaDir} 可写，媒体库共 {assets} 个文件")];
    }

    public static Finding Disk(SitePaths paths, HealthOptions options)
    {
        var free = HealthProbe.FreeMegabytes(paths.DataDir);
        if (free < 0)
        {
            return new(FindingLevel.Warning, "磁盘空间", "无法读取数据目录所在磁盘的剩余空间");
        }

        return free < options.MinFreeDiskMegabytes
            ? new(FindingLevel.Error, "磁盘空间", $"数据目录所在磁盘只剩 {free} MB（低于 {options.MinFreeDiskMegabytes} MB）", "清理旧备份和旧日志（logs/），或把数据目录移到更大的磁盘")
            : new(FindingLevel.Ok, "磁盘空间", $"剩余 {free:N0} MB");
    }

    /// <summary>
    /// The clock against the database server's (PostgreSQL) and against the newest audit entry: a clock that
    /// went back would date new entries before old ones.
    /// </summary>
    public static async Task<IReadOnlyList<Finding>> ClockAsync(AppDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        const string fix = "启用时间同步：timedatectl set-ntp true（或配置 chrony），并确认时区设置正确";
        var now = clock.GetUtcNow().UtcDateTime;
        if (db.Database.IsNpgsql())
        {
            var server = await db.Database.SqlQueryRaw<DateTime>("SELECT now() AT TIME ZONE 'UTC' AS \"Value\"").SingleAsync(cancellationToken);
            var drift = (now - DateTime.SpecifyKind(server, DateTimeKind.Utc)).Duration();
            if (drift > ClockTolerance)
            {
                return [new(FindingLevel.Error, "时钟", $"本机时钟与数据库服务器相差 {drift.TotalSeconds:N0} 秒", fix)];
            }
        }

        var newest = await db.Set<PublicitySite.Audit.AuditEntry>().MaxAsync(a => (DateTime?)a.AtUtc, cancellationToken);
        if (newest is { } latest && latest - now > ClockTolerance)
        {
            return [new(FindingLevel.Error, "时钟", $"本机时钟（{now:yyyy-MM-dd HH:mm} UTC）早于最近一条审计记录（{latest:yyyy-MM-dd HH:mm} UTC），时钟可能被调回", fix)];
        }

        return [new(FindingLevel.Ok, "时钟", $"{now:yyyy-MM-dd HH:mm:ss} UTC，时区 {TimeZoneInfo.Local.Id}")];
    }

    private static HashSet<string> IdsOf(DirectoryReader reader)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        // The stored item id field of every search document (SearchFields.Id in the core).
        var terms = MultiFields.GetTerms(reader, "id");
        if (terms is null)
        {
            return ids;
        }

        var iterator = terms.GetEnumerator();
        while (iterator.MoveNext())
        {
            ids.Add(iterator.Term.Utf8ToString());
        }

        return ids;
    }

    private static Finding Writable(string folder, string area)
    {
        if (File.Exists(folder))
        {
            return new(FindingLevel.Error, area, $"{folder} 是一个文件，不是目录", "删除或改名该文件，或用 --data-dir / Publicity__DataDir 指定别的目录");
        }

        try
        {
            Directory.CreateDirectory(folder);
            var probe = Path.Combine(folder, $".doctor-{Guid.NewGuid():N}");
            File.WriteAllText(probe, "");
            File.Delete(probe);
            return new(FindingLevel.Ok, area, $"{folder} 可写");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new(FindingLevel.Error, area, $"{folder} 不可写（{ex.GetType().Name}）", $"让运行网站的用户拥有该目录：chown -R publicity: {folder}");
        }
    }
}
