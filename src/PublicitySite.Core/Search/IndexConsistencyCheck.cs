using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PublicitySite.Contents.Definitions;
using PublicitySite.Proposals;
using PublicitySite.Storage;

namespace PublicitySite.Search;

/// <summary>What the last comparison of the index with the database found.</summary>
/// <param name="Drifted">Items whose documents did not match the database (missing, stale or left over); sent for repair.</param>
/// <param name="Sample">A few of their ids, for the log and /healthz.</param>
public sealed record ConsistencyReport(DateTime CheckedUtc, int Documents, int Items, int Drifted, IReadOnlyList<string> Sample);

/// <summary>
/// Compares the index with the database — which versions of which items it holds against each item's latest
/// and published version — and hands every item that differs to the indexer to be read again. This catches
/// what the change log cannot: an index restored from an old copy, a change-log entry whose transaction took
/// longer than the gap timeout, documents lost to a disk that failed under Lucene.
/// </summary>
public sealed partial class IndexConsistencyCheck(SearchIndex index, SearchIndexer indexer, SiteDefinitionStore definitions, IServiceScopeFactory scopes, TimeProvider clock, ILogger<IndexConsistencyCheck> logger)
{
    private ConsistencyReport? last;

    public ConsistencyReport? Last => Volatile.Read(ref last);

    /// <summary>Runs one check once the indexer has caught up; null when it cannot now (no index yet, or the indexer is behind or failing).</summary>
    public async Task<ConsistencyReport?> RunAsync(CancellationToken cancellationToken)
    {
        if (!index.IsReady || indexer.Problem is not null)
        {
            return null;
        }

        try
        {
            await indexer.WaitForIdleAsync(TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException)
        {
            return null;
        }

        List<Row> rows;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            rows = await db.ContentItemVersions.AsNoTracking()
                .Where(v => v.Published || v.Latest)
                .Join(db.ContentItems.Where(i => !i.Deleted), v => v.ContentItemId, i => i.Id, (v, i) => new Row(v.ContentItemId, v.Number, v.Published, v.Latest, i.ContentType))
                .ToListAsync(cancellationToken);
        }

        var indexed = index.ReadVersions();
        if (indexed is null)
        {
            return null;
        }

        var documents = indexed.Values.Sum(v => v.Count);
        var site = definitions.Current;
        var drifted = new List<string>();
        foreach (var item in rows.GroupBy(r => r.ItemId, StringComparer.Ordinal))
        {
            var held = indexed.GetValueOrDefault(item.Key) ?? [];
            indexed.Remove(item.Key);
            if (site.FindType(item.First().ContentType) is null)
            {
                continue;
            }

            if (!Matches(item.ToList(), held))
            {
                drifted.Add(item.Key);
            }
        }

        // What is left in the index belongs to items deleted or never committed.
        drifted.AddRange(indexed.Keys);
        var report = new ConsistencyReport(clock.GetUtcNow().UtcDateTime, documents, rows.Select(r => r.ItemId).Distinct().Count(), drifted.Count, drifted.Take(5).ToList());
        Volatile.Write(ref last, report);
        if (drifted.Count > 0)
        {
            LogDrift(drifted.Count, string.Join(", ", report.Sample));
            indexer.Repair(drifted);
        }

        return report;
    }

    /// <summary>
    /// The latest version is always indexed (for the office); the published one too when it differs — except
    /// for a proposal whose proposer withheld consent, which the builder leaves out, so for proposals its
    /// absence is not counted. Nothing else may be there.
    /// </summary>
    private static bool Matches(List<Row> versions, HashSet<int> held)
    {
        var expected = versions.Select(v => v.Number).ToHashSet();
        if (!held.IsSubsetOf(expected))
        {
            return false;
        }

        var latest = versions.FirstOrDefault(v => v.Latest);
        if (latest is not null && !held.Contains(latest.Number))
        {
            return false;
        }

        var published = versions.FirstOrDefault(v => v.Published && !v.Latest);
        return published is null || held.Contains(published.Number) || published.ContentType == ProposalVisibility.ContentType;
    }

    private sealed record Row(string ItemId, int Number, bool Published, bool Latest, string ContentType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The search index differed from the database for {Count} items (e.g. {Sample}); they are being reindexed")]
    private partial void LogDrift(int count, string sample);
}
