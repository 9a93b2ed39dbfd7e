using Microsoft.AspNetCore.Authentication;
using PublicitySite.Contents.Definitions;
using PublicitySite.Web.Auth;
using PublicitySite.Workflow;

namespace PublicitySite.Web.Search;

/// <summary>The user behind an office request and their role as it is now, for role limits and the audit trail.</summary>
internal sealed record StaffCaller(Actor Actor, RoleDefinition Role);

/// <summary>
/// Checks the bearer token of an office request: a live token of a usable account, with the scope (by the
/// rule of <see cref="ActorAccessor.HasScope"/>, where <c>manage</c> covers every scope), whose user's role has
/// the permission. Gives the caller, or the 401/403 problem to return.
/// </summary>
internal static class StaffAccess
{
    public static async Task<(StaffCaller? Caller, IResult? Problem)> CheckAsync(HttpContext http, string scope, string permission)
    {
        if (!http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return (null, Results.Problem(title: "需要登录", detail: "请在 Authorization 头中提供 Bearer 令牌。", statusCode: StatusCodes.Status401Unauthorized));
        }

        // These endpoints are anonymous by default (the admin cookie is not a credential here): only a token counts.
        var result = await http.AuthenticateAsync(AuthSchemes.Token);
        if (!result.Succeeded)
        {
            return (null, Results.Problem(title: "令牌无效", detail: "令牌不存在、已过期或已撤销，或其账号已停用。", statusCode: StatusCodes.Status401Unauthorized));
        }

        http.User = result.Principal;
        var actor = await http.RequestServices.GetRequiredService<ActorAccessor>().GetAsync(http);
        var role = actor is null ? null : new WorkflowPolicy(http.RequestServices.GetRequiredService<SiteDefinitionStore>().Current).RoleOf(actor);
        if (role is null || !role.Permissions.Contains(permission) || !ActorAccessor.HasScope(result.Principal, scope))
        {
            return (null, Results.Problem(title: "没有权限", detail: $"此操作需要令牌范围 {scope}（或 manage）和权限 {permission}。", statusCode: StatusCodes.Status403Forbidden));
        }

        return (new StaffCaller(actor!, role), null);
    }
}
