using System.Collections.Frozen;

namespace PublicitySite.Contents.Definitions;

/// <summary>
/// Everything a recipe defines, validated: parts, types, columns, roles, review stages and site settings.
/// Immutable; a recipe apply swaps in a new one.
/// </summary>
public sealed record SiteDefinition
{
    public string Name { get; init; } = "";

    public IReadOnlyList<ContentPartDefinition> Parts { get; init; } = [];

    public IReadOnlyList<ContentTypeDefinition> Types { get; init; } = [];

    public IReadOnlyList<ColumnDefinition> Columns { get; init; } = [];

    public IReadOnlyList<RoleDefinition> Roles { get; init; } = [];

    public IReadOnlyList<WorkflowDefinition> Workflows { get; init; } = [];

    public IReadOnlyDictionary<string, string> Settings { get; init; } = FrozenDictionary<string, string>.Empty;

    /// <summary>The recipe's 错敏词 list (administrators extend it in the database, see Words/).</summary>
    public IReadOnlyList<Words.WordDefinition> Words { get; init; } = [];

    /// <summary>The menus the site starts with (administrators change them in the database, see Navigation/).</summary>
    public PublicitySite.Navigation.SiteNavigation? Navigation { get; init; }

    /// <summary>Meeting kinds and 履职积分 rules (see MemberRecord/).</summary>
    public PublicitySite.MemberRecord.DutyRules Duties { get; init; } = new();

    /// <summary>What a member's proposal needs at submission, such as the minimum of co-signers (see MemberPortal/).</summary>
    public PublicitySite.MemberPortal.SubmissionRules Proposals { get; init; } = new();

    public static SiteDefinition Empty { get; } = new();

    public ContentTypeDefinition? FindType(string name) =>
        Types.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));

    public ContentPartDefinition? FindPart(string name) =>
        BuiltInParts.All.FirstOrDefault(p => p.Name == name) ?? Parts.FirstOrDefault(p => p.Name == name);

    /// <summary>A column by its Chinese name or its URL key.</summary>
    public ColumnDefinition? FindColumn(string nameOrKey) =>
        Columns.FirstOrDefault(c => c.Name == nameOrKey || string.Equals(c.Key, nameOrKey, StringComparison.OrdinalIgnoreCase));

    public IEnumerable<ColumnDefinition> ColumnsOf(string contentType) =>
        Columns.Where(c => c.ContentType == contentType).OrderBy(c => c.Order);

    /// <summary>Every field of a type with the part that holds it, in the order the recipe gives.</summary>
    public IEnumerable<(ContentPartDefinition Part, FieldDefinition Field)> FieldsOf(ContentTypeDefinition type)
    {
        foreach (var partName in type.Parts)
        {
            if (FindPart(partName) is { } part)
            {
                foreach (var field in part.Fields)
                {
                    yield return (part, field);
                }
            }
        }
    }

    public string Setting(string key, string fallback = "") =>
        Settings.TryGetValue(key, out var value) ? value : fallback;
}
