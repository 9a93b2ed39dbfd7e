using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PublicitySite.Storage;

namespace PublicitySite.Users;

/// <summary>Creates, checks and revokes API tokens. Only hashes are stored; a token is shown once.</summary>
public sealed class TokenService(AppDbContext db, TimeProvider clock)
{
    public const string Prefix = "pst_";

    public Task<(ApiToken Token, string Secret)> CreateAsync(AppUser user, string name, int? expiresInDays, IEnumerable<string> scopes, CancellationToken cancellationToken = default) =>
        CreateUntilAsync(user, name, expiresInDays is { } days ? clock.GetUtcNow().UtcDateTime.AddDays(days) : null, scopes, cancellationToken);

    /// <summary>A token valid until <paramref name="expiresUtc"/> (null: no expiry).</summary>
    public async Task<(ApiToken Token, string Secret)> CreateUntilAsync(AppUser user, string name, DateTime? expiresUtc, IEnumerable<string> scopes, CancellationToken cancellationToken = default)
    {
        var secret = Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow().UtcDateTime;
        var token = new ApiToken
        {
            UserId = user.Id,
            Name = name,
            Hash = Hash(secret),
            Prefix = secret[..10],
            Scopes = string.Join(' ', scopes.Distinct()),
            CreatedUtc = now,
            ExpiresUtc = expiresUtc,
        };
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        return (token, secret);
    }

    /// <summary>The live token for a presented secret, or null when unknown, expired or revoked.</summary>
    public async Task<ApiToken?> ValidateAsync(string secret, CancellationToken cancellationToken = default)
    {
        if (!secret.StartsWith(Prefix, StringComparison.Ordinal) || secret.Length > 100)
        {
            return null;
        }

        var hash = Hash(secret);
        var now = clock.GetUtcNow().UtcDateTime;
        var token = await db.ApiTokens.AsNoTracking().FirstOrDefaultAsync(t => t.Hash == hash, cancellationToken);
        return token is null || token.RevokedUtc is not null || token.ExpiresUtc <= now ? null : token;
    }

    /// <param name="userId">The owner the token must belong to; null lets an administrator revoke anyone's.</param>
    public async Task<bool> RevokeAsync(string? userId, long tokenId, CancellationToken cancellationToken = default)
    {
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == tokenId && (userId == null || t.UserId == userId), cancellationToken);
        if (token is null || token.RevokedUtc is not null)
        {
            return false;
        }

        token.RevokedUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public Task<List<ApiToken>> ListAsync(string userId, CancellationToken cancellationToken = default) =>
        db.ApiTokens.AsNoTracking().Where(t => t.UserId == userId).OrderByDescending(t => t.CreatedUtc).ToListAsync(cancellationToken);

    /// <summary>Every token with its owner's name, newest first (for administrators).</summary>
    public async Task<List<(ApiToken Token, string Owner)>> ListAllAsync(CancellationToken cancellationToken = default)
    {
        var rows = await db.ApiTokens.AsNoTracking()
            .Join(db.Users.AsNoTracking(), t => t.UserId, u => u.Id, (t, u) => new { Token = t, Owner = u.UserName })
            .OrderByDescending(x => x.Token.CreatedUtc).Take(1000).ToListAsync(cancellationToken);
        return rows.Select(r => (r.Token, r.Owner ?? "")).ToList();
    }

    internal static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
