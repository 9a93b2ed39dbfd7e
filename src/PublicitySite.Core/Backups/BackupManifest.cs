using Microsoft.EntityFrameworkCore;

namespace PublicitySite.Backups;

/// <summary>
/// <c>manifest.json</c> of a backup: what wrote it, from which schema, and how many rows and files it holds.
/// The schema is the list of migrations by name (without their timestamps, which differ per provider), so a
/// SQLite backup can be checked against a PostgreSQL build and the other way round.
/// </summary>
internal sealed record BackupManifest
{
    /// <summary>The layout of the zip: tables as JSON lines, media files, this manifest.</summary>
    public const int CurrentFormat = 1;

    public const string FileName = "manifest.json";

    public int Format { get; init; } = CurrentFormat;

    public DateTime CreatedUtc { get; init; }

    public string Provider { get; init; } = "";

    public IReadOnlyList<string> Migrations { get; init; } = [];

    public IReadOnlyDictionary<string, long> Tables { get; init; } = new Dictionary<string, long>();

    public int MediaFiles { get; init; }

    /// <summary><c>20261127044551_InitialCreate</c> → <c>InitialCreate</c>.</summary>
    public static string MigrationName(string id) => id.Length > 15 && id[14] == '_' ? id[15..] : id;

    public static IReadOnlyList<string> KnownMigrations(DbContext db) =>
        [.. db.Database.GetMigrations().Select(MigrationName)];
}
