using System.Security.Cryptography;
using Microsoft.Extensions.Caching.Memory;

namespace PublicitySite.Web.Auth;

/// <summary>A password step passed, waiting for its second step: whose, from where, with which security stamp.</summary>
public sealed class PendingSignIn(string userId, string name, string? stamp)
{
    public string UserId { get; } = userId;

    public string Name { get; } = name;

    public string? Stamp { get; } = stamp;

    public int Failures { get; set; }
}

/// <summary>
/// Binds the second sign-in step to the password step: a random ticket, kept on the server for five minutes
/// and named by a cookie of its own (path /admin/login only), used once; five wrong codes drop it. No session
/// cookie exists until the second step is passed, so going to /admin directly only finds the login page.
/// </summary>
public sealed class SecondStepTickets(IMemoryCache cache)
{
    public const string CookieName = "publicity.2fa";
    public const int MaxFailures = 5;
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    public void Issue(HttpContext http, PendingSignIn pending)
    {
        var id = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        cache.Set(Key(id), pending, Lifetime);
        http.Response.Cookies.Append(CookieName, id, new CookieOptions
        {
            HttpOnly = true,
            Secure = true,
            SameSite = SameSiteMode.Strict,
            Path = "/admin/login",
            MaxAge = Lifetime,
            IsEssential = true,
        });
    }

    public PendingSignIn? Find(HttpContext http) =>
        http.Request.Cookies[CookieName] is { Length: 64 } id && cache.TryGetValue(Key(id), out PendingSignIn? pending) ? pending : null;

    public void Drop(HttpContext http)
    {
        if (http.Request.Cookies[CookieName] is { } id)
        {
            cache.Remove(Key(id));
        }

        http.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/admin/login", Secure = true, SameSite = SameSiteMode.Strict });
    }

    private static string Key(string id) => "login-second-step:" + id;
}
