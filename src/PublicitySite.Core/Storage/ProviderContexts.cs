using Microsoft.EntityFrameworkCore;

namespace PublicitySite.Storage;

/// <summary>The embedded default: one SQLite file under the data directory.</summary>
internal sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options)
{
    /// <summary>What every SQLite context runs with: the provider and the query translation of <see cref="StoredJson"/>.</summary>
    internal static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString) =>
        StoredJsonTranslator.Add<SqliteStoredJsonTranslator>(options.UseSqlite(connectionString));
}

/// <summary>Production and multi-node: PostgreSQL.</summary>
internal sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options)
{
    /// <summary>What every PostgreSQL context runs with: the provider and the query translation of <see cref="StoredJson"/>.</summary>
    internal static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString) =>
        StoredJsonTranslator.Add<PostgresStoredJsonTranslator>(options.UseNpgsql(connectionString));
}
