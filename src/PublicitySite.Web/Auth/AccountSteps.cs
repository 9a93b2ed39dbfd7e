using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using PublicitySite.Users;

namespace PublicitySite.Web.Auth;

/// <summary>
/// Holds a signed-in user at the step they owe (<see cref="AccountSecurity.PendingStepAsync"/>): a user with a
/// generated password reaches only /admin/account/password, and a user whose role requires two-step sign-in
/// and who has not set it up reaches only /admin/account/two-factor, until it is done. The rest of /admin
/// redirects there; the admin and write API answer 403 to the cookie. API tokens are not held: they are
/// made by a user who already signed in, and each is checked on its own.
/// </summary>
internal static class AccountSteps
{
    public const string PasswordPage = "/admin/account/password";
    public const string TwoFactorPage = "/admin/account/two-factor";

    /// <summary>Set on a request the user may make while held, so the layout leaves out a menu that leads nowhere.</summary>
    public const string HeldItem = "publicity.account-step";

    public static WebApplication UseAccountSteps(this WebApplication app)
    {
        app.Use(async (http, next) =>
        {
            if (Held(http) && http.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } id
                && await http.RequestServices.GetRequiredService<UserManager<AppUser>>().FindByIdAsync(id) is { } user)
            {
                var step = await http.RequestServices.GetRequiredService<AccountSecurity>().PendingStepAsync(user);
                var page = step switch { AccountStep.ChangePassword => PasswordPage, AccountStep.EnrolTwoFactor => TwoFactorPage, _ => null };
                if (page is not null && !http.Request.Path.StartsWithSegments(page, StringComparison.OrdinalIgnoreCase))
                {
                    await RefuseAsync(http, step, page);
                    return;
                }

                if (page is not null)
                {
                    http.Items[HeldItem] = step;
                }
            }

            await next(http);
        });
        return app;
    }

    /// <summary>A request of the admin cookie (no bearer token) to /admin, 委员之家 (/member), /api/admin or the write API.</summary>
    private static bool Held(HttpContext http)
    {
        var request = http.Request;
        if (request.Headers.Authorization.Count > 0 || !http.User.Identities.Any(i => i.IsAuthenticated && i.AuthenticationType == AuthSchemes.Admin))
        {
            return false;
        }

        if (request.Path.StartsWithSegments("/admin", StringComparison.OrdinalIgnoreCase))
        {
            return !request.Path.StartsWithSegments("/admin/login", StringComparison.OrdinalIgnoreCase)
                && !request.Path.StartsWithSegments("/admin/logout", StringComparison.OrdinalIgnoreCase);
        }

        if (request.Path.StartsWithSegments("/member", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return request.Path.StartsWithSegments("/api/admin", StringComparison.OrdinalIgnoreCase)
            || (request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
                && !request.Path.StartsWithSegments("/api/graphql", StringComparison.OrdinalIgnoreCase)
                && !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && !HttpMethods.IsOptions(request.Method));
    }

    private static async Task RefuseAsync(HttpContext http, AccountStep step, string page)
    {
        var reason = step == AccountStep.ChangePassword ? "请先修改系统生成的初始密码" : "您的角色要求两步验证，请先完成设置";
        if (http.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            await Results.Problem(title: "请先完成账户设置", detail: $"{reason}（{page}）", statusCode: StatusCodes.Status403Forbidden).ExecuteAsync(http);
            return;
        }

        http.Response.Headers.CacheControl = "no-cache, no-store";
        http.Response.Redirect(page);
    }
}
