namespace PublicitySite.Users;

/// <summary>
/// A bearer token that acts as its user. Only the SHA-256 of the secret is stored; the secret is shown once.
/// </summary>
public sealed class ApiToken
{
    public long Id { get; set; }

    public required string UserId { get; init; }

    public required string Name { get; init; }

    /// <summary>Hex SHA-256 of the whole token.</summary>
    public required string Hash { get; init; }

    /// <summary>The token's first characters, shown in lists so a person can tell tokens apart.</summary>
    public required string Prefix { get; init; }

    /// <summary>Space-separated scopes; see <see cref="TokenScopes"/>.</summary>
    public string Scopes { get; set; } = "";

    public DateTime CreatedUtc { get; init; }

    public DateTime? ExpiresUtc { get; init; }

    public DateTime? RevokedUtc { get; set; }

    public DateTime? LastUsedUtc { get; set; }
}
