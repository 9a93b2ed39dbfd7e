using PublicitySite.Search;
using PublicitySite.Storage;

namespace PublicitySite.Web.Search;

/// <summary>
/// Opens the index at start-up, or — when it is missing, locked or unreadable — rebuilds it from the database
/// in the background while the site serves pages (search answers 503 until it is ready). Then keeps the
/// background indexer running.
/// </summary>
internal sealed partial class SearchHostedService(
    SearchIndex index,
    SearchIndexer indexer,
    SearchIndexRebuilder rebuilder,
    SynonymStore synonyms,
    IServiceScopeFactory scopes,
    ILogger<SearchHostedService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            await synonyms.LoadAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), stoppingToken);
        }

        var loop = indexer.RunAsync(stoppingToken);
        if (!index.TryOpenExisting())
        {
            try
            {
                await rebuilder.RebuildAsync(null, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogBuildFailed(ex);
            }
        }

        await loop;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Building the search index failed; search stays unavailable until a reindex succeeds")]
    private partial void LogBuildFailed(Exception ex);
}
