using Microsoft.EntityFrameworkCore;
using PublicitySite.Storage;
using PublicitySite.Tests.Infrastructure;

namespace PublicitySite.Tests.Storage;

/// <summary>The start-up check reads the same history EF Core does, and finds none in a new database.</summary>
public sealed class AppliedMigrationsTests
{
    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task It_reads_what_ef_core_reads(Db db)
    {
        await using var host = await CoreHost.StartAsync(db);

        var ours = await host.RunAsync<AppDbContext, HashSet<string>?>(d => AppliedMigrations.ReadAsync(d, CancellationToken.None));
        var theirs = await host.RunAsync<AppDbContext, IEnumerable<string>>(d => d.Database.GetAppliedMigrationsAsync());

        Assert.NotNull(ours);
        Assert.Equal(theirs.Order(StringComparer.Ordinal), ours.Order(StringComparer.Ordinal));
        Assert.Equal(await host.RunAsync<AppDbContext, List<string>>(d => Task.FromResult(d.Database.GetMigrations().ToList())), ours.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_new_database_has_no_history_and_is_left_as_it_was()
    {
        using var dir = new TestDirectory();
        var options = new DbContextOptionsBuilder<SqliteAppDbContext>();
        SqliteAppDbContext.Configure(options, $"Data Source={Path.Combine(dir.Path, "new.db")};Pooling=False");
        await using var db = new SqliteAppDbContext(options.Options);

        Assert.Null(await AppliedMigrations.ReadAsync(db, CancellationToken.None));
        Assert.Empty(await db.Database.GetAppliedMigrationsAsync());
    }
}
