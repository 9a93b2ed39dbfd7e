using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace PublicitySite.Web.Auth;

/// <summary>
/// A password step passed, waiting for its second step: whose, with which security stamp, and the user's
/// second-step state then (<see cref="PublicitySite.Users.AccountSecurity.SecondStepSealAsync"/>).
/// </summary>
public sealed record PendingSignIn(string UserId, string Name, string? Stamp, string Seal, int Failures, long ExpiresTicks);

/// <summary>
/// Binds the second sign-in step to the password step: a ticket sealed with the site's data-protection keys (so
/// any node of a cluster reads it), in a cookie of its own (path /admin/login only), valid five minutes. It
/// names the user's security stamp and second-step state, which every passed second step changes, so a ticket
/// is good for one sign-in; five wrong codes drop it. No session cookie exists until the second step is passed,
/// so going to /admin directly only finds the login page.
/// </summary>
public sealed class SecondStepTickets(IDataProtectionProvider protection, TimeProvider clock)
{
    public const string CookieName = "publicity.2fa";
    public const int MaxFailures = 5;
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    private readonly IDataProtector protector = protection.CreateProtector("PublicitySite.Auth.SecondStep");

    public PendingSignIn Start(string userId, string name, string? stamp, string seal) =>
        new(userId, name, stamp, seal, 0, (clock.GetUtcNow() + Lifetime).UtcTicks);

    public void Issue(HttpContext http, PendingSignIn pending)
    {
        var text = string.Join('\n', pending.UserId, pending.Name, pending.Stamp ?? "", pending.Seal,
            pending.Failures.ToString(CultureInfo.InvariantCulture), pending.ExpiresTicks.ToString(CultureInfo.InvariantCulture));
        http.Response.Cookies.Append(CookieName, protector.Protect(text), new CookieOptions
        {
            HttpOnly = true,
            Secure = true,
            SameSite = SameSiteMode.Strict,
            Path = "/admin/login",
            MaxAge = Lifetime,
            IsEssential = true,
        });
    }

    public PendingSignIn? Find(HttpContext http)
    {
        if (http.Request.Cookies[CookieName] is not { Length: > 0 and < 4000 } sealedText)
        {
            return null;
        }

        string[] parts;
        try
        {
            parts = protector.Unprotect(sealedText).Split('\n');
        }
        catch (CryptographicException)
        {
            return null; // altered, or sealed with keys this site no longer has
        }

        return parts.Length == 6
            && int.TryParse(parts[4], NumberStyles.None, CultureInfo.InvariantCulture, out var failures)
            && long.TryParse(parts[5], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            && clock.GetUtcNow().UtcTicks < expires && failures < MaxFailures
            ? new PendingSignIn(parts[0], parts[1], parts[2].Length == 0 ? null : parts[2], parts[3], failures, expires)
            : null;
    }

    public void Drop(HttpContext http) =>
        http.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/admin/login", Secure = true, SameSite = SameSiteMode.Strict });
}
