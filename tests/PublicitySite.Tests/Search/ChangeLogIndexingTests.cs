using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublicitySite.Changes;
using PublicitySite.Contents;
using PublicitySite.Search;
using PublicitySite.Storage;
using PublicitySite.Tests.Infrastructure;
using PublicitySite.Tests.Site;

namespace PublicitySite.Tests.Search;

/// <summary>The index follows the change log in the database to a checkpoint kept in its own commit.</summary>
public sealed class ChangeLogIndexingTests
{
    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Every_committed_change_is_in_the_log_and_the_index_commits_its_position(Db db)
    {
        await using var host = await SearchTestHost.StartAsync(db);
        var created = await host.CreateAsync("变更日志记录的湿地新闻", "正文。");
        var id = created.Value!.ContentItemId;
        await host.PublishAsync(id);
        await host.CaughtUpAsync();

        var kinds = await host.Core.RunAsync<AppDbContext, List<string>>(d => d.Set<ChangeLogEntry>().Where(e => e.ContentItemId == id).OrderBy(e => e.Id).Select(e => e.Kind).ToListAsync());
        Assert.Equal(["Saved", "Published"], kinds);
        var head = await host.Core.RunAsync<AppDbContext, long>(d => ChangeLog.HeadAsync(d, CancellationToken.None));
        Assert.Equal(head, host.Index.Checkpoint);
        Assert.Equal(1, Whole(host, "湿地新闻"));
    }

    [Fact]
    public async Task On_PostgreSQL_a_change_committed_late_is_still_indexed_after_later_ones()
    {
        await using var host = await SearchTestHost.StartAsync(Db.Postgres);
        await using var slowScope = host.Core.Services.CreateAsyncScope();
        var slowDb = slowScope.ServiceProvider.GetRequiredService<AppDbContext>();
        var slowManager = slowScope.ServiceProvider.GetRequiredService<ContentManager>();
        await using var transaction = await slowDb.Database.BeginTransactionAsync();
        var slow = await slowManager.CreateAsync("News", new() { ["title"] = "迟到提交的黄河新闻", ["body"] = "正文。", ["column"] = "工作动态" }, "admin");
        await slowManager.PublishAsync(slow.Value!.ContentItemId);

        // A later id commits first: it is indexed, and the earlier one is waited for as a gap.
        var quick = await host.CreateAsync("先行提交的长江新闻", "正文。");
        await host.PublishAsync(quick.Value!.ContentItemId);
        await host.CaughtUpAsync();
        Assert.Equal(1, Whole(host, "长江新闻"));
        Assert.Equal(0, Whole(host, "黄河新闻"));
        var slowEntry = await host.Core.RunAsync<AppDbContext, long>(async d => await d.Set<ChangeLogEntry>().MaxAsync(e => e.Id));
        Assert.True(host.Indexer.Position.Checkpoint < slowEntry, "the checkpoint stays before the uncommitted change");

        await transaction.CommitAsync();
        await slowManager.NotifyCommittedAsync();
        await host.CaughtUpAsync();
        Assert.Equal(1, Whole(host, "黄河新闻"));
        Assert.Equal(host.Indexer.Position.Head, host.Indexer.Position.Checkpoint);
    }

    [Fact]
    public async Task Changes_made_while_the_site_was_down_are_indexed_from_the_checkpoint_without_a_rebuild()
    {
        using var dir = new TestDirectory();
        string generation;
        using (var first = new TestSite(seed: false, dataDir: dir.Path))
        {
            await SiteContent.PublishNewsAsync(first, "停机之前发布的工作动态");
            await first.Services.GetRequiredService<SearchIndexer>().WaitForIdleAsync(TimeSpan.FromSeconds(30));
            generation = first.Services.GetRequiredService<SearchIndex>().Snapshot().Generation!;
        }

        // Written by the command line while no site runs: only the change log tells the index about it.
        var folder = Path.Combine(dir.Path, "import");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "a.md"), "---\ntype: News\ntitle: 停机期间导入的桑梓新闻\nslug: sangzi-xinwen\npublished: 2026-03-01T10:00:00+08:00\ncolumn: 工作动态\n---\n停机期间导入的正文。\n");
        var imported = await SiteProcess.RunAsync(dir.Path, "import", folder);
        Assert.True(imported.ExitCode == 0, imported.Output + imported.Error);

        using var second = new TestSite(seed: false, dataDir: dir.Path);
        await second.Services.GetRequiredService<SearchIndexer>().WaitForIdleAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(1, await WholeAsync(second.CreateClient(), "桑梓新闻"));
        Assert.Equal(generation, second.Services.GetRequiredService<SearchIndex>().Snapshot().Generation);
    }

    [Fact]
    public async Task An_index_built_from_another_database_is_rebuilt_for_this_one()
    {
        using var dir = new TestDirectory();
        using (var sqlite = new TestSite(seed: false, dataDir: dir.Path))
        {
            await SiteContent.PublishNewsAsync(sqlite, "只在旧数据库里的青瓷新闻");
            await sqlite.Services.GetRequiredService<SearchIndexer>().WaitForIdleAsync(TimeSpan.FromSeconds(30));
        }

        using var postgres = new TestSite(seed: false, db: Db.Postgres, dataDir: dir.Path);
        await SiteContent.PublishNewsAsync(postgres, "新数据库里的白瓷新闻");
        await postgres.Services.GetRequiredService<SearchIndexer>().WaitForIdleAsync(TimeSpan.FromSeconds(30));
        var client = postgres.CreateClient();
        Assert.Equal(0, await WholeAsync(client, "青瓷新闻"));
        Assert.Equal(1, await WholeAsync(client, "白瓷新闻"));
        var health = await client.GetFromJsonAsync<JsonElement>("/healthz");
        var items = await postgres.Services.CreateAsyncScope().ServiceProvider.GetRequiredService<AppDbContext>().ContentItems.CountAsync(i => !i.Deleted);
        Assert.Equal(items, health.GetProperty("search").GetProperty("documents").GetInt32());
    }

    [Fact]
    public async Task The_consistency_check_finds_documents_lost_behind_the_logs_back_and_repairs_them()
    {
        using var site = new TestSite(seed: false);
        var id = await SiteContent.CreateNewsAsync(site, "被悄悄删掉索引的石窟新闻");
        await SiteContent.PublishAsync(site, id);
        var indexer = site.Services.GetRequiredService<SearchIndexer>();
        await indexer.WaitForIdleAsync(TimeSpan.FromSeconds(30));
        var index = site.Services.GetRequiredService<SearchIndex>();
        await index.ApplyAsync(id, []);
        await index.CommitAsync();
        var client = site.CreateClient();
        Assert.Equal(0, await WholeAsync(client, "石窟新闻"));

        var report = await site.Services.GetRequiredService<IndexConsistencyCheck>().RunAsync(CancellationToken.None);
        Assert.NotNull(report);
        Assert.Equal(1, report.Drifted);
        Assert.Equal([id], report.Sample);
        await indexer.WaitForIdleAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(1, await WholeAsync(client, "石窟新闻"));
        var health = await client.GetFromJsonAsync<JsonElement>("/healthz");
        Assert.Equal("ok", health.GetProperty("status").GetString());
        Assert.Equal(1, health.GetProperty("search").GetProperty("lastCheck").GetProperty("drifted").GetInt32());
        var again = await site.Services.GetRequiredService<IndexConsistencyCheck>().RunAsync(CancellationToken.None);
        Assert.Equal(0, again!.Drifted);
    }

    /// <summary>Hits whose title holds the whole query (the engine also shows partial matches when nothing holds all of it).</summary>
    private static int Whole(SearchTestHost host, string query) => host.Find(query).Items.Count(i => i.Title.Contains(query, StringComparison.Ordinal));

    private static async Task<int> WholeAsync(HttpClient client, string query)
    {
        var body = await client.GetFromJsonAsync<JsonElement>("/api/search?q=" + Uri.EscapeDataString(query));
        return body.GetProperty("items").EnumerateArray().Count(i => i.GetProperty("title").GetString()!.Contains(query, StringComparison.Ordinal));
    }
}
