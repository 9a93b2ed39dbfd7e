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

    /// <summary>Where the build writes SmartCn's dictionaries (Search/SmartCnData.targets).</summary>
    public static readonly string DictionaryFolder = Path.Combine(AppContext.BaseDirectory, "smartcn-data");

    // Set before Words exists: SmartCn reads the folder once, at its first segmentation. Without the files it
    // falls back to the copies inside its DLL.
    private static readonly bool DictionaryFilesUsed = UseDictionaryFiles();

    public static Analyzer Bigrams { get; } = new BigramAnalyzer();

    /// <summary>
    /// SmartCn with its 4.7 sentence splitter (at 。，！？； and their ASCII forms) instead of 4.8's ICU break
    /// iterator. The words are the same (one difference in 80 seed files, none in a title); it saves the ICU4N
    /// library and its data, about 5 MB held from the first search on.
    /// </summary>
#pragma warning disable CS0618 // The 4.7 behaviour is chosen on purpose, see above.
    public static Analyzer Words { get; } = new SmartChineseAnalyzer(LuceneVersion.LUCENE_47);
#pragma warning restore CS0618

    /// <summary>Per-field analysis for the writer: the title word field uses SmartCn, everything else bigrams.</summary>
    public static Analyzer ForWriter() => new PerFieldAnalyzerWrapper(Bigrams, new Dictionary<string, Analyzer>
    {
        [SearchFields.TitleWords] = Words,
    });

    /// <summary>Whether SmartCn reads its dictionaries from <see cref="DictionaryFolder"/>.</summary>
    public static bool ReadsDictionaryFiles => DictionaryFilesUsed;

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

    private static bool UseDictionaryFiles()
    {
        var found = File.Exists(Path.Combine(DictionaryFolder, "coredict.mem")) && File.Exists(Path.Combine(DictionaryFolder, "bigramdict.mem"));
        AnalyzerProfile.ANALYSIS_DATA_DIR = found ? DictionaryFolder : "";
        return found;
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
