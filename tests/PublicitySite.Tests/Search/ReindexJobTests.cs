using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using PublicitySite.Search;
using PublicitySite.Storage;
using PublicitySite.Tests.Infrastructure;
using PublicitySite.Web.Search;

namespace PublicitySite.Tests.Search;

/// <summary>The one-at-a-time background rebuild behind the admin page and the API.</summary>
public sealed class ReindexJobTests
{
    [Fact]
    public async Task A_second_start_while_the_first_runs_is_refused_and_the_outcome_is_kept()
    {
        using var dir = new TestDirectory();
        using var index = new SearchIndex(new SitePaths(dir.Path, "", "", ""), new DomainDictionary(), NullLogger<SearchIndex>.Instance);
        var rebuilder = new GatedRebuilder();
        var job = new ReindexJob(rebuilder, index, new Lifetime(), TimeProvider.System, NullLogger<ReindexJob>.Instance);

        Assert.True(job.TryStart());
        await rebuilder.Entered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(job.TryStart());
        Assert.Equal(SearchStatus.Building, job.Status().State);
        rebuilder.Finish.SetResult(42);
        for (var i = 0; i < 200 && job.IsRunning; i++)
        {
            await Task.Delay(10);
        }

        Assert.Equal(1, rebuilder.Runs);
        Assert.False(job.IsRunning);
        Assert.Equal(42, job.Last!.Documents);
        Assert.Equal((7, 9), (job.Last.Done, job.Last.Total));
        Assert.Null(job.Last.Error);
    }

    [Fact]
    public async Task A_failed_build_is_reported_in_Chinese_and_a_new_start_is_allowed()
    {
        using var dir = new TestDirectory();
        using var index = new SearchIndex(new SitePaths(dir.Path, "", "", ""), new DomainDictionary(), NullLogger<SearchIndex>.Instance);
        var rebuilder = new GatedRebuilder();
        var job = new ReindexJob(rebuilder, index, new Lifetime(), TimeProvider.System, NullLogger<ReindexJob>.Instance);

        Assert.True(job.TryStart());
        await rebuilder.Entered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        rebuilder.Finish.SetException(new IOException("磁盘已满"));
        for (var i = 0; i < 200 && job.IsRunning; i++)
        {
            await Task.Delay(10);
        }

        Assert.Equal("重建失败：磁盘已满", job.Last!.Error);
        Assert.Equal(SearchStatus.Unavailable, job.Status().State); // nothing was ever opened in this folder
        Assert.True(job.TryStart());
    }

    [Theory]
    [InlineData(SearchIndexState.Ready, false, false, "ready")]
    [InlineData(SearchIndexState.Ready, true, false, "building")]
    [InlineData(SearchIndexState.Ready, false, true, "building")]
    [InlineData(SearchIndexState.Building, true, false, "building")]
    [InlineData(SearchIndexState.Building, false, false, "unavailable")]
    [InlineData(SearchIndexState.Starting, false, false, "unavailable")]
    public void The_state_is_ready_building_or_unavailable(SearchIndexState state, bool progress, bool running, string expected)
    {
        var snapshot = new SearchIndexSnapshot(state, 5, "gen-x", null, progress ? (1, 2) : null);
        var status = SearchStatus.Describe(snapshot, running, null);
        Assert.Equal(expected, status.State);
        Assert.Equal(state == SearchIndexState.Ready, status.Searchable);
    }

    private sealed class GatedRebuilder : ISearchIndexRebuilder
    {
        private int runs;

        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource<int> Finish { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Runs => runs;

        public async Task<int> RebuildAsync(IProgress<(int Done, int Total)>? progress, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref runs);
            progress?.Report((7, 9));
            Entered.TrySetResult();
            return await Finish.Task;
        }
    }

    private sealed class Lifetime : IHostApplicationLifetime
    {
        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping => CancellationToken.None;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication()
        {
        }
    }
}
