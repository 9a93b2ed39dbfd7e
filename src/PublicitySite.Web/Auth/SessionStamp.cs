using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using PublicitySite.Users;

namespace PublicitySite.Web.Auth;

/// <summary>
/// An admin session carries the user's security stamp from sign-in. A new password, a disabled account or a
/// deleted user changes or removes the stamp, and the next request of every older session is signed out,
/// instead of living on for the cookie's eight hours.
/// </summary>
public static class SessionStamp
{
    public const string Claim = "publicity.stamp";

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var name = context.Principal?.Identity?.Name;
        var users = context.HttpContext.RequestServices.GetRequiredService<UserManager<AppUser>>();
        var user = name is null ? null : await users.FindByNameAsync(name);
        var stamp = context.Principal?.FindFirst(Claim)?.Value;
        if (user is null || stamp is null || stamp != (user.SecurityStamp ?? ""))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(AuthSchemes.Admin);
        }
    }
}
