using PublicitySite.Contents.Definitions;
using PublicitySite.Users;
using PublicitySite.Workflow;

namespace PublicitySite.Commands;

/// <summary>
/// The one permission rule: the actor's role (as the recipe defines it now) holds the recipe permission, and a
/// token also carries the scope that permission belongs to. Core services ask it before every command; the
/// web's authorization handler asks the same question, so an endpoint and its service never disagree.
/// </summary>
public sealed class CommandAccess(SiteDefinitionStore definitions)
{
    public bool Allows(Actor actor, string permission)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.Trusted || (RoleHolds(actor.Role, permission) && ScopeCovers(actor, permission));
    }

    /// <summary>Null when allowed; otherwise the refusal saying what was missing.</summary>
    public Failure.Forbidden? Check(Actor actor, string permission)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.Trusted)
        {
            return null;
        }

        if (!RoleHolds(actor.Role, permission))
        {
            return new($"您的角色（{RoleLabel(actor.Role)}）没有“{PermissionLabels.Of(permission)}”权限");
        }

        return ScopeCovers(actor, permission)
            ? null
            : new($"该令牌的权限范围不允许此操作（需要 {TokenScopes.ForPermission(permission)} 或 {TokenScopes.Manage}）");
    }

    public string RoleLabel(string role) => definitions.Current.Roles.FirstOrDefault(r => r.Name == role)?.DisplayName ?? role;

    private bool RoleHolds(string role, string permission) =>
        definitions.Current.Roles.FirstOrDefault(r => r.Name == role)?.Permissions.Contains(permission) == true;

    private static bool ScopeCovers(Actor actor, string permission) =>
        actor.Scopes is not { } scopes || TokenScopes.Covers(scopes, TokenScopes.ForPermission(permission));
}
