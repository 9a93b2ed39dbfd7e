using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PublicitySite.Audit;
using PublicitySite.Storage;

namespace PublicitySite.Workflow;

/// <summary>
/// A link that shows one version to someone without an account (a leader reading a speech on a phone).
/// The token is 256 random bits; only its SHA-256 is stored, so the table alone cannot open a preview.
/// </summary>
public sealed class PreviewLink
{
    public long Id { get; set; }

    public required string ContentItemId { get; init; }

    public int VersionNumber { get; init; }

    public required string TokenHash { get; init; }

    public required string CreatedBy { get; init; }

    public DateTime CreatedUtc { get; init; }

    public DateTime ExpiresUtc { get; init; }

    public DateTime? RevokedUtc { get; set; }

    /// <summary>How the editor's link list names the link's state; expired at the instant the link stops opening.</summary>
    public string StateAt(DateTime nowUtc) => RevokedUtc is not null ? "已撤销" : ExpiresUtc <= nowUtc ? "已过期" : "有效";
}

internal sealed class PreviewLinkConfiguration : IEntityTypeConfiguration<PreviewLink>
{
    public void Configure(EntityTypeBuilder<PreviewLink> e)
    {
        e.ToTable("PreviewLinks");
        e.HasKey(x => x.Id);
        e.Property(x => x.ContentItemId).HasMaxLength(26);
        e.Property(x => x.TokenHash).HasMaxLength(64);
        e.Property(x => x.CreatedBy).HasMaxLength(256);
        e.HasIndex(x => x.TokenHash).IsUnique();
        e.HasIndex(x => x.ContentItemId);
    }
}

/// <summary>Creates, checks and revokes preview links; creation and revocation are audited.</summary>
public sealed class PreviewLinks(AppDbContext db, AuditLog audit, TimeProvider clock)
{
    public const string Prefix = "pv_";

    public async Task<(PreviewLink Link, string Token)> CreateAsync(Actor actor, string itemId, int version, TimeSpan lifetime, CancellationToken cancellationToken = default)
    {
        var token = Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = clock.GetUtcNow().UtcDateTime;
        var link = new PreviewLink { ContentItemId = itemId, VersionNumber = version, TokenHash = Hash(token), CreatedBy = actor.Name, CreatedUtc = now, ExpiresUtc = now + lifetime };
        db.Set<PreviewLink>().Add(link);
        audit.Stage(actor.Name, AuditActions.PreviewLinkCreated, itemId, $"有效期至 {Contents.SiteTime.ToLocal(link.ExpiresUtc):yyyy-MM-dd HH:mm}", version, address: actor.Address);
        await db.SaveChangesAsync(cancellationToken);
        return (link, token);
    }

    /// <summary>The live link for a token, or null when unknown, expired or revoked.</summary>
    public async Task<PreviewLink?> ValidateAsync(string token, CancellationToken cancellationToken = default)
    {
        if (!token.StartsWith(Prefix, StringComparison.Ordinal) || token.Length > 100)
        {
            return null;
        }

        var hash = Hash(token);
        var link = await db.Set<PreviewLink>().AsNoTracking().FirstOrDefaultAsync(l => l.TokenHash == hash, cancellationToken);
        return link is null || link.RevokedUtc is not null || link.ExpiresUtc <= clock.GetUtcNow().UtcDateTime ? null : link;
    }

    public async Task<IReadOnlyList<PreviewLink>> ListAsync(string itemId, CancellationToken cancellationToken = default) =>
        await db.Set<PreviewLink>().AsNoTracking().Where(l => l.ContentItemId == itemId).OrderByDescending(l => l.Id).Take(20).ToListAsync(cancellationToken);

    public async Task<bool> RevokeAsync(Actor actor, string itemId, long linkId, CancellationToken cancellationToken = default)
    {
        var link = await db.Set<PreviewLink>().FirstOrDefaultAsync(l => l.Id == linkId && l.ContentItemId == itemId, cancellationToken);
        if (link is null || link.RevokedUtc is not null)
        {
            return false;
        }

        link.RevokedUtc = clock.GetUtcNow().UtcDateTime;
        audit.Stage(actor.Name, AuditActions.PreviewLinkRevoked, itemId, $"链接 #{link.Id}", link.VersionNumber, address: actor.Address);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
