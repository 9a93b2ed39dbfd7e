using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace PublicitySite.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="AppDbContext"/> on the configured provider. Without a connection string SQLite
    /// uses <c>publicity.db</c> in the data directory. The options are built once, not per request scope.
    /// </summary>
    public static IServiceCollection AddStorage(this IServiceCollection services, DatabaseProvider provider, string? connectionString, SitePaths paths)
    {
        switch (provider)
        {
            case DatabaseProvider.Postgres:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Default is empty.");
                }

                services.AddDbContext<PostgresAppDbContext>((sp, o) => PostgresAppDbContext.Configure(o, connectionString).AddInterceptors(sp.GetServices<IInterceptor>()), optionsLifetime: ServiceLifetime.Singleton);
                services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<PostgresAppDbContext>());
                break;
            default:
                var sqlite = string.IsNullOrWhiteSpace(connectionString)
                    ? $"Data Source={paths.DatabaseFile};Default Timeout=30;Pooling=True"
                    : connectionString;
                services.AddDbContext<SqliteAppDbContext>((sp, o) =>
                {
                    // Made when the database is first used, so `--help` leaves no empty data directory behind.
                    Directory.CreateDirectory(paths.DataDir);
                    SqliteAppDbContext.Configure(o, sqlite).AddInterceptors(sp.GetServices<IInterceptor>());
                }, optionsLifetime: ServiceLifetime.Singleton);
                services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<SqliteAppDbContext>());
                break;
        }

        return services;
    }

    /// <summary>Brings the schema up to date (nothing to do when every migration is applied). SQLite also switches to WAL so readers never wait for a writer.</summary>
    public static async Task MigrateAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        // Migrate also rebuilds the model from the last snapshot and compares it with the code's, a second or so
        // of a restart spent finding nothing: an up-to-date database, the usual case, needs only the history read.
        var applied = await AppliedMigrations.ReadAsync(db, cancellationToken);
        if (applied is null || db.Database.GetMigrations().Except(applied).Any())
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }
}
