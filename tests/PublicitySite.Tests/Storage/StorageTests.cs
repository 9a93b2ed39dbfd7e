using System.Data.Common;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using PublicitySite.Commands;
using PublicitySite.Contents;
using PublicitySite.Storage;
using PublicitySite.Tests.Infrastructure;

namespace PublicitySite.Tests.Storage;

public sealed class StorageTests
{
    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Json_is_stored_with_chinese_characters_not_escapes(Db db)
    {
        await using var host = await CoreHost.StartAsync(db);
        var created = await host.RunAsync<ContentManager, Result<ContentItemVersion>>(m =>
            m.CreateAsync("News", new JsonObject { ["title"] = "政协委员履职", ["column"] = "工作动态", ["body"] = "协商议政" }, "e"));

        var raw = await host.RunAsync<AppDbContext, string>(async d =>
        {
            var connection = d.Database.GetDbConnection();
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT \"Data\" FROM \"ContentItemVersions\" WHERE \"Id\" = {created.Value!.Id}";
            return (string)(await command.ExecuteScalarAsync())!;
        });

        Assert.Contains("协商议政", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", raw, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Migrations_bring_an_empty_database_to_the_current_model(Db db)
    {
        await using var host = await CoreHost.StartAsync(db);

        var pending = await host.RunAsync<AppDbContext, IEnumerable<string>>(d => d.Database.GetPendingMigrationsAsync());
        var applied = await host.RunAsync<AppDbContext, IEnumerable<string>>(d => d.Database.GetAppliedMigrationsAsync());

        Assert.Empty(pending);
        Assert.NotEmpty(applied);
        Assert.False(await host.RunAsync<AppDbContext, bool>(d => Task.FromResult(d.Database.HasPendingModelChanges())), "the model has changes no migration covers");
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task A_database_a_migration_behind_is_brought_up_to_date_on_the_next_start(Db db)
    {
        await using var host = await CoreHost.StartAsync(db);
        var all = await host.RunAsync<AppDbContext, List<string>>(d => Task.FromResult(d.Database.GetMigrations().ToList()));
        await host.RunAsync<AppDbContext>(d => d.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>().MigrateAsync(all[^2]));
        Assert.Equal([all[^1]], await host.RunAsync<AppDbContext, IEnumerable<string>>(d => d.Database.GetPendingMigrationsAsync()));

        await host.RunAsync<PublicitySite.Setup.SiteInitializer>(i => i.InitializeAsync("test-password-1"));

        Assert.Empty(await host.RunAsync<AppDbContext, IEnumerable<string>>(d => d.Database.GetPendingMigrationsAsync()));
    }

    [Fact]
    public async Task Starting_again_on_the_same_data_directory_keeps_everything_and_imports_nothing_twice()
    {
        await using var host = await CoreHost.StartAsync(Db.Sqlite, importSeed: true);
        var before = await host.RunAsync<AppDbContext, int>(d => d.ContentItems.CountAsync());

        var again = await host.RunAsync<PublicitySite.Setup.SiteInitializer, PublicitySite.Setup.InitializationResult>(i => i.InitializeAsync("test-password-1"));

        Assert.True(before >= 40);
        Assert.False(again.RecipeApplied);
        Assert.Null(again.SeedReport);
        Assert.Null(again.GeneratedAdminPassword);
        Assert.Equal(before, await host.RunAsync<AppDbContext, int>(d => d.ContentItems.CountAsync()));
    }

    [Fact]
    public void A_missing_postgres_connection_string_is_a_clear_start_up_error()
    {
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        var error = Assert.Throws<InvalidOperationException>(() => services.AddStorage(DatabaseProvider.Postgres, null, new SitePaths("/tmp/x", "", "", "")));
        Assert.Contains("ConnectionStrings:Default", error.Message, StringComparison.Ordinal);
        _ = typeof(DbConnection);
    }
}
