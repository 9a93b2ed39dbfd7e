using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Util;

namespace PublicitySite.Search;

/// <summary>
/// The two analyses the index uses. Bigrams find every document that holds the query's characters in a row
/// (政协 inside 市政协, 履职 that a word segmenter splits); SmartCn words help ranking.
/// </summary>
internal static class SearchAnalyzers
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    public static Analyzer Bigrams { get; } = new BigramAnalyzer();

    public static Analyzer Words { get; } = new SmartChineseAnalyzer(Version);

    /// <summary>Per-field analysis for the writer: the title word field uses SmartCn, everything else bigrams.</summary>
    public static Analyzer ForWriter() => new PerFieldAnalyzerWrapper(Bigrams, new Dictionary<string, Analyzer>
    {
        [SearchFields.TitleWords] = Words,
    });

    /// <summary>The tokens <paramref name="analyzer"/> makes of <paramref name="text"/>, with positions.</summary>
    public static List<(string Term, int Position)> Tokens(Analyzer analyzer, string field, string text)
    {
        var tokens = new List<(string, int)>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
        var increment = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.IPositionIncrementAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            tokens.Add((term.ToString(), position));
        }

        stream.End();
        return tokens;
    }

    private sealed class BigramAnalyzer : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var source = new BigramTokenizer(reader);
            return new TokenStreamComponents(source);
        }
    }
}
