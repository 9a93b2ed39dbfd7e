using Microsoft.EntityFrameworkCore;

namespace PublicitySite.Storage;

/// <summary>The embedded default: one SQLite file under the data directory.</summary>
internal sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        StoredJson.MapForSqlite(builder);
    }
}

/// <summary>Production and multi-node: PostgreSQL.</summary>
internal sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        StoredJson.MapForPostgres(builder);
    }
}
