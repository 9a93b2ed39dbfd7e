using Microsoft.EntityFrameworkCore;
using PublicitySite.Audit;
using PublicitySite.Storage;
using PublicitySite.Tests.Infrastructure;

namespace PublicitySite.Tests.Audit;

/// <summary>The database itself refuses to change or remove audit lines, whoever holds the connection.</summary>
public sealed class AppendOnlyTests
{
    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task A_raw_update_or_delete_of_an_audit_line_fails_and_the_lines_stay_as_written(Db db)
    {
        await using var host = await StartAsync(db);
        await host.RunAsync<AuditLog>(a => a.WriteAsync("writer", AuditActions.Login, "target-1", "原始记录"));
        await host.RunAsync<AuditLog>(a => a.WriteAsync("writer", AuditActions.Logout, "target-2", "第二条"));
        var before = await SnapshotAsync(host);

        var update = await ExecuteAsync(host, "UPDATE \"AuditEntries\" SET \"Detail\" = 'tampered', \"Actor\" = 'someone-else'");
        var delete = await ExecuteAsync(host, "DELETE FROM \"AuditEntries\" WHERE \"Target\" = 'target-1'");

        Assert.NotNull(update);
        Assert.NotNull(delete);
        Assert.Contains("append-only", update!.Message, StringComparison.Ordinal);
        Assert.Contains("append-only", delete!.Message, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync(host));
        Assert.Contains(before, line => line == "writer|auth.login|target-1|原始记录");
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Appending_still_works_after_a_refused_change(Db db)
    {
        await using var host = await StartAsync(db);
        await host.RunAsync<AuditLog>(a => a.WriteAsync("writer", AuditActions.Login, "first"));
        Assert.NotNull(await ExecuteAsync(host, "DELETE FROM \"AuditEntries\""));

        await host.RunAsync<AuditLog>(a => a.WriteAsync("writer", AuditActions.Logout, "second"));

        var lines = await SnapshotAsync(host);
        Assert.Equal(2, lines.Count(l => l.StartsWith("writer|", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Truncate_is_refused_on_postgres()
    {
        await using var host = await StartAsync(Db.Postgres);
        await host.RunAsync<AuditLog>(a => a.WriteAsync("writer", AuditActions.Login, "kept"));

        Assert.NotNull(await ExecuteAsync(host, "TRUNCATE \"AuditEntries\""));
        Assert.Contains(await SnapshotAsync(host), l => l.Contains("|kept|", StringComparison.Ordinal));
    }

    private static Task<CoreHost> StartAsync(Db db) =>
        CoreHost.StartAsync(db, configure: s => PublicitySite.Workflow.WorkflowServiceCollectionExtensions.AddWorkflowCore(s));

    /// <summary>Runs raw SQL as any other program would; returns the error, or null when the database accepted it.</summary>
    private static Task<Exception?> ExecuteAsync(CoreHost host, string sql) =>
        host.RunAsync<AppDbContext, Exception?>(async d =>
        {
            try
            {
                await d.Database.ExecuteSqlRawAsync(sql);
                return null;
            }
            catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or Npgsql.PostgresException)
            {
                return e;
            }
        });

    private static Task<List<string>> SnapshotAsync(CoreHost host) =>
        host.RunAsync<AppDbContext, List<string>>(async d =>
            (await d.Set<AuditEntry>().AsNoTracking().OrderBy(e => e.Id).ToListAsync())
                .Select(e => $"{e.Actor}|{e.Action}|{e.Target}|{e.Detail}")
                .ToList());
}
