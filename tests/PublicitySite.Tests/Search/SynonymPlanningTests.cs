using PublicitySite.Search;

namespace PublicitySite.Tests.Search;

/// <summary>A word of the synonym list stays whole in a query, so its group applies even when no dictionary knows it.</summary>
public sealed class SynonymPlanningTests
{
    [Theory]
    [InlineData("民主党派", "参政党")]
    [InlineData("文史和学习委员会", "文史委")]
    [InlineData("民主党派座谈会", "参政党")]
    public void A_synonym_word_is_one_unit_that_carries_its_group(string query, string synonym)
    {
        var planner = new QueryPlanner(new DomainDictionary(), new SynonymStore(TimeProvider.System));

        var units = planner.Plan(query).Units;

        Assert.Contains(units, u => u.Alternatives.Contains(synonym));
    }
}
