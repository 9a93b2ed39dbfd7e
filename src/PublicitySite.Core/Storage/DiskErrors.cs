using Microsoft.Data.Sqlite;
using Npgsql;

namespace PublicitySite.Storage;

/// <summary>A full disk, recognised whichever layer noticed it: the file system, SQLite or PostgreSQL.</summary>
public static class DiskErrors
{
    private const int Enospc = 28;
    private const int SqliteFull = 13;
    private const string PostgresDiskFull = "53100";

    public static bool IsDiskFull(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            var full = e switch
            {
                SqliteException s => s.SqliteErrorCode == SqliteFull,
                PostgresException p => p.SqlState == PostgresDiskFull,
                IOException io => io.HResult == Enospc || (io.HResult & 0xFFFF) == 0x70 || io.Message.Contains("No space left", StringComparison.OrdinalIgnoreCase),
                _ => false,
            };
            if (full)
            {
                return true;
            }
        }

        return false;
    }
}
