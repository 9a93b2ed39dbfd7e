using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PublicitySite.Storage;

namespace PublicitySite.Changes;

/// <summary>
/// A random id made once per database and kept in it. Anything derived from the database and kept beside it
/// (a node's search index) records this id, so it can tell when it is looking at another database — the
/// data directory switched from SQLite to PostgreSQL, or pointed at another server — and rebuild.
/// </summary>
internal static class DatabaseIdentity
{
    private const string Key = "database-id";

    public static async Task<string> GetOrCreateAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (await ReadAsync(db, cancellationToken) is { } existing)
        {
            return existing;
        }

        var id = Guid.NewGuid().ToString("N");
        db.Documents.Add(new StoredDocument { Key = Key, Json = JsonSerializer.Serialize(id), UpdatedUtc = DateTime.UtcNow });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return id;
        }
        catch (DbUpdateException ex) when (StorageErrors.IsUniqueViolation(ex))
        {
            // Another node made it at the same moment: theirs is the one.
            db.ChangeTracker.Clear();
            return await ReadAsync(db, cancellationToken) ?? throw new InvalidOperationException("The database id vanished.");
        }
    }

    private static async Task<string?> ReadAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var json = await db.Documents.AsNoTracking().Where(d => d.Key == Key).Select(d => d.Json).FirstOrDefaultAsync(cancellationToken);
        return json is null ? null : JsonSerializer.Deserialize<string>(json);
    }
}
