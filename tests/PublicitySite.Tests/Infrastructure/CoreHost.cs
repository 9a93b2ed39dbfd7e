using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PublicitySite.Setup;
using PublicitySite.Storage;

namespace PublicitySite.Tests.Infrastructure;

public enum Db
{
    Sqlite,
    Postgres,
}

/// <summary>
/// The core services (no HTTP) on a fresh database of the chosen provider, initialised with the recipe but
/// without seed content. Each instance is its own world: tests never share data.
/// </summary>
public sealed class CoreHost : IAsyncDisposable
{
    private readonly TestDirectory directory = new();

    private CoreHost(Db db, Action<IServiceCollection>? configure)
    {
        var paths = new SitePaths(directory.Path, RepositoryPaths.Recipe, RepositoryPaths.Seed, RepositoryPaths.Themes);
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(paths);
        services.AddStorage(
            db == Db.Postgres ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite,
            db == Db.Postgres ? TestPostgres.CreateDatabase() : null,
            paths);
        services.AddPublicityCore();
        configure?.Invoke(services);
        Services = services.BuildServiceProvider();
        Paths = paths;
    }

    public IServiceProvider Services { get; }

    public SitePaths Paths { get; }

    public static async Task<CoreHost> StartAsync(Db db, bool importSeed = false, Action<IServiceCollection>? configure = null)
    {
        var host = new CoreHost(db, configure);
        await host.RunAsync<SiteInitializer>(i => i.InitializeAsync("test-password-1", importSeed));
        return host;
    }

    /// <summary>Runs <paramref name="action"/> with a service from a fresh scope (a fresh DbContext).</summary>
    public async Task<TResult> RunAsync<TService, TResult>(Func<TService, Task<TResult>> action)
        where TService : notnull
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public async Task RunAsync<TService>(Func<TService, Task> action)
        where TService : notnull
    {
        await using var scope = Services.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public async ValueTask DisposeAsync()
    {
        if (Services is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        directory.Dispose();
    }
}
