using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace PublicitySite.Storage;

/// <summary>
/// The migrations a database has, read with one plain query. EF Core's own reading
/// (<c>GetAppliedMigrationsAsync</c>) first builds a model of its history table at run time: 0.4-0.5 s of every
/// restart, to learn what this query does in a few milliseconds.
/// </summary>
internal static class AppliedMigrations
{
    /// <summary>The ids in the history table, or null when the table is not there yet (a new database).</summary>
    public static async Task<HashSet<string>?> ReadAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\"";
            var ids = new HashSet<string>(StringComparer.Ordinal);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                ids.Add(reader.GetString(0));
            }

            return ids;
        }
        catch (DbException)
        {
            // No history table. Anything else wrong with the database shows again, in full, when EF migrates it.
            return null;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
