using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using PublicitySite.Users;
using PublicitySite.Workflow;

namespace PublicitySite.Web.Auth;

/// <summary>
/// The person behind a request, with their role as it is now in the database (not as it was when the cookie
/// or token was issued), so a role change or a lock-out takes effect on the next request, and a token's scopes.
/// </summary>
internal sealed class ActorAccessor(UserManager<AppUser> users)
{
    private Actor? cached;

    public async Task<Actor?> GetAsync(HttpContext http)
    {
        if (cached is not null)
        {
            return cached;
        }

        if (http.User.Identity is not { IsAuthenticated: true, Name: { } name })
        {
            return null;
        }

        var user = await users.FindByNameAsync(name);
        if (user is null || await users.IsLockedOutAsync(user))
        {
            return null;
        }

        var role = (await users.GetRolesAsync(user)).FirstOrDefault() ?? "";
        var viaToken = http.User.Identities.Any(i => i.IsAuthenticated && i.AuthenticationType == AuthSchemes.Token);
        cached = new Actor(user.UserName!, role, AddressOf(http))
        {
            Scopes = viaToken ? [.. http.User.FindAll(AuthSchemes.ScopeClaim).Select(c => c.Value)] : null,
        };
        return cached;
    }

    /// <summary>The acting user, or an anonymous actor (no role) whom every Core command refuses.</summary>
    public async Task<Actor> CurrentAsync(HttpContext http) => await GetAsync(http) ?? new Actor("anonymous", "", AddressOf(http));

    public static string? AddressOf(HttpContext http) => http.Connection.RemoteIpAddress?.ToString();

    /// <summary>
    /// Token requests may use only their scopes (<see cref="TokenScopes.Covers"/>: <c>manage</c> covers them all);
    /// cookie sessions are not limited by scopes.
    /// </summary>
    public static bool HasScope(ClaimsPrincipal user, string scope) =>
        user.Identity?.AuthenticationType != AuthSchemes.Token
        || TokenScopes.Covers(user.FindAll(AuthSchemes.ScopeClaim).Select(c => c.Value), scope);
}
