using System.Globalization;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using PublicitySite.Search;
using Xunit.Abstractions;

namespace PublicitySite.Tests.Search;

/// <summary>
/// The relevance set (relevance-set.tsv) over the seed content, scored for our index and, in the same run,
/// for a per-character StandardAnalyzer index of the same documents (what Orchard Core ships), so the gain
/// is visible in the test output.
/// </summary>
public sealed class RelevanceTests(ITestOutputHelper output)
{
    private const int K = 10;

    [Fact]
    public async Task The_relevance_set_finds_the_right_articles_first()
    {
        var set = LoadSet();
        Assert.True(set.Count >= 40, $"the relevance set has only {set.Count} queries");
        await using var host = await SearchTestHost.StartAsync(seed: true);

        var ours = Score(set, q => host.Find(q).Items.Select(h => h.Title).ToList());
        using var baseline = BaselineIndex.From(host.Index);
        var theirs = Score(set, baseline.Search);

        output.WriteLine($"Relevance over {set.Count} queries (K={K}):");
        output.WriteLine($"  ours (bigrams + SmartCn + dictionary + synonyms): MRR@10 = {ours.Mrr:F3}, recall@10 = {ours.Recall:F3}");
        output.WriteLine($"  StandardAnalyzer per character (baseline):         MRR@10 = {theirs.Mrr:F3}, recall@10 = {theirs.Recall:F3}");
        foreach (var kind in set.Select(s => s.Kind).Distinct())
        {
            var ok = Score(set.Where(s => s.Kind == kind).ToList(), q => host.Find(q).Items.Select(h => h.Title).ToList());
            var base_ = Score(set.Where(s => s.Kind == kind).ToList(), baseline.Search);
            output.WriteLine($"  {kind,-12} ours MRR {ok.Mrr:F2} recall {ok.Recall:F2} | baseline MRR {base_.Mrr:F2} recall {base_.Recall:F2}");
        }

        foreach (var miss in ours.Misses)
        {
            output.WriteLine("  below first place: " + miss);
        }

        Assert.True(ours.Mrr >= 0.9, $"MRR@10 {ours.Mrr:F3} is under the 0.9 floor: {string.Join("; ", ours.Misses)}");
        Assert.True(ours.Recall >= 0.95, $"recall@10 {ours.Recall:F3} is under the 0.95 floor: {string.Join("; ", ours.Misses)}");
        Assert.True(ours.Mrr > theirs.Mrr, "the per-character baseline should not rank as well as ours");
    }

    private static (double Mrr, double Recall, List<string> Misses) Score(IReadOnlyList<Judgement> set, Func<string, List<string>> search)
    {
        double mrr = 0, recall = 0;
        var misses = new List<string>();
        foreach (var judgement in set)
        {
            var titles = search(judgement.Query).Take(K).ToList();
            var rank = titles.FindIndex(judgement.Wanted.Contains) + 1;
            mrr += rank > 0 ? 1.0 / rank : 0;
            recall += (double)judgement.Wanted.Count(titles.Contains) / judgement.Wanted.Count;
            if (rank != 1)
            {
                misses.Add($"{judgement.Query} → {(rank == 0 ? "not in top 10" : "rank " + rank.ToString(CultureInfo.InvariantCulture))} (first: {titles.FirstOrDefault() ?? "nothing"})");
            }
        }

        return (mrr / set.Count, recall / set.Count, misses);
    }

    private static List<Judgement> LoadSet() =>
        File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Search", "relevance-set.tsv"))
            .Where(l => l.Length > 0 && l[0] != '#')
            .Select(l => l.Split('\t'))
            .Select(p => new Judgement(p[0], p[1], p[2].Split(" | ").Select(t => t.Trim()).ToHashSet()))
            .ToList();

    private sealed record Judgement(string Kind, string Query, HashSet<string> Wanted);

    /// <summary>The same public documents, indexed per character with StandardAnalyzer and queried through QueryParser.</summary>
    private sealed class BaselineIndex : IDisposable
    {
        private readonly RAMDirectory directory = new();
        private readonly StandardAnalyzer analyzer = new(LuceneVersion.LUCENE_48);
        private readonly DirectoryReader reader;

        private BaselineIndex(SearchIndex ours)
        {
            using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, analyzer)))
            using (var lease = ours.Acquire()!)
            {
                var hits = lease.Searcher.Search(new TermQuery(new Term("pub", "1")), int.MaxValue);
                foreach (var hit in hits.ScoreDocs)
                {
                    var doc = lease.Searcher.Doc(hit.Doc);
                    writer.AddDocument(new Document
                    {
                        new TextField("title", doc.Get("s_title", CultureInfo.InvariantCulture), Field.Store.YES),
                        new TextField("body", doc.Get("s_text", CultureInfo.InvariantCulture), Field.Store.NO),
                    });
                }
            }

            reader = DirectoryReader.Open(directory);
        }

        public static BaselineIndex From(SearchIndex ours) => new(ours);

        public List<string> Search(string query)
        {
            var parser = new MultiFieldQueryParser(LuceneVersion.LUCENE_48, ["title", "body"], analyzer);
            Query parsed;
            try
            {
                parsed = parser.Parse(QueryParserBase.Escape(query));
            }
            catch (ParseException)
            {
                return [];
            }

            var searcher = new IndexSearcher(reader);
            return searcher.Search(parsed, K).ScoreDocs.Select(d => searcher.Doc(d.Doc).Get("title", CultureInfo.InvariantCulture)).ToList();
        }

        public void Dispose()
        {
            reader.Dispose();
            analyzer.Dispose();
            directory.Dispose();
        }
    }
}
