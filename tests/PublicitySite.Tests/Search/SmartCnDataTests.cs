using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Util;
using PublicitySite.Search;
using PublicitySite.Tests.Infrastructure;

namespace PublicitySite.Tests.Search;

/// <summary>SmartCn's dictionaries come from files the build writes (Search/SmartCnData.targets), not from its DLL.</summary>
public sealed class SmartCnDataTests
{
    [Theory]
    [InlineData("coredict.mem")]
    [InlineData("bigramdict.mem")]
    public void The_build_writes_the_dictionaries_byte_for_byte(string name)
    {
        Assert.True(SearchAnalyzers.ReadsDictionaryFiles);
        Assert.Equal(SearchAnalyzers.DictionaryFolder, AnalyzerProfile.ANALYSIS_DATA_DIR);

        using var embedded = typeof(SmartChineseAnalyzer).Assembly.GetManifestResourceStream("Lucene.Net.Analysis.SmartCn.Hhmm." + name)!;
        using var copy = new MemoryStream();
        embedded.CopyTo(copy);
        Assert.Equal(copy.ToArray(), File.ReadAllBytes(Path.Combine(SearchAnalyzers.DictionaryFolder, name)));
    }

    [Fact]
    public void Words_segments_every_seed_title_as_the_icu_splitter_does()
    {
        using var icu = new SmartChineseAnalyzer(LuceneVersion.LUCENE_48);
        var titles = Directory.EnumerateFiles(RepositoryPaths.Seed, "*.md", SearchOption.AllDirectories)
            .SelectMany(File.ReadLines)
            .Where(line => line.StartsWith("title:", StringComparison.Ordinal))
            .Select(line => line["title:".Length..].Trim().Trim('"'))
            .ToList();

        Assert.True(titles.Count > 40, $"only {titles.Count} titles found");
        foreach (var title in titles.Append("市政协召开十四届二次会议，审议通过提案办理情况报告。"))
        {
            Assert.Equal(SearchAnalyzers.Tokens(icu, SearchFields.TitleWords, title), SearchAnalyzers.Tokens(SearchAnalyzers.Words, SearchFields.TitleWords, title));
        }

        Assert.Equal(["市政协", "召开", "会议", "审议", "提案"], SearchAnalyzers.Tokens(SearchAnalyzers.Words, SearchFields.TitleWords, "市政协召开会议，审议提案").Select(t => t.Term));
    }
}
