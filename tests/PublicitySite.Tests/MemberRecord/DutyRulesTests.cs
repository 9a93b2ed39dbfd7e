using System.Text;
using PublicitySite.Contents.Definitions;
using PublicitySite.MemberRecord;
using PublicitySite.Recipes;
using PublicitySite.Tests.Infrastructure;

namespace PublicitySite.Tests.MemberRecord;

/// <summary>The recipe's <c>duties</c> section: meeting kinds and 履职积分 rules, validated with file and line.</summary>
public sealed class DutyRulesTests
{
    [Fact]
    public void The_shipped_recipe_gives_the_committees_points()
    {
        var rules = RecipeLoader.LoadFile(RepositoryPaths.Recipe, SiteDefinition.Empty).Duties;

        Assert.Equal(10, rules.PointsOf(DutyRules.Filed));
        Assert.Equal(3, rules.PointsOf(DutyRules.Cosigned));
        Assert.Equal(5, rules.PointsOf(DutyRules.OpinionAdopted));
        Assert.Equal(2, rules.PointsOf(DutyRules.Present, "全体会议"));
        Assert.Equal(1, rules.PointsOf(DutyRules.Present, "视察")); // no rule of its own: the general one
        Assert.Equal(-5, rules.PointsOf(DutyRules.Absent, "常委会议"));
        Assert.Contains("调研", rules.MeetingKinds);
    }

    [Fact]
    public void A_rule_for_an_unknown_duty_or_meeting_kind_is_refused_with_its_line()
    {
        var unknownDuty = "{\n  \"duties\": {\n    \"meetingKinds\": [ \"全体会议\" ],\n    \"points\": [\n      { \"duty\": \"迟到\", \"points\": -1 }\n    ]\n  }\n}";
        var error = Assert.Throws<RecipeException>(() => Load(unknownDuty));
        Assert.Equal(5, error.Line);
        Assert.Contains("unknown duty '迟到'", error.Message, StringComparison.Ordinal);

        var unknownKind = """{ "duties": { "meetingKinds": [ "全体会议" ], "points": [ { "duty": "出席", "meetingKind": "年会", "points": 1 } ] } }""";
        Assert.Contains("meeting kind '年会' is not in meetingKinds", Assert.Throws<RecipeException>(() => Load(unknownKind)).Message, StringComparison.Ordinal);

        var twice = """{ "duties": { "meetingKinds": [], "points": [ { "duty": "联名提案", "points": 1 }, { "duty": "联名提案", "points": 2 } ] } }""";
        Assert.Contains("has two rules", Assert.Throws<RecipeException>(() => Load(twice)).Message, StringComparison.Ordinal);

        var huge = """{ "duties": { "points": [ { "duty": "联名提案", "points": 1000 } ] } }""";
        Assert.Contains("between -100 and 100", Assert.Throws<RecipeException>(() => Load(huge)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_recipe_without_the_section_keeps_the_current_rules()
    {
        var current = RecipeLoader.LoadFile(RepositoryPaths.Recipe, SiteDefinition.Empty);
        var next = RecipeLoader.Load(Encoding.UTF8.GetBytes("""{ "settings": { "SiteName": "另一个名字" } }"""), "small.recipe.json", current);

        Assert.Equal(current.Duties, next.Duties);
        Assert.Equal(10, next.Duties.PointsOf(DutyRules.Filed));
    }

    private static SiteDefinition Load(string json) => RecipeLoader.Load(Encoding.UTF8.GetBytes(json), "test.recipe.json", SiteDefinition.Empty);
}
