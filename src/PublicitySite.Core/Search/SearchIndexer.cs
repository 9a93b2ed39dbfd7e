using System.Threading.Channels;
using Lucene.Net.Documents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PublicitySite.Contents;
using PublicitySite.Proposals;
using PublicitySite.Storage;

namespace PublicitySite.Search;

/// <summary>
/// Keeps the index in step with the database. <see cref="ContentManager"/> tells it of each committed change;
/// the change is queued and a background loop re-reads the item from the database and replaces its documents,
/// so a request never waits on Lucene and the index always ends at what the database holds, whatever order
/// concurrent changes arrive in.
/// </summary>
public sealed partial class SearchIndexer(SearchIndex index, IServiceScopeFactory scopes, ILogger<SearchIndexer> logger) : IContentChangeSink, IProposalStatusSink
{
    private const int MaxBatch = 256;
    private readonly Channel<string> queue = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private long queued;
    private long done;

    /// <summary>Committed changes told to the indexer and not yet in the index: how far search lags the database.</summary>
    public long Pending => Math.Max(0, Interlocked.Read(ref queued) - Interlocked.Read(ref done));

    public ValueTask OnChangedAsync(ContentChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        return OnStatusChangedAsync(change.ContentItemId, cancellationToken);
    }

    /// <summary>A proposal's status facet follows the office's recorded steps.</summary>
    public ValueTask OnStatusChangedAsync(string contentItemId, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref queued);
        queue.Writer.TryWrite(contentItemId);
        return ValueTask.CompletedTask;
    }

    /// <summary>The loop: runs until <paramref name="stoppingToken"/> fires, never throws on a bad item.</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var batch = new List<string>(MaxBatch);
        try
        {
            while (await queue.Reader.WaitToReadAsync(stoppingToken))
            {
                batch.Clear();
                while (batch.Count < MaxBatch && queue.Reader.TryRead(out var id))
                {
                    batch.Add(id);
                }

                try
                {
                    await ApplyAsync(batch.Distinct().ToList(), stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogFailed(ex, batch.Count);
                }
                finally
                {
                    Interlocked.Add(ref done, batch.Count);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Waits until every change told so far is searchable (and the index is ready). For tests and tools.</summary>
    public async Task WaitForIdleAsync(TimeSpan timeout)
    {
        var target = Interlocked.Read(ref queued);
        var deadline = DateTime.UtcNow + timeout;
        while (Interlocked.Read(ref done) < target || !index.IsReady)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The search index did not catch up within {timeout} (state {index.State}).");
            }

            await Task.Delay(5);
        }
    }

    private async Task ApplyAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var builder = scope.ServiceProvider.GetRequiredService<SearchDocumentBuilder>();
        foreach (var id in ids)
        {
            var docs = await LoadAsync(db, builder, id, cancellationToken);
            await index.ApplyAsync(id, docs, cancellationToken);
        }

        await index.CommitAsync(cancellationToken);
    }

    /// <summary>The documents an item should have in the index now, read fresh from the database.</summary>
    internal static async Task<IReadOnlyList<Document>> LoadAsync(AppDbContext db, SearchDocumentBuilder builder, string id, CancellationToken cancellationToken)
    {
        var item = await db.ContentItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (item is null || item.Deleted)
        {
            return [];
        }

        var versions = await db.ContentItemVersions.AsNoTracking()
            .Where(v => v.ContentItemId == id && (v.Published || v.Latest))
            .ToListAsync(cancellationToken);
        var status = item.ContentType == ProposalVisibility.ContentType ? await ProposalStatuses.OfAsync(db, [id], cancellationToken) : null;
        return builder.Build(item, versions, status?.GetValueOrDefault(id)?.Status);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Indexing a batch of {Count} changes failed; a reindex will repair the index")]
    private partial void LogFailed(Exception ex, int count);
}
