using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PublicitySite.Audit;

/// <summary>
/// One line of the append-only audit trail. Properties are init-only: the application has no way to change a
/// line once written, and no code path deletes one.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; init; }

    public DateTime AtUtc { get; init; }

    /// <summary>User name, or <c>system</c> for the scheduler.</summary>
    public required string Actor { get; init; }

    /// <summary>Client address the request came from, when there was a request.</summary>
    public string? Address { get; init; }

    /// <summary>What happened, one of <see cref="AuditActions"/>.</summary>
    public required string Action { get; init; }

    /// <summary>What it happened to: a content item id, a user name, a setting key.</summary>
    public string? Target { get; init; }

    public int? Version { get; init; }

    /// <summary>SHA-256 of the exact version approved or published.</summary>
    public string? ContentHash { get; init; }

    /// <summary>Free text for people: the stage, the comment, the new role.</summary>
    public string? Detail { get; init; }
}

public static class AuditActions
{
    public const string Created = "content.create";
    public const string Saved = "content.save";
    public const string Submitted = "content.submit";
    public const string Approved = "content.approve";
    public const string Rejected = "content.reject";
    public const string Published = "content.publish";
    public const string Scheduled = "content.schedule";
    public const string Unpublished = "content.unpublish";
    public const string UnpublishScheduled = "content.scheduleUnpublish";
    public const string Restored = "content.restore";
    public const string Denied = "permission.denied";
    public const string Login = "auth.login";
    public const string LoginFailed = "auth.loginFailed";
    public const string Logout = "auth.logout";
    public const string UserCreated = "user.create";
    public const string RoleChanged = "user.role";
    public const string PasswordSet = "user.password";
    public const string TwoFactorEnabled = "user.twoFactor";
    public const string TwoFactorReset = "user.twoFactorReset";
    public const string UserDisabled = "user.disable";
    public const string UserEnabled = "user.enable";
    public const string SettingChanged = "settings.change";
    public const string WordsChanged = "words.change";
    public const string PreviewLinkCreated = "preview.create";
    public const string PreviewLinkRevoked = "preview.revoke";
    public const string ProposalFiled = "proposal.file";
    public const string ProposalEvent = "proposal.event";
    public const string ProposalImported = "proposal.import";
    public const string ProposalPublished = "proposal.publish";
    public const string ProposalDirectory = "proposal.directory";
    public const string TokenCreated = "token.create";
    public const string TokenRevoked = "token.revoke";
    public const string WebhookCreated = "webhook.create";
    public const string WebhookChanged = "webhook.change";
    public const string WebhookDeleted = "webhook.delete";
    public const string WebhookRetried = "webhook.retry";
    public const string SearchReindex = "search.reindex";
    public const string SynonymsChanged = "search.synonyms";
    public const string Curated = "content.curate";
    public const string MenuChanged = "site.menu";
    public const string BackupRestored = "site.restore";
    public const string MemberAccountLinked = "member.account";
    public const string PortalDraftSaved = "portal.draft";
    public const string PortalCosign = "portal.cosign";
    public const string PortalSubmitted = "portal.submit";
    public const string PortalEvaluated = "portal.evaluate";
    public const string OpinionReported = "opinion.report";
    public const string OpinionAdoption = "opinion.adopt";
    public const string MeetingRecorded = "meeting.record";
    public const string PortalConsent = "portal.consent";
    public const string PortalAttachment = "portal.attachment";
    public const string MailRetried = "mail.retry";
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> e)
    {
        e.ToTable("AuditEntries");
        e.HasKey(x => x.Id);
        e.Property(x => x.Actor).HasMaxLength(256);
        e.Property(x => x.Address).HasMaxLength(64);
        e.Property(x => x.Action).HasMaxLength(40);
        e.Property(x => x.Target).HasMaxLength(256);
        e.Property(x => x.ContentHash).HasMaxLength(64);
        e.Property(x => x.Detail).HasMaxLength(2000);
        e.HasIndex(x => x.AtUtc);
        e.HasIndex(x => new { x.Action, x.AtUtc });
        e.HasIndex(x => new { x.Actor, x.AtUtc });
        e.HasIndex(x => x.Target);
    }
}
