using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublicitySite.Commands;
using PublicitySite.Contents;
using PublicitySite.Storage;
using PublicitySite.Tests.Infrastructure;

namespace PublicitySite.Tests.Contents;

/// <summary>The versioning rules, on both databases.</summary>
public sealed class VersioningTests
{
    private static JsonObject News(string title, string body = "正文内容") =>
        new() { ["title"] = title, ["body"] = body, ["column"] = "工作动态", ["source"] = "市政协办公室" };

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task A_new_item_is_a_draft_that_no_reader_can_see(Db db)
    {
        await using var host = await CoreHost.StartAsync(db);
        var created = await host.RunAsync<ContentManager, Result<ContentItemVersion>>(m => m.CreateAsync("News", News("草稿标题"), "editor1"));

        Assert.True(created.Succeeded, created.Failure?.Detail);
        Assert.Equal(ContentStatus.Draft, created.Value!.Status);
        Assert.Equal(1, created.Value.Number);
        Assert.Null(await host.RunAsync<ContentQueries, PublishedEntry?>(q => q.GetAsync(created.Value.ContentItemId)));
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Editing_a_published_item_makes_a_draft_and_leaves_the_public_version_alone(Db db)
    {
        await using var host = await CoreHost.StartAsync(db);
        var id = (await host.RunAsync<ContentManager, Result<ContentItemVersion>>(m => m.CreateAsync("News", News("第一版标题"), "editor1"))).Value!.ContentItemId;
        Assert.True((await host.RunAsync<ContentManager, Result<ContentItemVersion>>(m => m.PublishAsync(id))).Succeeded);

        var edited = await host.RunAsync<ContentManager, Result<ContentItemVersion>>(m => m.UpdateAsync(id, 1, News("第二版标题"), "editor2"));

        Assert.True(edited.Succeeded, edited.Failure?.Detail);
        Assert.Equal(2, edited.Value!.Number);
        Assert.Equal(ContentStatus.Draft, edited.Value.Status);
        var visible = await host.RunAsync<ContentQueries, PublishedEntry?>(q => q.GetAsync(id));
        Assert.Equal("第一版标题", visible!.Version.Title);
        Assert.Equal(1, visible.Version.Number);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Publishing_a_new_version_leaves_exactly_one_published_version(Db db)
    {
        await using var host = await CoreHost.StartAsync(db);
        var id = (await host.RunAsync<ContentManager, Result<ContentItemVersion>>(m => m.CreateAsync("News", News("甲"), "e"))).Value!.ContentItemId;
        await host.RunAsync<ContentManager, Result<ContentItemVersion>>(m => m.PublishAsync(id));
        await host.RunAsync<ContentManager, Result<ContentItemVersion>>(m => m.UpdateAsync(id, 1, News("乙"), "e"));
        await host.RunAsync<ContentManager, Result<ContentItemVersion>>(m => m.PublishAsync(id));

        var versions = await host.RunAsync<AppDbContext, List<ContentItemVersion>>(d =>
            d.ContentItemVersions.Where(v => v.ContentItemId == id).OrderBy(v => v.Number).ToListAsync());
        Assert.Equal([false, true], versions.Select(v => v.Published));
        Assert.Equal([ContentStatus.Archived, ContentStatus.Published], versions.Select(v => v.Status));
        Assert.Equal("乙", (await host.RunAsync<ContentQueries, PublishedEntry?>(q => q.GetAsync(id)))!.Version.Title);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Saving_on_top_of_a_stale_version_is_a_conflict_and_loses_nothing(Db db)
    {
        await using var host = await CoreHost.StartAsync(db);
        var id = (await host.RunAsync<ContentManager, Result<ContentItemVersion>>(m => m.CreateAsync("News", News("原稿"), "a"))).Value!.ContentItemId;
        var first = await host.RunAsync<ContentManager, Result<ContentItemVersion>>(m => m.UpdateAsync(id, 1, News("甲的修改"), "a"));
        var second = await host.RunAsync<ContentManager, Result<ContentItemVersion>>(m => m.UpdateAsync(id, 1, News("乙的修改"), "b"));

        Assert.True(first.Succeeded);
        Assert.IsType<Failure.Conflict>(second.Failure);
        Assert.Equal(2, ContentFailures.CurrentVersion(second.Failure));
        var titles = await host.RunAsync<AppDbContext, List<string>>(d => d.ContentItemVersions.Where(v => v.ContentItemId == id).OrderBy(v => v.Number).Select(v => v.Title).ToListAsync());
        Assert.Equal(["原稿", "甲的修改"], titles);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Unpublishing_removes_the_item_from_readers_but_keeps_its_versions(Db db)
    {
        await using var host = await CoreHost.StartAsync(db);
        var id = (await host.RunAsync<ContentManager, Result<ContentItemVersion>>(m => m.CreateAsync("News", News("将撤下"), "e"))).Value!.ContentItemId;
        await host.RunAsync<ContentManager, Result<ContentItemVersion>>(m => m.PublishAsync(id));

        var result = await host.RunAsync<ContentManager, Result<ContentItemVersion>>(m => m.UnpublishAsync(id));

        Assert.True(result.Succeeded);
        Assert.Null(await host.RunAsync<ContentQueries, PublishedEntry?>(q => q.GetAsync(id)));
        Assert.Equal(ContentStatus.Unpublished, (await host.RunAsync<AppDbContext, ContentItemVersion>(d => d.ContentItemVersions.SingleAsync(v => v.ContentItemId == id))).Status);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Each_version_carries_a_hash_of_its_content(Db db)
    {
        await using var host = await CoreHost.StartAsync(db);
        var a = (await host.RunAsync<ContentManager, Result<ContentItemVersion>>(m => m.CreateAsync("News", News("同题", "正文甲"), "e"))).Value!;
        var b = (await host.RunAsync<ContentManager, Result<ContentItemVersion>>(m => m.UpdateAsync(a.ContentItemId, 1, News("同题", "正文乙"), "e"))).Value!;
        var c = (await host.RunAsync<ContentManager, Result<ContentItemVersion>>(m => m.UpdateAsync(a.ContentItemId, 2, News("同题", "正文甲"), "e"))).Value!;

        Assert.Matches("^[0-9a-f]{64}$", a.ContentHash);
        Assert.NotEqual(a.ContentHash, b.ContentHash);
        Assert.Equal(a.ContentHash, c.ContentHash);
    }

    [Fact]
    public async Task Invalid_input_is_refused_with_chinese_reasons_and_nothing_is_saved()
    {
        await using var host = await CoreHost.StartAsync(Db.Sqlite);
        var result = await host.RunAsync<ContentManager, Result<ContentItemVersion>>(m => m.CreateAsync("News",
            new JsonObject { ["title"] = "", ["column"] = "不存在的栏目", ["slug"] = "中文别名" }, "e"));

        Assert.IsType<Failure.Invalid>(result.Failure);
        Assert.Contains(result.Failure!.Messages, e => e.Contains("标题", StringComparison.Ordinal));
        Assert.Contains(result.Failure!.Messages, e => e.Contains("不存在的栏目", StringComparison.Ordinal));
        Assert.Contains(result.Failure!.Messages, e => e.Contains("网址别名", StringComparison.Ordinal));
        Assert.Equal(0, await host.RunAsync<AppDbContext, int>(d => d.ContentItems.CountAsync()));
    }

    [Fact]
    public async Task A_change_reaches_the_sinks_only_after_it_is_committed()
    {
        var sink = new RecordingSink();
        await using var host = await CoreHost.StartAsync(Db.Sqlite, configure: s => s.AddSingleton<IContentChangeSink>(sink));
        sink.DatabaseFile = host.Paths.DatabaseFile;
        var id = (await host.RunAsync<ContentManager, Result<ContentItemVersion>>(m => m.CreateAsync("News", News("通知"), "e"))).Value!.ContentItemId;
        await host.RunAsync<ContentManager, Result<ContentItemVersion>>(m => m.PublishAsync(id));

        Assert.Equal([ContentChangeKind.Saved, ContentChangeKind.Published], sink.Seen.Select(s => s.Change.Kind));
        Assert.All(sink.Seen, s => Assert.True(s.CommittedWhenSeen));
    }

    private sealed class RecordingSink : IContentChangeSink
    {
        public List<(ContentChange Change, bool CommittedWhenSeen)> Seen { get; } = [];

        public ValueTask OnChangedAsync(ContentChange change, CancellationToken cancellationToken)
        {
            // Read through a separate connection: a change not yet committed would not be visible there.
            var committed = change.Kind switch
            {
                ContentChangeKind.Published => PublishedElsewhere(change.ContentItemId),
                _ => ExistsElsewhere(change.ContentItemId),
            };
            Seen.Add((change, committed));
            return ValueTask.CompletedTask;
        }

        public string? DatabaseFile { get; set; }

        private bool ExistsElsewhere(string id) => Count($"SELECT COUNT(*) FROM ContentItems WHERE Id = '{id}'") == 1;

        private bool PublishedElsewhere(string id) => Count($"SELECT COUNT(*) FROM ContentItemVersions WHERE ContentItemId = '{id}' AND Published = 1") == 1;

        private long Count(string sql)
        {
            using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={DatabaseFile}");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            return (long)command.ExecuteScalar()!;
        }
    }
}
