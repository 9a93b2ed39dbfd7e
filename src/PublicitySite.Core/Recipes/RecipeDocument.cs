using PublicitySite.Contents.Definitions;

namespace PublicitySite.Recipes;

/// <summary>A recipe file as written: every section is optional, so a small recipe can change one thing.</summary>
internal sealed record RecipeDocument
{
    public string? Name { get; init; }

    public string? DisplayName { get; init; }

    public string? Description { get; init; }

    public List<ContentPartDefinition>? Parts { get; init; }

    public List<ContentTypeDefinition>? Types { get; init; }

    public List<ColumnDefinition>? Columns { get; init; }

    public List<RoleDefinition>? Roles { get; init; }

    public List<WorkflowDefinition>? Workflows { get; init; }

    public Dictionary<string, string>? Settings { get; init; }

    public List<Words.WordDefinition>? Words { get; init; }

    /// <summary>The menus to seed: <c>main</c>, <c>footer</c>, <c>friends</c>; a menu left out keeps the current one.</summary>
    public PublicitySite.Navigation.SiteNavigation? Navigation { get; init; }

    /// <summary>Meeting kinds and 履职积分 rules; replaces the current section whole.</summary>
    public PublicitySite.MemberRecord.DutyRules? Duties { get; init; }

    /// <summary>What a member's proposal needs at submission in 委员之家; replaces the current section whole.</summary>
    public PublicitySite.MemberPortal.SubmissionRules? Proposals { get; init; }
}
