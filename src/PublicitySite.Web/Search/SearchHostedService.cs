using PublicitySite.Changes;
using PublicitySite.Search;
using PublicitySite.Storage;

namespace PublicitySite.Web.Search;

/// <summary>
/// Opens the index once the first page of a start has been answered (or a search asks for it), or — when it is missing, locked, unreadable or made from another database — rebuilds it from the database
/// in the background while the site serves pages (search answers 503 until it is ready). Then keeps the
/// background indexer running.
/// </summary>
internal sealed partial class SearchHostedService(
    SearchIndex index,
    SearchIndexer indexer,
    SearchIndexRebuilder rebuilder,
    IndexConsistencyCheck consistency,
    Microsoft.Extensions.Options.IOptions<SearchIndexOptions> options,
    SynonymStore synonyms,
    PublicitySite.Web.Operations.FirstAnswer firstAnswer,
    IServiceScopeFactory scopes,
    ILogger<SearchHostedService> logger) : BackgroundService
{
    // Short: search is unavailable until the index opens, and the cause (space, the database) often clears in seconds.
    private static readonly TimeSpan MaxOpenRetry = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Opening the index compiles much of Lucene: on two cores that would slow the first page of a restart.
        // It waits for that page, unless a search asks first (SearchService.WhenReadyAsync).
        await Task.WhenAny(firstAnswer.WaitAsync(stoppingToken), index.Asked);
        stoppingToken.ThrowIfCancellationRequested();
        var (start, rebuild) = await OpenAsync(stoppingToken);
        var loop = indexer.RunAsync(start, stoppingToken);
        var checks = CheckPeriodicallyAsync(stoppingToken);
        if (rebuild)
        {
            await TryRebuildAsync(stoppingToken);
        }

        await KeepBuiltAsync(stoppingToken);
        await Task.WhenAll(loop, checks);
    }

    /// <summary>
    /// Loads the synonyms and opens the index, again and again while the database cannot be read or written (a
    /// full disk, a database being restarted): the pages go on being served meanwhile, search answers 503.
    /// </summary>
    private async Task<(ChangeLogCursor Start, bool Rebuild)> OpenAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromMilliseconds(250);
        while (true)
        {
            try
            {
                await using (var scope = scopes.CreateAsyncScope())
                {
                    await synonyms.LoadAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), stoppingToken);
                }

                return await indexer.OpenAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogOpenFailed(ex);
                await Task.Delay(delay, stoppingToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxOpenRetry.Ticks));
            }
        }
    }

    /// <summary>
    /// Whenever no index is open and no build runs — the first build failed, or an index could not be reopened
    /// after a failed write (a full disk) — builds one again, waiting longer after each failure.
    /// </summary>
    private async Task KeepBuiltAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromSeconds(1);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                if (!index.IsReady && index.BuildProgress is null)
                {
                    delay = await TryRebuildAsync(stoppingToken) ? TimeSpan.FromSeconds(1) : TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
                }

                await Task.Delay(delay, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task<bool> TryRebuildAsync(CancellationToken stoppingToken)
    {
        try
        {
            await rebuilder.RebuildAsync(null, stoppingToken);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogBuildFailed(ex);
            return false;
        }
    }

    /// <summary>Compares the index with the database now and then, so drift the change log could not see is repaired.</summary>
    private async Task CheckPeriodicallyAsync(CancellationToken stoppingToken)
    {
        try
        {
            using var timer = new PeriodicTimer(options.Value.ConsistencyInterval);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await consistency.RunAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogCheckFailed(ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Opening the search index failed; it is tried again shortly")]
    private partial void LogOpenFailed(Exception ex);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Comparing the search index with the database failed; it is tried again at the next interval")]
    private partial void LogCheckFailed(Exception ex);

    [LoggerMessage(Level = LogLevel.Error, Message = "Building the search index failed; it is tried again shortly")]
    private partial void LogBuildFailed(Exception ex);
}
