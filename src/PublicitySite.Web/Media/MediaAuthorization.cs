using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using PublicitySite.Contents.Definitions;

namespace PublicitySite.Web.Media;

/// <summary>A recipe permission the user must hold through one of their roles (or as a permission claim).</summary>
public sealed record PermissionRequirement(string Permission) : IAuthorizationRequirement;

/// <summary>
/// Grants a permission when a role the recipe defines gives it to one of the user's roles. Neither the admin
/// cookie nor an API token carries a role claim (the role is read as it is now, so a change or lock-out applies
/// at once): for them the role comes from <see cref="Auth.ActorAccessor"/>, as on the admin pages and in the
/// write API.
/// </summary>
public sealed class PermissionHandler(SiteDefinitionStore definitions) : AuthorizationHandler<PermissionRequirement>
{
    public const string PermissionClaim = "permission";

    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated != true)
        {
            return;
        }

        var roles = definitions.Current.Roles.Where(r => r.Permissions.Contains(requirement.Permission)).ToList();
        if (user.HasClaim(PermissionClaim, requirement.Permission) || roles.Any(r => user.IsInRole(r.Name)))
        {
            context.Succeed(requirement);
            return;
        }

        if (user.Identities.Any(i => i.IsAuthenticated && i.AuthenticationType is Auth.AuthSchemes.Admin or Auth.AuthSchemes.Token)
            && context.Resource is HttpContext http
            && http.RequestServices.GetService<Auth.ActorAccessor>() is { } actors
            && await actors.GetAsync(http) is { } actor
            && roles.Any(r => r.Name == actor.Role))
        {
            context.Succeed(requirement);
        }
    }
}

/// <summary>
/// A token must carry the scope (or <c>manage</c>, by the one rule of <see cref="PublicitySite.Users.TokenScopes.Covers"/>);
/// a signed-in admin session (no scope claims) is not limited by it.
/// </summary>
public sealed record TokenScopeRequirement(string Scope) : IAuthorizationRequirement;

public sealed class TokenScopeHandler : AuthorizationHandler<TokenScopeRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, TokenScopeRequirement requirement)
    {
        var viaToken = context.User.Identities.Any(i => i.AuthenticationType == Auth.AuthSchemes.Token);
        if (!viaToken || PublicitySite.Users.TokenScopes.Covers(context.User.FindAll(Auth.AuthSchemes.ScopeClaim).Select(c => c.Value), requirement.Scope))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}

/// <summary>
/// Stands in only when no other authentication scheme is configured at all: nobody is signed in, and a
/// protected endpoint answers 401 with a problem body instead of failing for want of a challenge scheme.
/// </summary>
public sealed class NoSignInHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "NoSignIn";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync() => Task.FromResult(AuthenticateResult.NoResult());

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        await Response.WriteAsJsonAsync(new { title = "需要登录", detail = "此操作需要登录并具备相应权限", status = 401 }, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await Response.WriteAsJsonAsync(new { title = "没有权限", detail = "当前账号无权执行此操作", status = 403 }, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
    }
}
