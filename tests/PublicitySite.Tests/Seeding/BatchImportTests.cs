using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublicitySite.Changes;
using PublicitySite.Contents;
using PublicitySite.Literature;
using PublicitySite.Members;
using PublicitySite.Proposals;
using PublicitySite.Seeding;
using PublicitySite.Storage;
using PublicitySite.Tests.Infrastructure;

namespace PublicitySite.Tests.Seeding;

/// <summary>The import runs as one batch: the result must be what saving and publishing file by file gives.</summary>
public sealed class BatchImportTests
{
    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Every_seeded_item_is_published_once_and_logged_saved_then_published(Db db)
    {
        await using var host = await CoreHost.StartAsync(db);
        var report = await host.RunAsync<ContentImporter, ImportReport>(i => i.ImportFolderAsync(RepositoryPaths.Seed, "admin"));

        var (items, versions, log) = await host.RunAsync<AppDbContext, (List<ContentItem>, List<ContentItemVersion>, List<ChangeLogEntry>)>(async d =>
            (await d.ContentItems.ToListAsync(), await d.ContentItemVersions.ToListAsync(), await d.Set<ChangeLogEntry>().OrderBy(e => e.Id).ToListAsync()));

        Assert.Equal(report.Imported.Count, items.Count);
        Assert.Equal(items.Count, report.Published);
        Assert.All(items, i => Assert.True(i.LatestVersion == 1 && i.PublishedVersion == 1, i.Id));
        Assert.Equal(items.Count, versions.Count);
        Assert.All(versions, v => Assert.True(v.Published && v.Latest && v.Status == ContentStatus.Published, v.ContentItemId));
        Assert.Equal(items.Count * 2, log.Count);
        Assert.All(log.Chunk(2), pair => Assert.Equal(
            [(pair[0].ContentItemId, "Saved"), (pair[0].ContentItemId, "Published")],
            pair.Select(e => (e.ContentItemId, e.Kind))));
    }

    [Fact]
    public async Task The_index_rows_written_for_the_batch_are_those_each_item_alone_would_have_written()
    {
        await using var host = await CoreHost.StartAsync(Db.Sqlite);
        await host.RunAsync<ContentImporter, ImportReport>(i => i.ImportFolderAsync(RepositoryPaths.Seed, "admin"));
        var proposals = Directory.GetFiles(Path.Combine(RepositoryPaths.Seed, "proposals"), "*.md").Length;
        var imported = await host.RunAsync<AppDbContext, List<string>>(SnapshotAsync);

        var events = await host.RunAsync<AppDbContext, List<string>>(d => d.Set<ProposalEvent>().Select(e => e.ContentItemId).Distinct().ToListAsync());
        await host.RunAsync<ProposalIndexer>(i => i.RebuildAllAsync());
        await host.RunAsync<MembersIndexer>(i => i.RebuildAsync());
        await host.RunAsync<LiteratureIndexer>(i => i.RebuildAsync());
        var rebuilt = await host.RunAsync<AppDbContext, List<string>>(SnapshotAsync);

        Assert.Equal(proposals, events.Count);
        Assert.Contains(imported, row => row.StartsWith("ProposalRecord", StringComparison.Ordinal) && row.Contains("\"Published\":true", StringComparison.Ordinal));
        Assert.Equal(proposals, imported.Count(row => row.StartsWith("ProposalRecord", StringComparison.Ordinal)));
        Assert.Contains(imported, row => row.StartsWith("ProposalProposer", StringComparison.Ordinal) && !row.Contains("\"MemberId\":null", StringComparison.Ordinal));
        Assert.Contains(imported, row => row.StartsWith("MemberIndexEntry", StringComparison.Ordinal));
        Assert.Contains(imported, row => row.StartsWith("MemberLink", StringComparison.Ordinal));
        Assert.Contains(imported, row => row.StartsWith("LiteratureArticleEntry", StringComparison.Ordinal));
        Assert.Equal(rebuilt, imported);
    }

    [Fact]
    public async Task A_file_that_cannot_be_written_undoes_the_whole_import_and_is_named()
    {
        await using var host = await CoreHost.StartAsync(Db.Sqlite, configure: s => s.AddSingleton<IContentChangeStager>(new FailingStager("写不进")));
        var folder = Directory.CreateDirectory(Path.Combine(host.Paths.DataDir, "import")).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "a.md"), "---\ntype: News\ntitle: 第一篇\ncolumn: 工作动态\nslug: first\ntags: [视察]\n---\n正文");
        await File.WriteAllTextAsync(Path.Combine(folder, "b.md"), "---\ntype: News\ntitle: 写不进的一篇\ncolumn: 工作动态\nslug: second\n---\n正文");
        await File.WriteAllTextAsync(Path.Combine(folder, "c.md"), "---\ntype: News\ntitle: 第三篇\ncolumn: 通知公告\nslug: third\n---\n正文");

        var error = await Assert.ThrowsAsync<ContentImportException>(() => host.RunAsync<ContentImporter, ImportReport>(i => i.ImportFolderAsync(folder, "admin")));

        Assert.Equal("b.md", error.File);
        Assert.Contains("b.md", error.Message, StringComparison.Ordinal);
        Assert.Contains("全部撤销", error.Message, StringComparison.Ordinal);
        Assert.Equal((0, 0, 0, 0), await host.RunAsync<AppDbContext, (int, int, int, int)>(async d => (
            await d.ContentItems.CountAsync(),
            await d.ContentItemVersions.CountAsync(),
            await d.Set<ChangeLogEntry>().CountAsync(),
            await d.ContentTags.CountAsync())));

        File.Delete(Path.Combine(folder, "b.md"));
        var report = await host.RunAsync<ContentImporter, ImportReport>(i => i.ImportFolderAsync(folder, "admin"));
        Assert.Equal(["a.md", "c.md"], report.Imported);
        Assert.Equal(2, await host.RunAsync<AppDbContext, int>(d => d.ContentItems.CountAsync()));
    }

    private static async Task<List<string>> SnapshotAsync(AppDbContext d)
    {
        static IEnumerable<string> Rows<T>(IEnumerable<T> rows) => rows.Select(r => typeof(T).Name + JsonSerializer.Serialize(r));

        return Rows(await d.Set<ProposalRecord>().AsNoTracking().ToListAsync())
            .Concat(Rows(await d.Set<ProposalProposer>().AsNoTracking().ToListAsync()))
            .Concat(Rows(await d.Set<MemberIndexEntry>().AsNoTracking().ToListAsync()))
            .Concat(Rows(await d.Set<MemberLink>().AsNoTracking().ToListAsync()))
            .Concat(Rows(await d.Set<LiteratureArticleEntry>().AsNoTracking().ToListAsync()))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Fails the save of any item whose title holds <paramref name="marker"/>, as a full disk or a broken database would.</summary>
    private sealed class FailingStager(string marker) : IContentChangeStager
    {
        public ValueTask StageAsync(AppDbContext db, ContentChange change, CancellationToken cancellationToken) =>
            db.ContentItemVersions.Local.Any(v => v.ContentItemId == change.ContentItemId && v.Title.Contains(marker, StringComparison.Ordinal))
                ? throw new InvalidOperationException("database is locked")
                : ValueTask.CompletedTask;
    }
}
