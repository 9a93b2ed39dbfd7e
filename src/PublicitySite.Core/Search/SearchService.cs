using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Search;
using PublicitySite.Contents;

namespace PublicitySite.Search;

/// <summary>Answers searches from the live index: hits with highlighted snippets, facet counts, suggestions.</summary>
public sealed class SearchService(SearchIndex index, QueryPlanner planner, SearchResultCache cache)
{
    public const int SnippetLength = 120;

    /// <summary>Hits beyond this depth are not served (page × pageSize); nobody reads that far.</summary>
    public const int MaxDepth = 1000;

    private static readonly Sort ByRelevance = new(SortField.FIELD_SCORE, new SortField(SearchFields.Date, SortFieldType.INT64, true));
    private static readonly Sort ByNewest = new(new SortField(SearchFields.Date, SortFieldType.INT64, true));
    private static readonly Sort ByOldest = new(new SortField(SearchFields.Date, SortFieldType.INT64, false));

    // Every public search filters on this one term: cached per segment as a bit set instead of read each time.
    private readonly Filter publicOnly = new BitSetCachingFilter(new QueryWrapperFilter(new TermQuery(new Term(SearchFields.Public, "1"))));

    /// <summary>How long a search waits for an index that is still opening or being built for the first time.</summary>
    private static readonly TimeSpan ReadyWait = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Called before searching: while the index is not ready yet (start-up opens it after the first page, a new site
    /// builds it), has it opened now and waits for it, up to 5 s, rather than answering 503 at once.
    /// </summary>
    public Task WhenReadyAsync(CancellationToken cancellationToken) => index.WhenReadyAsync(ReadyWait, cancellationToken);

    /// <summary>The result, or null while the index is not ready (the caller answers 503).</summary>
    public SearchResult? Search(SearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var lease = index.IsReady ? index.Acquire() : null;
        if (lease is null)
        {
            return null;
        }

        var page = Math.Max(1, request.Page);
        var pageSize = Math.Clamp(request.PageSize, 1, 100);
        var plan = planner.Plan(request.Query);
        if (plan.IsEmpty && !request.HasFilters)
        {
            return SearchResult.Empty(page, pageSize) with { Truncated = plan.Truncated };
        }

        var searcher = lease.Searcher;
        var key = request.Scope == SearchScope.Public && cache.Enabled ? SearchResultCache.Key(plan, request) : null;
        if (key is not null && cache.Get(searcher, key) is { } known)
        {
            return known;
        }

        var visible = Visibility(request);
        var filtered = WithFilters(visible, request);
        var sort = plan.IsEmpty ? ByNewest : request.Sort switch
        {
            SearchSort.Newest => ByNewest,
            SearchSort.Oldest => ByOldest,
            _ => ByRelevance,
        };

        var query = plan.IsEmpty ? new MatchAllDocsQuery() : SearchQueryBuilder.Build(plan, matchAny: false);
        var (total, facets, top) = Run(searcher, query, visible, filtered, request.HasFilters, sort, page * pageSize);
        var partial = false;
        if (total == 0 && facets.Values.All(f => f.Count == 0) && plan.Units.Count > 1)
        {
            // Nothing holds every word: show what holds some, and say so.
            query = SearchQueryBuilder.Build(plan, matchAny: true);
            (total, facets, top) = Run(searcher, query, visible, filtered, request.HasFilters, sort, page * pageSize);
            partial = total > 0;
        }

        var terms = plan.HighlightTerms;
        var hits = new List<SearchHit>();
        var depth = Math.Min(page * pageSize, MaxDepth);
        for (var i = (page - 1) * pageSize; i < top.ScoreDocs.Length && i < depth; i++)
        {
            hits.Add(ToHit(searcher, top.ScoreDocs[i], terms));
        }

        var result = new SearchResult
        {
            Total = total,
            Page = page,
            PageSize = pageSize,
            Items = hits,
            Facets = facets,
            Terms = plan.Units.Select(u => u.Text).ToList(),
            Partial = partial,
            Truncated = plan.Truncated,
            Suggestions = total == 0 && !plan.IsEmpty ? Suggest(searcher, plan, visible) : [],
        };
        if (key is not null)
        {
            cache.Add(searcher, key, result);
        }

        return result;
    }

    /// <summary>
    /// The ids of every published item holding all of the query's words (no partial fallback, no depth
    /// limit), so the content list can filter, sort and page in the database with exact totals. False while
    /// the index is not ready; <paramref name="ids"/> is null when the query holds no words to filter by.
    /// </summary>
    public bool TryMatchPublished(string query, out IReadOnlySet<string>? ids)
    {
        ids = null;
        using var lease = index.IsReady ? index.Acquire() : null;
        if (lease is null)
        {
            return false;
        }

        var plan = planner.Plan(query);
        if (!plan.IsEmpty)
        {
            var collector = new IdCollector();
            lease.Searcher.Search(SearchQueryBuilder.Build(plan, matchAny: false), publicOnly, collector);
            ids = collector.Ids;
        }

        return true;
    }

    private static (int Total, IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Facets, TopDocs Top) Run(
        IndexSearcher searcher, Query query, Filter visible, Filter filtered, bool hasFilters, Sort sort, int wanted)
    {
        var facets = new FacetCounter();
        var collector = TopFieldCollector.Create(sort, Math.Clamp(wanted, 1, MaxDepth), fillFields: false, trackDocScores: true, trackMaxScore: false, docsScoredInOrder: false);
        if (hasFilters)
        {
            // Facets count the query without its filters, so the page can offer every type and year.
            searcher.Search(query, visible, facets);
            searcher.Search(query, filtered, collector);
        }
        else
        {
            searcher.Search(query, visible, MultiCollector.Wrap(collector, facets));
        }

        return (collector.TotalHits, facets.Result(), collector.GetTopDocs());
    }

    private static SearchHit ToHit(IndexSearcher searcher, ScoreDoc scoreDoc, IReadOnlyList<string> terms)
    {
        var doc = searcher.Doc(scoreDoc.Doc);
        var title = doc.Get(SearchFields.StoredTitle, CultureInfo.InvariantCulture) ?? "";
        var text = doc.Get(SearchFields.StoredText, CultureInfo.InvariantCulture) ?? "";
        var ticks = doc.GetField(SearchFields.Date)?.GetInt64Value();
        return new SearchHit(
            doc.Get(SearchFields.Id, CultureInfo.InvariantCulture) ?? "",
            doc.Get(SearchFields.Type, CultureInfo.InvariantCulture) ?? "",
            title,
            SnippetBuilder.Highlight(title, terms),
            doc.Get(SearchFields.StoredUrl, CultureInfo.InvariantCulture),
            SnippetBuilder.Highlight(text, terms, SnippetLength),
            ticks is { } t ? SiteTime.ToLocal(new DateTime(t, DateTimeKind.Utc)) : null,
            doc.Get(SearchFields.Column, CultureInfo.InvariantCulture),
            doc.GetField(SearchFields.StoredVersion)?.GetInt32Value() ?? 0,
            doc.Get(SearchFields.StoredState, CultureInfo.InvariantCulture) ?? "",
            float.IsNaN(scoreDoc.Score) ? 0 : scoreDoc.Score);
    }

    /// <summary>When nothing matched at all: the words of the query's parts that find something on their own.</summary>
    private List<string> Suggest(IndexSearcher searcher, QueryPlan plan, Filter visible)
    {
        var suggestions = new List<string>();
        foreach (var unit in plan.Units.Where(u => u.Text.Length > 2))
        {
            foreach (var word in SearchAnalyzers.Tokens(SearchAnalyzers.Words, SearchFields.TitleWords, unit.Text).Select(t => t.Term).Where(t => t.Length > 1).Distinct())
            {
                var sub = planner.Plan(word);
                if (sub.Units.Count == 1 && SearchQueryBuilder.UnitQuery(sub.Units[0]) is { } q)
                {
                    var counter = new TotalHitCountCollector();
                    searcher.Search(q, visible, counter);
                    if (counter.TotalHits > 0)
                    {
                        suggestions.Add(word);
                    }
                }
            }
        }

        return suggestions.Distinct().Take(5).ToList();
    }

    private Filter Visibility(SearchRequest request)
    {
        if (request.Scope == SearchScope.Public)
        {
            return publicOnly;
        }

        var filter = new BooleanQuery { { new TermQuery(new Term(SearchFields.Staff, "1")), Occur.MUST } };
        if (request.AllowedTypes.Count > 0)
        {
            var types = new BooleanQuery();
            foreach (var type in request.AllowedTypes)
            {
                types.Add(new TermQuery(new Term(SearchFields.Type, type)), Occur.SHOULD);
            }

            filter.Add(types, Occur.MUST);
        }

        return new QueryWrapperFilter(filter);
    }

    private static Filter WithFilters(Filter visible, SearchRequest request)
    {
        var filter = new BooleanQuery { { new ConstantScoreQuery(visible), Occur.MUST } };
        foreach (var (field, value) in new[]
        {
            (SearchFields.Type, request.Type), (SearchFields.Column, request.Column), (SearchFields.Year, request.Year),
            (SearchFields.Sector, request.Sector), (SearchFields.Status, request.Status),
        })
        {
            if (value is not null)
            {
                filter.Add(new TermQuery(new Term(field, value)), Occur.MUST);
            }
        }

        if (request.ExcludesArchived)
        {
            // 信息归档 moves with the clock, so it is a range over the date kept per document, not an indexed flag.
            foreach (var (column, cutoff) in request.ArchivedBefore)
            {
                var archived = new BooleanQuery
                {
                    { new TermQuery(new Term(SearchFields.Column, column)), Occur.MUST },
                    { new ConstantScoreQuery(FieldCacheRangeFilter.NewInt64Range(SearchFields.Date, null, cutoff.Ticks, false, false)), Occur.MUST },
                };
                filter.Add(archived, Occur.MUST_NOT);
            }
        }

        return new QueryWrapperFilter(filter);
    }
}
