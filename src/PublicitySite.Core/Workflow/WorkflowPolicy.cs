using PublicitySite.Contents;
using PublicitySite.Contents.Definitions;

namespace PublicitySite.Workflow;

/// <summary>
/// The rules, read from the recipe: which role may do what to which type and column, and which review stages a
/// type passes. Pure functions over a <see cref="SiteDefinition"/>, so every path (API, pages, GraphQL) asks
/// the same questions and gets the same answers.
/// </summary>
public sealed class WorkflowPolicy(SiteDefinition site)
{
    /// <summary>Used when a type has no workflow in the recipe: one sign-off by a publisher, never none.</summary>
    private static readonly WorkflowStage DefaultStage = new() { Name = "签发", Role = "Publisher" };

    public SiteDefinition Site => site;

    public RoleDefinition? RoleOf(Actor actor) => site.Roles.FirstOrDefault(r => r.Name == actor.Role);

    public string RoleLabel(string role) => site.Roles.FirstOrDefault(r => r.Name == role)?.DisplayName ?? role;

    /// <summary>The role holds <paramref name="permission"/> and its type/column scope covers the item.</summary>
    public bool Has(Actor actor, string permission, string contentType, string? column)
    {
        if (RoleOf(actor) is not { } role || !role.Permissions.Contains(permission))
        {
            return false;
        }

        return InScope(role, contentType, column);
    }

    public bool Has(Actor actor, string permission) => RoleOf(actor)?.Permissions.Contains(permission) == true;

    public static bool InScope(RoleDefinition role, string contentType, string? column)
    {
        if (role.ContentTypes.Count > 0 && !role.ContentTypes.Contains(contentType, StringComparer.OrdinalIgnoreCase))
        {
            return false;
        }

        // A column scope limits only items that live in columns; a column-less item is judged by type alone.
        return role.Columns.Count == 0 || column is null || role.Columns.Contains(column);
    }

    public bool CanEdit(Actor actor, ContentItem item, string? column) =>
        Has(actor, Permissions.EditAnyContent, item.ContentType, column)
        || (item.Owner == actor.Name && Has(actor, Permissions.EditOwnContent, item.ContentType, column));

    public IReadOnlyList<WorkflowStage> StagesOf(string contentType) =>
        site.Workflows.FirstOrDefault(w => string.Equals(w.ContentType, contentType, StringComparison.OrdinalIgnoreCase)) is { Stages.Count: > 0 } workflow
            ? workflow.Stages
            : [DefaultStage];

    /// <summary>Why <paramref name="actor"/> may not act at a stage, or null when they may.</summary>
    public string? CannotActAtStage(Actor actor, string contentType, string? column, int stage)
    {
        var stages = StagesOf(contentType);
        var current = stages[Math.Clamp(stage, 0, stages.Count - 1)];
        var final = stage >= stages.Count - 1;
        var permission = final ? Permissions.PublishContent : Permissions.ReviewContent;
        if ((actor.Role != current.Role && !actor.IsAdministrator) || !Has(actor, permission, contentType, column))
        {
            return $"当前处于“{current.Name}”环节，须由{RoleLabel(current.Role)}办理，您的角色（{RoleLabel(actor.Role)}）无权办理";
        }

        return null;
    }
}
