using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PublicitySite.Storage;
using PublicitySite.Storage.CompiledModels.Postgres;
using PublicitySite.Storage.CompiledModels.Sqlite;
using PublicitySite.Tests.Infrastructure;

namespace PublicitySite.Tests.Storage.CompiledModels;

/// <summary>
/// The site runs on models generated ahead by <c>dotnet ef dbcontext optimize</c>; one that lags behind the code
/// would silently read and write the old shape, so each is compared with the model the code builds.
/// </summary>
public sealed class CompiledModelTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, typeof(SqliteAppDbContextModel))]
    [InlineData(DatabaseProvider.Postgres, typeof(PostgresAppDbContextModel))]
    public void Each_provider_runs_on_its_own_compiled_model_and_it_matches_the_code(DatabaseProvider provider, Type compiledType)
    {
        using var directory = new TestDirectory();
        var paths = new SitePaths(directory.Path, RepositoryPaths.Recipe, RepositoryPaths.Seed, RepositoryPaths.Themes);
        var services = new ServiceCollection().AddLogging(b => b.SetMinimumLevel(LogLevel.Warning)).AddSingleton(paths);
        // Building a model needs no server, so PostgreSQL is only named, never reached.
        services.AddStorage(provider, provider == DatabaseProvider.Postgres ? "Host=127.0.0.1;Database=unused" : null, paths);
        services.AddPublicityCore();
        using var provided = services.BuildServiceProvider();
        using var scope = provided.CreateScope();
        var context = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        var compiled = context.Model;
        // The design-time model is built from OnModelCreating even when a compiled one is in use.
        var built = context.GetService<IDesignTimeModel>().Model;

        Assert.IsType(compiledType, compiled);
        var difference = FirstDifference(Shape(built), Shape(compiled));
        Assert.True(difference == null, $"The compiled model of {provider} differs from the code's ({difference}); regenerate it: {RegenerateCommand(provider)}");
    }

    [Fact]
    public void A_context_made_without_the_site_options_still_finds_its_own_providers_model()
    {
        using var sqlite = new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite("Data Source=:memory:").Options);
        using var postgres = new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql("Host=127.0.0.1;Database=unused").Options);

        Assert.IsType<SqliteAppDbContextModel>(sqlite.Model);
        Assert.IsType<PostgresAppDbContextModel>(postgres.Model);
    }

    private static string RegenerateCommand(DatabaseProvider provider) =>
        $"dotnet ef dbcontext optimize --project src/PublicitySite.Core --startup-project src/PublicitySite.Web --context {provider}AppDbContext --output-dir Storage/CompiledModels/{provider} --namespace PublicitySite.Storage.CompiledModels.{provider}";

    // What decides how rows are read and written: entity types, properties, keys and relationships, tables and
    // columns with their store types, and value converters. Annotations are left out: a compiled model keeps
    // only those the running site reads (the migrations' model differ cannot read it for that reason).
    private static string[] Shape(IModel model) =>
    [
        .. model.ToDebugString(MetadataDebugStringOptions.ShortDefault).Split('\n'),
        .. model.GetRelationalModel().ToDebugString(MetadataDebugStringOptions.ShortDefault).Split('\n'),
        .. model.GetEntityTypes().SelectMany(e => e.GetDeclaredProperties())
            .Select(p => $"{p.DeclaringType.DisplayName()}.{p.Name} converted by {p.GetTypeMapping().Converter?.GetType().FullName ?? "none"}"),
    ];

    private static string? FirstDifference(string[] built, string[] compiled)
    {
        var line = Enumerable.Range(0, Math.Max(built.Length, compiled.Length))
            .FirstOrDefault(i => i >= built.Length || i >= compiled.Length || built[i] != compiled[i], -1);
        return line < 0 ? null : $"code: '{built.ElementAtOrDefault(line)?.Trim()}', compiled: '{compiled.ElementAtOrDefault(line)?.Trim()}'";
    }
}
