using Microsoft.EntityFrameworkCore;
using PublicitySite.Storage.CompiledModels.Postgres;
using PublicitySite.Storage.CompiledModels.Sqlite;

namespace PublicitySite.Storage;

/// <summary>The embedded default: one SQLite file under the data directory.</summary>
internal sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options)
{
    /// <summary>
    /// What every SQLite context runs with: the provider, its model compiled ahead (nothing built at start; see
    /// the folder's README for regenerating it) and the query translation of <see cref="StoredJson"/>.
    /// </summary>
    internal static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString) =>
        StoredJsonTranslator.Add<SqliteStoredJsonTranslator>(options.UseSqlite(connectionString).UseModel(SqliteAppDbContextModel.Instance));
}

/// <summary>Production and multi-node: PostgreSQL.</summary>
internal sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options)
{
    /// <summary>What every PostgreSQL context runs with, as <see cref="SqliteAppDbContext.Configure"/> says for SQLite.</summary>
    internal static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString) =>
        StoredJsonTranslator.Add<PostgresStoredJsonTranslator>(options.UseNpgsql(connectionString).UseModel(PostgresAppDbContextModel.Instance));
}
