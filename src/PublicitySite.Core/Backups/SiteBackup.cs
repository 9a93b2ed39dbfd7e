using System.Data;
using System.IO.Compression;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PublicitySite.Storage;

namespace PublicitySite.Backups;

/// <summary>What a backup holds, for the operator's one line.</summary>
public sealed record BackupSummary(int Tables, long Rows, int MediaFiles);

/// <summary>
/// A logical backup of the whole site into one zip: every table of the model as JSON lines (users, content and
/// its versions, settings, audit trail, webhooks, …), the media folder and a manifest. It is the same on SQLite
/// and PostgreSQL and restores into an empty database of either kind (<see cref="SiteRestore"/>). The search
/// index is left out: it is rebuilt from the database.
/// </summary>
public static class SiteBackup
{
    public static async Task<BackupSummary> WriteAsync(AppDbContext db, SitePaths paths, string file, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(paths);
        var folder = Path.GetDirectoryName(Path.GetFullPath(file))!;
        Directory.CreateDirectory(folder);
        var partial = file + ".partial";
        var tables = new Dictionary<string, long>();
        var mediaFiles = 0;
        try
        {
            await using (var zip = new ZipArchive(File.Create(partial), ZipArchiveMode.Create))
            {
                // One snapshot for every table: rows written meanwhile are all in or all out.
                await using var transaction = await SnapshotAsync(db, cancellationToken);
                foreach (var type in BackupTables.InInsertOrder(db.Model))
                {
                    var table = type.GetTableName()!;
                    var entry = zip.CreateEntry($"tables/{table}.jsonl", CompressionLevel.Optimal);
                    await using var stream = await entry.OpenAsync(cancellationToken);
                    long rows = 0;
                    await foreach (var entity in BackupTables.ReadAll(db, type).WithCancellation(cancellationToken))
                    {
                        await using (var writer = new Utf8JsonWriter(stream))
                        {
                            BackupTables.WriteRow(writer, type, entity);
                        }

                        stream.WriteByte((byte)'\n');
                        rows++;
                    }

                    tables[table] = rows;
                }

                var migrations = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Select(BackupManifest.MigrationName).ToList();
                await transaction.CommitAsync(cancellationToken);

                if (Directory.Exists(paths.MediaDir))
                {
                    foreach (var media in Directory.EnumerateFiles(paths.MediaDir, "*", SearchOption.AllDirectories))
                    {
                        await zip.CreateEntryFromFileAsync(media, "media/" + Path.GetRelativePath(paths.MediaDir, media).Replace('\\', '/'), CompressionLevel.NoCompression, cancellationToken);
                        mediaFiles++;
                    }
                }

                var manifest = new BackupManifest
                {
                    CreatedUtc = clock.GetUtcNow().UtcDateTime,
                    Provider = db.Database.IsNpgsql() ? "Postgres" : "Sqlite",
                    Migrations = migrations,
                    Tables = tables,
                    MediaFiles = mediaFiles,
                };
                await using var manifestStream = await zip.CreateEntry(BackupManifest.FileName).OpenAsync(cancellationToken);
                await JsonSerializer.SerializeAsync(manifestStream, manifest, BackupTables.Json, cancellationToken);
            }

            File.Move(partial, file, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }

        return new BackupSummary(tables.Count, tables.Values.Sum(), mediaFiles);
    }

    private static async Task<Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction> SnapshotAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        if (!db.Database.IsSqlite())
        {
            return await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        }

        // A deferred transaction reads a WAL snapshot without taking the write lock: the site keeps saving.
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        return await db.Database.UseTransactionAsync(connection.BeginTransaction(deferred: true), cancellationToken)
            ?? throw new InvalidOperationException("No transaction.");
    }
}
