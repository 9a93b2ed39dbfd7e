using PublicitySite.Words;

namespace PublicitySite.Tests.Words;

/// <summary>How the 错敏词 check finds terms: every occurrence, in each field, with the text around it.</summary>
public sealed class WordCheckerTests
{
    private static readonly WordDefinition[] List =
    [
        new() { Term = "政协代表", Replacement = "政协委员", Level = WordLevel.Block, Note = "政协称委员" },
        new() { Term = "国家计委", Replacement = "国家发展和改革委员会", Level = WordLevel.Warn },
        new() { Term = "九三学", Replacement = "九三学社", Level = WordLevel.Block },
        new() { Term = "", Replacement = "空词条" },
    ];

    [Fact]
    public void Every_occurrence_in_every_field_is_found_with_its_place_and_context()
    {
        var hits = WordChecker.Find(List, [("title", "政协代表座谈会"), ("body", "会上，三位政协代表发言。另有政协代表书面发言。"), ("summary", null)]);

        Assert.Equal(3, hits.Count);
        var title = hits[0];
        Assert.Equal(("title", "政协代表", "政协委员", WordLevel.Block, 0), (title.Field, title.Term, title.Replacement, title.Level, title.Index));
        Assert.Equal("", title.Before);
        Assert.Equal("座谈会", title.After);
        Assert.Equal([5, 14], hits.Where(h => h.Field == "body").Select(h => h.Index));
        Assert.Equal("会上，三位", hits[1].Before);
        Assert.Equal("政协称委员", hits[1].Note);
    }

    [Fact]
    public void Context_is_cut_to_twelve_characters_each_side()
    {
        var text = new string('前', 20) + "国家计委" + new string('后', 20);
        var hit = Assert.Single(WordChecker.Find(List, [("body", text)]));
        Assert.Equal(new string('前', 12), hit.Before);
        Assert.Equal(new string('后', 12), hit.After);
        Assert.Equal(WordLevel.Warn, hit.Level);
    }

    [Fact]
    public void A_term_standing_inside_its_own_replacement_is_already_right()
    {
        Assert.Empty(WordChecker.Find(List, [("body", "九三学社市委员会")]));
        var hit = Assert.Single(WordChecker.Find(List, [("body", "九三学社和九三学会")]));
        Assert.Equal(5, hit.Index);
    }

    [Fact]
    public void Blocking_and_warning_hits_are_told_apart()
    {
        var warnOnly = new WordCheckResult { Hits = WordChecker.Find(List, [("body", "原国家计委")]) };
        Assert.False(warnOnly.HasBlocking);
        Assert.True(warnOnly.HasWarnings);

        var both = new WordCheckResult { Hits = WordChecker.Find(List, [("body", "原国家计委的政协代表")]) };
        Assert.True(both.HasBlocking);
        Assert.Equal(both.Hits, WordCheckResult.FromJson(both.ToJson())!.Hits);
    }

    [Fact]
    public void Text_without_listed_terms_and_an_empty_term_find_nothing()
    {
        Assert.Empty(WordChecker.Find(List, [("body", "政协委员视察老旧小区改造")]));
        Assert.Null(WordCheckResult.FromJson(""));
    }
}
