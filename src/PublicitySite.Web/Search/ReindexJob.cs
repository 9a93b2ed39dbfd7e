using PublicitySite.Search;

namespace PublicitySite.Web.Search;

/// <summary>
/// Starts rebuilds asked for by the admin page and the API, in the background so the request returns at
/// once, and at most one at a time: a second start while one runs is refused rather than queued (the
/// rebuilder would otherwise run it again right after). Keeps the last outcome for the admin page.
/// </summary>
public sealed partial class ReindexJob(ISearchIndexRebuilder rebuilder, SearchIndex index, IHostApplicationLifetime lifetime, TimeProvider clock, ILogger<ReindexJob> logger) : IReindexStarter
{
    private int running;
    private RebuildOutcome? last;
    private (int Done, int Total) progress;

    public bool IsRunning => Volatile.Read(ref running) == 1;

    public RebuildOutcome? Last => Volatile.Read(ref last);

    public SearchStatus Status() => SearchStatus.Describe(index.Snapshot(), IsRunning, Last);

    /// <summary>False, starting nothing, when a rebuild is already in hand (here or the start-up build).</summary>
    public bool TryStart()
    {
        if (index.BuildProgress is not null || Interlocked.CompareExchange(ref running, 1, 0) != 0)
        {
            return false;
        }

        progress = (0, 0);
        _ = Task.Run(RunAsync);
        return true;
    }

    private async Task RunAsync()
    {
        try
        {
            var documents = await rebuilder.RebuildAsync(new Recorder(this), lifetime.ApplicationStopping);
            Finish(documents, null);
        }
        catch (OperationCanceledException)
        {
            Finish(0, "网站停止，重建未完成");
        }
        catch (Exception ex)
        {
            // The old index stays live (the rebuilder abandons the new folder); the page shows why.
            LogFailed(ex);
            Finish(0, "重建失败：" + ex.Message);
        }
    }

    private void Finish(int documents, string? error)
    {
        var (done, total) = progress;
        Volatile.Write(ref last, new RebuildOutcome(clock.GetUtcNow().UtcDateTime, documents, done, total, error));
        Volatile.Write(ref running, 0);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Reindex failed; the previous index stays in use")]
    private partial void LogFailed(Exception ex);

    /// <summary>Records on the reporting thread: <see cref="Progress{T}"/> would post to the thread pool and could land after the finish.</summary>
    private sealed class Recorder(ReindexJob job) : IProgress<(int Done, int Total)>
    {
        public void Report((int Done, int Total) value) => job.progress = value;
    }
}
