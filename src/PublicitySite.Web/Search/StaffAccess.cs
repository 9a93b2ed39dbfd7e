using Microsoft.AspNetCore.Identity;
using PublicitySite.Contents.Definitions;
using PublicitySite.Users;

namespace PublicitySite.Web.Search;

/// <summary>
/// Checks the bearer token of an office request: a live token with the scope, a user whose role has the
/// permission. Gives the role, or the 401/403 problem to return.
/// </summary>
internal static class StaffAccess
{
    public static async Task<(RoleDefinition? Role, IResult? Problem)> CheckAsync(HttpContext http, string scope, string permission)
    {
        var header = http.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return (null, Results.Problem(title: "需要登录", detail: "请在 Authorization 头中提供 Bearer 令牌。", statusCode: StatusCodes.Status401Unauthorized));
        }

        var services = http.RequestServices;
        var token = await services.GetRequiredService<TokenService>().ValidateAsync(header["Bearer ".Length..].Trim(), http.RequestAborted);
        if (token is null)
        {
            return (null, Results.Problem(title: "令牌无效", detail: "令牌不存在、已过期或已撤销。", statusCode: StatusCodes.Status401Unauthorized));
        }

        var users = services.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByIdAsync(token.UserId);
        var roleName = user is null ? null : (await users.GetRolesAsync(user)).FirstOrDefault();
        var role = roleName is null ? null : services.GetRequiredService<SiteDefinitionStore>().Current.Roles.FirstOrDefault(r => r.Name == roleName);
        var scopes = token.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (role is null || !role.Permissions.Contains(permission) || !scopes.Contains(scope))
        {
            return (null, Results.Problem(title: "没有权限", detail: $"此操作需要令牌范围 {scope} 和权限 {permission}。", statusCode: StatusCodes.Status403Forbidden));
        }

        return (role, null);
    }
}
