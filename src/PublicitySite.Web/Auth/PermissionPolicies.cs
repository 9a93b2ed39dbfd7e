using Microsoft.AspNetCore.Authorization;
using PublicitySite.Commands;

namespace PublicitySite.Web.Auth;

/// <summary>A recipe permission the acting user must hold (and a token the scope that goes with it).</summary>
internal sealed record PermissionRequirement(string Permission) : IAuthorizationRequirement;

/// <summary>
/// Grants a permission by the rule Core services apply (<see cref="CommandAccess"/>): the role is read from the
/// database as it is now (neither the cookie nor a token carries it, so a role change or lock-out applies on
/// the next request), and a token must also carry the scope.
/// </summary>
internal sealed class PermissionHandler(CommandAccess access, ActorAccessor actors) : AuthorizationHandler<PermissionRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(requirement);
        if (context.Resource is not HttpContext http)
        {
            return;
        }

        // The policy's schemes are authenticated into context.User; the accessor reads the request's user.
        http.User = context.User;
        if (await actors.GetAsync(http) is { } actor && access.Allows(actor, requirement.Permission))
        {
            context.Succeed(requirement);
        }
    }
}
