using PublicitySite.Search;

namespace PublicitySite.Tests.Search;

/// <summary>Folding, query planning and highlighting: the pieces the ranking rests on.</summary>
public sealed class TextAnalysisTests
{
    private static readonly QueryPlanner Planner = new(new DomainDictionary(), new SynonymStore(TimeProvider.System));

    [Theory]
    [InlineData("政協委員", "政协委员")]
    [InlineData("ＡＢＣ１２３", "abc123")]
    [InlineData("人民政協　會議", "人民政协 会议")]
    [InlineData("Lucene.NET", "lucene.net")]
    public void Folding_maps_traditional_full_width_and_case(string input, string expected) =>
        Assert.Equal(expected, TextFolding.Fold(input));

    [Fact]
    public void Folding_keeps_every_offset()
    {
        var text = "關於“政協”的ＡＢＣ😀";
        Assert.Equal(text.Length, TextFolding.Fold(text).Length);
    }

    [Fact]
    public void Committee_terms_and_names_stay_whole()
    {
        var dictionary = new DomainDictionary();
        dictionary.AddName("示例委员 钱多多");
        var planner = new QueryPlanner(dictionary, new SynonymStore(TimeProvider.System));

        Assert.Equal(["钱多多", "提案"], planner.Plan("钱多多提案").Units.Select(u => u.Text));
        Assert.Equal(["政协委员", "履职"], planner.Plan("政协委员履职").Units.Select(u => u.Text));
    }

    [Fact]
    public void Single_characters_a_segmenter_leaves_are_joined_back()
    {
        var units = Planner.Plan("城郊大桥护栏维修").Units.Select(u => u.Text).ToList();
        Assert.Equal(["城郊", "大桥", "护栏", "维修"], units);
        Assert.Contains("城郊大桥护栏维修", Planner.Plan("城郊大桥护栏维修").Phrases);
    }

    [Theory]
    [InlineData("\"民主监督\" AND (*:", new[] { "民主监督" })]
    [InlineData("title:提案 OR [委员]", new[] { "title", "提案", "委员" })]
    [InlineData("“有事好商量”", new[] { "有事好商量" })]
    [InlineData("***", new string[0])]
    [InlineData("", new string[0])]
    public void Query_syntax_only_separates_words(string input, string[] expected) =>
        Assert.Equal(expected, Planner.Plan(input).Units.Select(u => u.Text));

    [Fact]
    public void Synonyms_expand_a_unit()
    {
        var unit = Assert.Single(Planner.Plan("政治协商会议").Units);
        Assert.Contains("政协", unit.Alternatives);
        Assert.Equal("政治协商会议", unit.Alternatives[0]);
    }

    [Fact]
    public void Long_input_is_cut()
    {
        var plan = Planner.Plan(new string('政', 5000));
        Assert.True(plan.Truncated);
        Assert.True(plan.Units.Sum(u => u.Text.Length) <= QueryPlanner.MaxQueryLength);
    }

    [Fact]
    public void Highlights_merge_touching_matches_and_encode_the_rest()
    {
        var html = SnippetBuilder.Highlight("<b>城郊大桥</b>护栏维修", ["城郊", "大桥", "护栏"]);
        Assert.Equal("&lt;b&gt;<em>城郊大桥</em>&lt;/b&gt;<em>护栏</em>维修", html);
    }

    [Fact]
    public void Highlights_mark_traditional_text_for_a_simplified_query()
    {
        Assert.Equal("市<em>政協委員</em>", SnippetBuilder.Highlight("市政協委員", ["政协委员"]));
    }

    [Fact]
    public void A_snippet_is_the_window_around_the_matches()
    {
        var text = new string('甲', 300) + "民主监督" + new string('乙', 300);
        var html = SnippetBuilder.Highlight(text, ["民主监督"], 60);
        Assert.StartsWith("…", html);
        Assert.EndsWith("…", html);
        Assert.Contains("<em>民主监督</em>", html);
        Assert.True(html.Length < 90);
    }
}

/// <summary>Plain text of Markdown for the index.</summary>
public sealed class MarkdownTextTests
{
    [Theory]
    [InlineData("## 存在的问题\n\n原城郊大桥**护栏**破损。", "存在的问题 原城郊大桥护栏破损。")]
    [InlineData("- 一是检测\n- 二是维修\n1. 三是排查", "一是检测 二是维修 三是排查")]
    [InlineData("详见[提案答复](https://example.org/a)与![照片](p.jpg)。", "详见提案答复与照片。")]
    [InlineData("> 引用<br/>内容 | 表格", "引用 内容 表格")]
    [InlineData("", "")]
    public void Markdown_becomes_plain_words(string markdown, string expected) =>
        Assert.Equal(expected, MarkdownText.ToPlain(markdown));
}

/// <summary>The bigram analysis behind recall.</summary>
public sealed class BigramTokenizerTests
{
    [Theory]
    [InlineData("市政协委员", "市政 政协 协委 委员")]
    [InlineData("桥", "桥")]
    [InlineData("2024年提案abc", "2024 年提 提案 abc")]
    [InlineData("政协，委员。", "政协 委员")]
    [InlineData("", "")]
    public void Chinese_runs_become_overlapping_pairs(string text, string expected) =>
        Assert.Equal(expected, string.Join(' ', SearchAnalyzers.Tokens(SearchAnalyzers.Bigrams, SearchFields.Body, text).Select(t => t.Term)));
}
