using System.IO.Compression;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using PublicitySite.Audit;
using PublicitySite.Commands;
using PublicitySite.Storage;

namespace PublicitySite.Backups;

/// <summary>
/// Brings a <see cref="SiteBackup"/> back into an empty database of either kind, so the same pair moves a site
/// from SQLite to PostgreSQL. It refuses a backup from a newer schema (migrations this build does not know)
/// before touching anything. SQLite is restored into a new file that replaces the old one only once it is
/// complete; PostgreSQL must be an empty database, and is filled in one transaction. The restored database
/// gets a new identity (<see cref="Changes.DatabaseIdentity"/>), so every node rebuilds its search index.
/// </summary>
public static class SiteRestore
{
    private const int Batch = 500;

    /// <summary>What the restore brought back, or why it refused (the file is no backup, a newer one, or the database is not empty).</summary>
    public static async Task<Result<BackupSummary>> RestoreAsync(DatabaseProvider provider, string connectionString, SitePaths paths, string file, string actor, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(clock);
        ZipArchive zip;
        try
        {
            zip = await ZipFile.OpenReadAsync(file, cancellationToken);
        }
        catch (InvalidDataException)
        {
            return new Failure.Unsupported($"{Path.GetFileName(file)} 不是 zip 文件，不是由 backup 生成的备份。");
        }

        await using (zip)
        {
            var manifest = await ReadManifestAsync(zip, cancellationToken);
            if (manifest is null)
            {
                return new Failure.Unsupported($"{Path.GetFileName(file)} 不是本站 backup 生成的备份（缺少 {BackupManifest.FileName}）。");
            }

            var target = provider == DatabaseProvider.Sqlite ? RestoringFile(connectionString) : null;
            try
            {
                if (await RestoreDatabaseAsync(provider, target is null ? connectionString : $"Data Source={target};Pooling=False", zip, manifest, actor, clock, Path.GetFileName(file), cancellationToken) is { } refusal)
                {
                    return refusal;
                }

                if (target is not null)
                {
                    Replace(SqliteFile(connectionString), target);
                }
            }
            finally
            {
                if (target is not null)
                {
                    File.Delete(target); // a refused or failed restore leaves no half-made file behind
                }
            }

            var media = await RestoreMediaAsync(zip, paths.MediaDir, cancellationToken);
            if (Directory.Exists(paths.IndexDir))
            {
                Directory.Delete(paths.IndexDir, recursive: true);
            }

            return new BackupSummary(manifest.Tables.Count, manifest.Tables.Values.Sum(), media);
        }
    }

    private static async Task<Failure?> RestoreDatabaseAsync(DatabaseProvider provider, string connectionString, ZipArchive zip, BackupManifest manifest, string actor, TimeProvider clock, string name, CancellationToken cancellationToken)
    {
        await using var db = Open(provider, connectionString);
        if (Newer(manifest, db) is { } newer)
        {
            return newer;
        }

        await db.Database.MigrateAsync(cancellationToken);
        foreach (var type in BackupTables.InInsertOrder(db.Model))
        {
            if (await BackupTables.HasRowsAsync(db, type, cancellationToken))
            {
                return new Failure.Conflict($"目标数据库不是空的（表 {type.GetTableName()} 已有数据）。restore 只恢复到空数据库：请新建一个空的 PostgreSQL 数据库（createdb），把 ConnectionStrings__Default 指向它，再运行 restore。");
            }
        }

        return await FillAsync(db, zip, actor, clock, name, cancellationToken);
    }

    private static Failure.Unsupported? Newer(BackupManifest manifest, DbContext db)
    {
        if (manifest.Format > BackupManifest.CurrentFormat)
        {
            return new($"这个备份来自更新版本的程序（备份格式 {manifest.Format}，本程序只认识到 {BackupManifest.CurrentFormat}）。请先把本程序升级到不低于备份时的版本，再恢复。");
        }

        var known = BackupManifest.KnownMigrations(db).ToHashSet(StringComparer.Ordinal);
        var unknown = manifest.Migrations.Where(m => !known.Contains(m)).ToList();
        return unknown.Count == 0
            ? null
            : new($"这个备份来自更新版本的程序（数据库结构多出本程序不认识的迁移：{string.Join("、", unknown)}）。请先把本程序升级到不低于备份时的版本，再恢复；什么也没有改动。");
    }

    private static async Task<Failure?> FillAsync(AppDbContext db, ZipArchive zip, string actor, TimeProvider clock, string name, CancellationToken cancellationToken)
    {
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var type in BackupTables.InInsertOrder(db.Model))
        {
            if (zip.GetEntry($"tables/{type.GetTableName()}.jsonl") is not { } entry)
            {
                continue; // a table newer than the backup: it starts empty
            }

            await using var stream = await entry.OpenAsync(cancellationToken);
            using var reader = new StreamReader(stream);
            var line = 0;
            try
            {
                while (await reader.ReadLineAsync(cancellationToken) is { } json)
                {
                    line++;
                    using var row = JsonDocument.Parse(json);
                    var entity = BackupTables.ReadRow(type, row.RootElement);
                    if (entity is StoredDocument { Key: "database-id" })
                    {
                        continue; // a restored database is a new database: its indexes start afresh
                    }

                    db.Add(entity);
                    if (line % Batch == 0)
                    {
                        await db.SaveChangesAsync(cancellationToken);
                        db.ChangeTracker.Clear();
                    }
                }

                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }
            catch (Exception ex) when (ex is DbUpdateException or JsonException or ArgumentException)
            {
                return new Failure.Invalid("file", $"表 {type.GetTableName()} 第 {line} 行附近无法写入：{(ex.InnerException ?? ex).Message}。数据库未改动（整个恢复已撤销）。");
            }
        }

        await ResetSequencesAsync(db, cancellationToken);
        new AuditLog(db, clock).Stage(actor, AuditActions.BackupRestored, detail: $"从备份 {name} 恢复");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return null;
    }

    /// <summary>PostgreSQL identity columns keep counting from 1 after explicit ids: move them past the restored rows.</summary>
    private static async Task ResetSequencesAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql())
        {
            return; // SQLite's AUTOINCREMENT follows explicit ids by itself
        }

        foreach (var type in db.Model.GetEntityTypes())
        {
            if (type.FindPrimaryKey()?.Properties is [{ ValueGenerated: ValueGenerated.OnAdd } key] && (key.ClrType == typeof(int) || key.ClrType == typeof(long)))
            {
                var table = type.GetTableName();
                var column = key.GetColumnName();
                // Names come from the model, never from the backup.
#pragma warning disable EF1002
                await db.Database.ExecuteSqlRawAsync(
                    $"SELECT setval(pg_get_serial_sequence('\"{table}\"', '{column}'), COALESCE((SELECT MAX(\"{column}\") FROM \"{table}\"), 0) + 1, false)", cancellationToken);
#pragma warning restore EF1002
            }
        }
    }

    private static async Task<int> RestoreMediaAsync(ZipArchive zip, string mediaDir, CancellationToken cancellationToken)
    {
        var root = Path.GetFullPath(mediaDir);
        var count = 0;
        foreach (var media in zip.Entries.Where(e => e.FullName.StartsWith("media/", StringComparison.Ordinal) && e.Name.Length > 0))
        {
            var target = Path.GetFullPath(Path.Combine(root, media.FullName["media/".Length..]));
            if (!target.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                continue; // a crafted entry name must not write outside the media folder
            }

            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            await media.ExtractToFileAsync(target, overwrite: true, cancellationToken);
            count++;
        }

        return count;
    }

    private static async Task<BackupManifest?> ReadManifestAsync(ZipArchive zip, CancellationToken cancellationToken)
    {
        if (zip.GetEntry(BackupManifest.FileName) is not { } entry)
        {
            return null;
        }

        await using var stream = await entry.OpenAsync(cancellationToken);
        try
        {
            return await JsonSerializer.DeserializeAsync<BackupManifest>(stream, BackupTables.Json, cancellationToken);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    internal static AppDbContext Open(DatabaseProvider provider, string connectionString)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            var postgres = new DbContextOptionsBuilder<PostgresAppDbContext>();
            PostgresAppDbContext.Configure(postgres, connectionString);
            return new PostgresAppDbContext(postgres.Options);
        }

        var sqlite = new DbContextOptionsBuilder<SqliteAppDbContext>();
        SqliteAppDbContext.Configure(sqlite, connectionString);
        return new SqliteAppDbContext(sqlite.Options);
    }

    private static string SqliteFile(string connectionString) => Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource);

    private static string RestoringFile(string connectionString)
    {
        var file = SqliteFile(connectionString) + ".restoring";
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        foreach (var stale in new[] { file, file + "-wal", file + "-shm", file + "-journal" })
        {
            File.Delete(stale);
        }

        return file;
    }

    /// <summary>The complete new file takes the old one's place; the old one's WAL must not be replayed onto it.</summary>
    private static void Replace(string database, string restored)
    {
        SqliteConnection.ClearAllPools();
        foreach (var stale in new[] { database + "-wal", database + "-shm" })
        {
            File.Delete(stale);
        }

        File.Move(restored, database, overwrite: true);
    }
}
