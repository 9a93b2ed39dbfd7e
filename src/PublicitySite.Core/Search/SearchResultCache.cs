using System.Collections.Concurrent;
using System.Text;
using Lucene.Net.Search;

namespace PublicitySite.Search;

/// <summary>
/// Answers of public searches, kept for the index snapshot they were computed on: readers search for the same
/// few things (the committee's session, a member's name), and the answer cannot change until the index does.
/// The key is the query as understood (units, synonyms, phrases) plus filters, sort and page, so an edited
/// synonym list is a different key. A refreshed searcher (any index change) starts an empty cache. Bounded:
/// when full it starts again rather than tracking use. Staff searches depend on the user and are not kept.
/// </summary>
public sealed class SearchResultCache(int capacity = SearchResultCache.DefaultCapacity)
{
    public const int DefaultCapacity = 2000;
    private Snapshot current = new(null, new ConcurrentDictionary<string, SearchResult>(StringComparer.Ordinal));

    public bool Enabled => capacity > 0;

    public SearchResult? Get(IndexSearcher searcher, string key)
    {
        var snapshot = Volatile.Read(ref current);
        return ReferenceEquals(snapshot.Searcher, searcher) && snapshot.Results.TryGetValue(key, out var result) ? result : null;
    }

    public void Add(IndexSearcher searcher, string key, SearchResult result)
    {
        if (!Enabled)
        {
            return;
        }

        var snapshot = Volatile.Read(ref current);
        if (!ReferenceEquals(snapshot.Searcher, searcher) || snapshot.Results.Count >= capacity)
        {
            snapshot = new Snapshot(searcher, new ConcurrentDictionary<string, SearchResult>(StringComparer.Ordinal));
            Volatile.Write(ref current, snapshot);
        }

        snapshot.Results[key] = result;
    }

    /// <summary>The cache key of a public search: everything that decides its answer.</summary>
    internal static string Key(QueryPlan plan, SearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(request);
        var key = new StringBuilder();
        foreach (var unit in plan.Units)
        {
            key.Append(unit.Optional ? '?' : '+').AppendJoin('|', unit.Alternatives).Append('\u001f');
        }

        key.Append('\u001e').AppendJoin('\u001f', plan.Phrases).Append('\u001e').Append(plan.WordText).Append('\u001e').Append(plan.Truncated)
            .Append('\u001e').AppendJoin('\u001f', request.Type, request.Column, request.Year, request.Sector, request.Status)
            .Append('\u001e').Append(request.Sort).Append('\u001e').Append(request.Page).Append('\u001e').Append(request.PageSize);
        if (request.ExcludesArchived)
        {
            key.Append('\u001e').AppendJoin('\u001f', request.ArchivedBefore.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => c.Key + "<" + c.Value.Ticks / TimeSpan.TicksPerMinute));
        }
        return key.ToString();
    }

    private sealed record Snapshot(IndexSearcher? Searcher, ConcurrentDictionary<string, SearchResult> Results);
}
