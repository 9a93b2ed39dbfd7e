using Microsoft.AspNetCore.Authorization;
using PublicitySite.Commands;
using PublicitySite.Contents.Definitions;

namespace PublicitySite.Web.Auth;

/// <summary>A recipe permission the acting user must hold (and a token the scope that goes with it).</summary>
public sealed record PermissionRequirement(string Permission) : IAuthorizationRequirement;

/// <summary>
/// The one authorization mechanism: a policy per recipe permission, named as the permission
/// (<c>RequireAuthorization(Permissions.RecordProposals)</c>), admitting the admin cookie and API tokens alike.
/// </summary>
public static class PermissionPolicies
{
    public static IServiceCollection AddPermissionPolicies(this IServiceCollection services)
    {
        services.AddScoped<IAuthorizationHandler, PermissionHandler>();
        var builder = services.AddAuthorizationBuilder();
        foreach (var permission in Permissions.All)
        {
            builder.AddPolicy(permission, p => p.AddAuthenticationSchemes(AuthSchemes.Token, AuthSchemes.Admin)
                .RequireAuthenticatedUser()
                .AddRequirements(new PermissionRequirement(permission)));
        }

        return services;
    }
}

/// <summary>
/// Grants a permission by the rule Core services apply (<see cref="CommandAccess"/>): the role is read from the
/// database as it is now (neither the cookie nor a token carries it, so a role change or lock-out applies on
/// the next request), and a token must also carry the scope.
/// </summary>
public sealed class PermissionHandler(CommandAccess access, ActorAccessor actors) : AuthorizationHandler<PermissionRequirement>
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
