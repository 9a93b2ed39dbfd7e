using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PublicitySite.Contents;
using PublicitySite.Proposals;
using PublicitySite.Storage;

namespace PublicitySite.Search;

/// <summary>
/// Builds a fresh index from the database in a new folder while searches keep using the old one, then swaps
/// it in. Items changed during the build are replayed into the new index before the swap. One build at a time.
/// </summary>
public sealed partial class SearchIndexRebuilder(SearchIndex index, IServiceScopeFactory scopes, ILogger<SearchIndexRebuilder> logger) : ISearchIndexRebuilder
{
    private const int PageSize = 1000;
    private const int BatchSize = 50;
    private readonly SemaphoreSlim oneBuild = new(1, 1);

    public async Task<int> RebuildAsync(IProgress<(int Done, int Total)>? progress, CancellationToken cancellationToken)
    {
        await oneBuild.WaitAsync(cancellationToken);
        IndexGeneration? built = null;
        try
        {
            built = await index.BeginBuildAsync(cancellationToken);
            var count = await FillAsync(built, progress, cancellationToken);
            // Let the merges the bulk load started finish here, as part of the build, not under live searches.
            built.Writer.WaitForMerges();
            await index.SwapAsync(built, (ids, target) => CatchUpAsync(ids, target, cancellationToken), cancellationToken);
            LogRebuilt(count, built.Folder);
            built = null;
            return count;
        }
        finally
        {
            index.BuildProgress = null;
            if (built is not null)
            {
                await index.AbandonAsync(built);
            }

            oneBuild.Release();
        }
    }

    /// <summary>
    /// Reads items page by page (by id, so memory stays flat) and hands them in small batches to one worker
    /// thread per core, which builds the documents (Markdown to text, folding) and adds them: IndexWriter is
    /// thread-safe and analysis is where the time goes. The workers are plain threads blocking on a bounded
    /// queue, not async loops: handing thousands of batches through the thread pool cost more than it saved.
    /// </summary>
    private async Task<int> FillAsync(IndexGeneration built, IProgress<(int Done, int Total)>? progress, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var builder = scope.ServiceProvider.GetRequiredService<SearchDocumentBuilder>();
        var total = await db.ContentItems.CountAsync(i => !i.Deleted, cancellationToken);
        var done = 0;
        var documents = 0;
        Report(progress, 0, total);
        // A failing worker stops the reader too, rather than leaving it blocked on a full queue.
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var work = new BlockingCollection<List<Pending>>(boundedCapacity: 2 * PageSize / BatchSize);
        var workers = Enumerable.Range(0, Math.Clamp(Environment.ProcessorCount, 1, 4)).Select(_ => Task.Factory.StartNew(() =>
        {
            try
            {
                Interlocked.Add(ref documents, Consume(work.GetConsumingEnumerable(failed.Token), builder, built));
            }
            catch
            {
                failed.Cancel();
                throw;
            }
        }, cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToList();

        try
        {
            string? after = null;
            while (true)
            {
                // The database compares the ids; the two-argument Compare is the form EF turns into SQL.
#pragma warning disable CA1309
                var items = await db.ContentItems.AsNoTracking()
                    .Where(i => !i.Deleted && (after == null || string.Compare(i.Id, after) > 0))
#pragma warning restore CA1309
                    .OrderBy(i => i.Id).Take(PageSize).ToListAsync(cancellationToken);
                if (items.Count == 0)
                {
                    break;
                }

                var ids = items.Select(i => i.Id).ToList();
                var versions = (await db.ContentItemVersions.AsNoTracking()
                        .Where(v => ids.Contains(v.ContentItemId) && (v.Published || v.Latest))
                        .ToListAsync(cancellationToken))
                    .ToLookup(v => v.ContentItemId);
                var statuses = await ProposalStatuses.OfAsync(db, items.Where(i => i.ContentType == ProposalVisibility.ContentType).Select(i => i.Id).ToList(), cancellationToken);
                foreach (var batch in items.Chunk(BatchSize))
                {
                    work.Add(batch.Select(i => new Pending(i, versions[i.Id].ToList(), statuses.GetValueOrDefault(i.Id)?.Status)).ToList(), failed.Token);
                }

                done += items.Count;
                after = items[^1].Id;
                Report(progress, done, total);
            }
        }
        finally
        {
            work.CompleteAdding();
            await Task.WhenAll(workers);
        }

        Report(progress, done, Math.Max(done, total));
        return documents;
    }

    private static int Consume(IEnumerable<List<Pending>> batches, SearchDocumentBuilder builder, IndexGeneration built)
    {
        var added = 0;
        foreach (var batch in batches)
        {
            foreach (var (item, versions, status) in batch)
            {
                foreach (var doc in builder.Build(item, versions, status))
                {
                    built.Writer.AddDocument(doc);
                    added++;
                }
            }
        }

        return added;
    }

    private void Report(IProgress<(int Done, int Total)>? progress, int done, int total)
    {
        index.BuildProgress = (done, total);
        progress?.Report((done, total));
    }

    private async Task CatchUpAsync(IReadOnlyCollection<string> ids, IndexGeneration target, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var builder = scope.ServiceProvider.GetRequiredService<SearchDocumentBuilder>();
        foreach (var id in ids)
        {
            target.Replace(id, await SearchIndexer.LoadAsync(db, builder, id, cancellationToken));
        }
    }

    private sealed record Pending(ContentItem Item, List<ContentItemVersion> Versions, string? ProposalStatus);

    [LoggerMessage(Level = LogLevel.Information, Message = "Search index rebuilt: {Count} documents in {Folder}")]
    private partial void LogRebuilt(int count, string folder);
}
