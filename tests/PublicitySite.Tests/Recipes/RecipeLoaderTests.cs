using System.Text;
using PublicitySite.Contents.Definitions;
using PublicitySite.Recipes;
using PublicitySite.Tests.Infrastructure;

namespace PublicitySite.Tests.Recipes;

public sealed class RecipeLoaderTests
{
    private static SiteDefinition Load(string json) => RecipeLoader.Load(Encoding.UTF8.GetBytes(json), "test.recipe.json", SiteDefinition.Empty);

    [Fact]
    public void The_shipped_recipe_defines_the_types_columns_roles_and_review_stages()
    {
        var site = RecipeLoader.LoadFile(RepositoryPaths.Recipe, SiteDefinition.Empty);

        // Features add their own types (SocialOpinion, …): the core ones must be there, in the recipe's order.
        Assert.Equal(["News", "Member", "Proposal", "LiteratureCollection", "LiteratureArticle", "Page"], site.Types.Select(t => t.Name).Where(n => n is "News" or "Member" or "Proposal" or "LiteratureCollection" or "LiteratureArticle" or "Page"));
        Assert.Contains(site.Types, t => t.Name == "SocialOpinion" && t.Route == "social-opinions/{id}");
        Assert.Contains(site.Columns, c => c.Name == "政协要闻" && c.ContentType == "News");
        Assert.Equal(["Administrator", "Publisher", "Reviewer", "Editor", "Contributor", "ProposalClerk", "HistoryEditor", "ProposalHead", "Member"], site.Roles.Select(r => r.Name));
        Assert.Equal(["初审", "复审", "终审签发"], site.Workflows.Single(w => w.ContentType == "News").Stages.Select(s => s.Name));
        Assert.True(site.FindPart("MemberPart")!.Fields.Single(f => f.Name == "IdNumber").Private);
    }

    [Fact]
    public void An_unknown_part_is_reported_with_its_file_and_line()
    {
        var json = "{\n  \"types\": [\n    {\n      \"name\": \"Notice\",\n      \"parts\": [\n        \"TitlePart\",\n        \"NoSuchPart\"\n      ]\n    }\n  ]\n}";

        var error = Assert.Throws<RecipeException>(() => Load(json));

        Assert.Equal("test.recipe.json", error.File);
        Assert.Equal(7, error.Line);
        Assert.Contains("unknown part 'NoSuchPart'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicate_type_is_refused()
    {
        var json = """{ "types": [ { "name": "A", "parts": ["TitlePart"] }, { "name": "a", "parts": ["TitlePart"] } ] }""";

        var error = Assert.Throws<RecipeException>(() => Load(json));

        Assert.Contains("duplicate content type 'a'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_json_names_the_line()
    {
        var json = "{\n  \"name\": \"x\",\n  \"types\": [ { \"name\": \"A\" \"parts\": [] } ]\n}";

        var error = Assert.Throws<RecipeException>(() => Load(json));

        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void An_unknown_property_is_refused_rather_than_ignored()
    {
        var error = Assert.Throws<RecipeException>(() => Load("""{ "typez": [] }"""));

        Assert.Contains("typez", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "parts": [ { "name": "P", "fields": [ { "name": "F", "type": "Colour" } ] } ] }""", "Colour")]
    [InlineData("""{ "parts": [ { "name": "P", "fields": [ { "name": "F", "type": "Choice" } ] } ] }""", "options")]
    [InlineData("""{ "types": [ { "name": "T", "parts": ["TitlePart"], "route": "../{slug}" } ] }""", "route")]
    [InlineData("""{ "types": [ { "name": "T", "parts": ["SummaryPart"] } ] }""", "TitlePart")]
    [InlineData("""{ "roles": [ { "name": "R", "displayName": "角色", "permissions": ["content.fly"] } ] }""", "content.fly")]
    [InlineData("""{ "workflows": [ { "contentType": "Nothing", "stages": [] } ] }""", "Nothing")]
    public void Each_kind_of_mistake_is_named(string json, string expected)
    {
        var error = Assert.Throws<RecipeException>(() => Load(json));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_new_type_and_field_need_no_code()
    {
        var current = RecipeLoader.LoadFile(RepositoryPaths.Recipe, SiteDefinition.Empty);
        var json = """
            { "parts": [ { "name": "EventPart", "fields": [ { "name": "Venue", "displayName": "地点" }, { "name": "Day", "type": "Date" } ] } ],
              "types": [ { "name": "Event", "displayName": "活动", "route": "events/{slug}", "parts": ["TitlePart", "AutoroutePart", "EventPart"] } ] }
            """;

        var merged = RecipeLoader.Load(Encoding.UTF8.GetBytes(json), "event.recipe.json", current);

        Assert.NotNull(merged.FindType("Event"));
        Assert.NotNull(merged.FindType("News"));
        Assert.Equal(["Title", "Slug", "Venue", "Day"], merged.FieldsOf(merged.FindType("Event")!).Select(f => f.Field.Name));
    }
}
