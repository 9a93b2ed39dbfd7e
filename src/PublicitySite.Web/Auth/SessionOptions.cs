using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PublicitySite.Users;

namespace PublicitySite.Web.Auth;

/// <summary>Bound from <c>Admin:Session</c>: how long an admin session lasts.</summary>
internal sealed class SessionOptions
{
    public const string Section = "Admin:Session";

    /// <summary>A session unused this long ends (<c>Admin__Session__IdleMinutes</c>).</summary>
    public int IdleMinutes { get; set; } = 30;

    /// <summary>A session ends this long after sign-in however busy it is.</summary>
    public int AbsoluteHours { get; set; } = 8;
}

/// <summary>
/// Checks the admin cookie on every request against the user as stored now: the security stamp changes on
/// logout, on a password change and when an administrator disables or resets the user, so a copied or replayed
/// cookie stops working at once; a disabled (locked) user and a session past its absolute lifetime end too.
/// </summary>
internal static class SessionValidator
{
    public const string StampClaim = "publicity.stamp";
    public const string SignedInClaim = "publicity.signed-in";

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var http = context.HttpContext;
        var options = http.RequestServices.GetRequiredService<IOptionsMonitor<SessionOptions>>().CurrentValue;
        var clock = http.RequestServices.GetRequiredService<TimeProvider>();
        var principal = context.Principal;
        var signedIn = long.TryParse(principal?.FindFirstValue(SignedInClaim), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            ? new DateTimeOffset(ticks, TimeSpan.Zero) : (DateTimeOffset?)null;
        var users = http.RequestServices.GetRequiredService<UserManager<AppUser>>();
        var user = principal?.FindFirstValue(ClaimTypes.NameIdentifier) is { } id ? await users.FindByIdAsync(id) : null;
        var valid = user is not null
            && signedIn is { } at && clock.GetUtcNow() - at < TimeSpan.FromHours(options.AbsoluteHours)
            && string.Equals(principal!.FindFirstValue(StampClaim), user.SecurityStamp, StringComparison.Ordinal)
            && !await users.IsLockedOutAsync(user);
        if (!valid)
        {
            context.RejectPrincipal();
            await http.SignOutAsync(AuthSchemes.Admin);
        }
    }

    /// <summary>Applies the idle timeout to the cookie (sliding, so every request within it renews it).</summary>
    public sealed class ConfigureCookie(IOptions<SessionOptions> session) : IPostConfigureOptions<CookieAuthenticationOptions>
    {
        public void PostConfigure(string? name, CookieAuthenticationOptions options)
        {
            if (name == AuthSchemes.Admin)
            {
                options.ExpireTimeSpan = TimeSpan.FromMinutes(Math.Max(1, session.Value.IdleMinutes));
                options.SlidingExpiration = true;
            }
        }
    }
}
