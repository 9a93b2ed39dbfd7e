namespace PublicitySite.Web.Auth;

internal static class AuthSchemes
{
    /// <summary>The admin's session cookie.</summary>
    public const string Admin = "PublicityAdmin";

    /// <summary>The name of that session's cookie: the page caches pass by any request that carries it.</summary>
    public const string AdminCookie = "publicity.admin";

    /// <summary>API tokens (<c>Authorization: Bearer pst_…</c>). API endpoints name it explicitly.</summary>
    public const string Token = "Bearer";

    /// <summary>Authorization policy of the write API: a valid token, nothing else.</summary>
    public const string TokenPolicy = "api-token";

    public const string ScopeClaim = "scope";
}
