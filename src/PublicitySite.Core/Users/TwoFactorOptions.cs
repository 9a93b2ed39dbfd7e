namespace PublicitySite.Users;

/// <summary>Bound from <c>Admin:TwoFactor</c>: who must sign in with a second step, and how the apps name the site.</summary>
public sealed class TwoFactorOptions
{
    public const string Section = "Admin:TwoFactor";

    /// <summary>
    /// Roles that must use two-step sign-in, separated by commas (<c>Admin__TwoFactor__RequiredRoles</c>);
    /// empty for none. Everyone else may still turn it on for themselves.
    /// </summary>
    public string RequiredRoles { get; set; } = "Administrator,Publisher";

    /// <summary>The name the authenticator app shows above the code.</summary>
    public string Issuer { get; set; } = "政协网站";

    public bool IsRequiredFor(string? role) =>
        !string.IsNullOrEmpty(role)
        && RequiredRoles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Contains(role, StringComparer.OrdinalIgnoreCase);
}
