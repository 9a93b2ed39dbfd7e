using Lucene.Net.Analysis.Core;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using PublicitySite.Search;

namespace PublicitySite.Tests.Search;

public sealed class SearchResultCacheTests : IDisposable
{
    private readonly RAMDirectory directory = new();
    private readonly List<IndexReader> readers = [];

    public SearchResultCacheTests()
    {
        using var writer = new IndexWriter(directory, new IndexWriterConfig(SearchAnalyzers.Version, new KeywordAnalyzer()));
        writer.Commit();
    }

    private IndexSearcher NewSearcher()
    {
        var reader = DirectoryReader.Open(directory);
        readers.Add(reader);
        return new IndexSearcher(reader);
    }

    private static SearchResult Result(int total) => new() { Total = total };

    [Fact]
    public void An_answer_is_kept_for_the_snapshot_it_was_computed_on_only()
    {
        var cache = new SearchResultCache();
        var before = NewSearcher();
        cache.Add(before, "政协", Result(3));

        Assert.Equal(3, cache.Get(before, "政协")?.Total);
        Assert.Null(cache.Get(before, "履职"));
        Assert.Null(cache.Get(NewSearcher(), "政协"));
    }

    [Fact]
    public void A_new_snapshot_drops_the_answers_of_the_old_one()
    {
        var cache = new SearchResultCache();
        var old = NewSearcher();
        cache.Add(old, "政协", Result(3));

        cache.Add(NewSearcher(), "履职", Result(1));

        Assert.Null(cache.Get(old, "政协"));
    }

    [Fact]
    public void When_full_it_starts_again_and_with_no_capacity_it_keeps_nothing()
    {
        var searcher = NewSearcher();
        var small = new SearchResultCache(capacity: 2);
        small.Add(searcher, "一", Result(1));
        small.Add(searcher, "二", Result(2));
        small.Add(searcher, "三", Result(3));
        Assert.Null(small.Get(searcher, "一"));
        Assert.Equal(3, small.Get(searcher, "三")?.Total);

        var off = new SearchResultCache(capacity: 0);
        off.Add(searcher, "一", Result(1));
        Assert.False(off.Enabled);
        Assert.Null(off.Get(searcher, "一"));
    }

    [Fact]
    public void The_key_changes_with_synonyms_filters_sort_and_page()
    {
        var plan = new QueryPlan([new QueryUnit("政协", ["政协"], false)], [], "政协", false);
        var withSynonym = plan with { Units = [new QueryUnit("政协", ["政协", "人民政协"], false)] };
        var request = new SearchRequest { Query = "政协" };
        var key = SearchResultCache.Key(plan, request);

        Assert.Equal(key, SearchResultCache.Key(plan, request with { }));
        Assert.NotEqual(key, SearchResultCache.Key(withSynonym, request));
        Assert.NotEqual(key, SearchResultCache.Key(plan, request with { Type = "News" }));
        Assert.NotEqual(key, SearchResultCache.Key(plan, request with { Sort = SearchSort.Newest }));
        Assert.NotEqual(key, SearchResultCache.Key(plan, request with { Page = 2 }));
    }

    public void Dispose()
    {
        foreach (var reader in readers)
        {
            reader.Dispose();
        }

        directory.Dispose();
    }
}
