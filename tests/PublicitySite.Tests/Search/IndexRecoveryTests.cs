using Lucene.Net.Index;
using Lucene.Net.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using PublicitySite.Search;
using PublicitySite.Storage;

namespace PublicitySite.Tests.Search;

/// <summary>Rebuild with atomic swap, and a missing, locked, corrupt or crash-left index at start-up.</summary>
public sealed class IndexRecoveryTests
{
    [Fact]
    public async Task A_rebuild_swaps_in_a_fresh_folder_while_search_keeps_answering()
    {
        await using var host = await SearchTestHost.StartAsync(seed: true);
        var before = CurrentGeneration(host.Index);
        var expected = host.Find("民主监督").Total;
        Assert.True(expected > 0);

        var progress = new List<(int Done, int Total)>();
        var rebuild = host.Core.Services.GetRequiredService<ISearchIndexRebuilder>().RebuildAsync(new SyncProgress(progress), CancellationToken.None);
        var answered = 0;
        while (!rebuild.IsCompleted)
        {
            Assert.Equal(expected, host.Find("民主监督").Total);
            answered++;
            await Task.Delay(1);
        }

        var count = await rebuild;
        Assert.True(count >= 70, $"{count} documents");
        Assert.True(answered > 0);
        Assert.NotEqual(before, CurrentGeneration(host.Index));
        Assert.False(System.IO.Directory.Exists(Path.Combine(host.Index.Root, before)), "the old generation is removed");
        Assert.Equal(expected, host.Find("民主监督").Total);
        Assert.Equal(progress[^1].Total, progress[^1].Done);
    }

    [Fact]
    public async Task Changes_made_during_a_rebuild_reach_the_new_index()
    {
        await using var host = await SearchTestHost.StartAsync(seed: true);
        var rebuild = host.Core.Services.GetRequiredService<ISearchIndexRebuilder>().RebuildAsync(null, CancellationToken.None);
        var created = await host.CreateAsync("重建期间发布的黄河湿地保护新闻", "湿地保护的正文。");
        await host.PublishAsync(created.Value!.ContentItemId);
        await rebuild;
        await host.CaughtUpAsync();

        Assert.Equal(1, host.Find("黄河湿地").Total);
    }

    [Fact]
    public void A_missing_index_is_reported_so_it_can_be_built()
    {
        using var dir = new Infrastructure.TestDirectory();
        using var index = NewIndex(dir.Path);
        Assert.False(index.TryOpenExisting());
        Assert.False(index.IsReady);
        Assert.Null(index.Acquire());
    }

    [Fact]
    public async Task A_corrupt_index_is_not_opened()
    {
        using var dir = new Infrastructure.TestDirectory();
        var folder = await BuildIndexAsync(dir.Path);
        foreach (var file in System.IO.Directory.GetFiles(folder, "segments*"))
        {
            await File.WriteAllBytesAsync(file, [1, 2, 3, 4, 5]);
        }

        using var index = NewIndex(dir.Path);
        Assert.False(index.TryOpenExisting());
    }

    [Fact]
    public async Task A_write_lock_left_by_a_crash_does_not_stop_the_index_opening()
    {
        using var dir = new Infrastructure.TestDirectory();
        var folder = await BuildIndexAsync(dir.Path);
        await File.WriteAllTextAsync(Path.Combine(folder, "write.lock"), "");

        using var index = NewIndex(dir.Path);
        Assert.True(index.TryOpenExisting());
        using var lease = index.Acquire();
        Assert.True(lease!.Searcher.IndexReader.NumDocs > 0);
    }

    [Fact]
    public async Task An_index_another_writer_holds_is_not_opened_twice()
    {
        using var dir = new Infrastructure.TestDirectory();
        var folder = await BuildIndexAsync(dir.Path);
        using var directory = FSDirectory.Open(folder);
        using var other = new IndexWriter(directory, new IndexWriterConfig(Lucene.Net.Util.LuceneVersion.LUCENE_48, new Lucene.Net.Analysis.Core.KeywordAnalyzer()));

        using var index = NewIndex(dir.Path);
        Assert.False(index.TryOpenExisting());
    }

    private static SearchIndex NewIndex(string dataDir) =>
        new(new SitePaths(dataDir, "", "", ""), new DomainDictionary(), NullLogger<SearchIndex>.Instance);

    /// <summary>An index of the seed in <paramref name="dataDir"/>, closed again; returns its generation folder.</summary>
    private static async Task<string> BuildIndexAsync(string dataDir)
    {
        await using (var host = await SearchTestHost.StartAsync(seed: true))
        {
            CopyDirectory(host.Index.Root, Path.Combine(dataDir, "index"));
        }

        var name = await File.ReadAllTextAsync(Path.Combine(dataDir, "index", "current"));
        var folder = Path.Combine(dataDir, "index", name.Trim());
        File.Delete(Path.Combine(folder, "write.lock"));
        return folder;
    }

    private static void CopyDirectory(string from, string to)
    {
        System.IO.Directory.CreateDirectory(to);
        foreach (var file in System.IO.Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var sub in System.IO.Directory.GetDirectories(from))
        {
            CopyDirectory(sub, Path.Combine(to, Path.GetFileName(sub)));
        }
    }

    private static string CurrentGeneration(SearchIndex index) => File.ReadAllText(Path.Combine(index.Root, "current")).Trim();

    private sealed class SyncProgress(List<(int Done, int Total)> sink) : IProgress<(int Done, int Total)>
    {
        public void Report((int Done, int Total) value)
        {
            lock (sink)
            {
                sink.Add(value);
            }
        }
    }
}
