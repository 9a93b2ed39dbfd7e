using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PublicitySite.Workflow;

/// <summary>
/// The review record of one version: where it stands in the stages, who approved each, the last rejection
/// and the 错敏词 check made when it was submitted. Kept after publication as the record of who approved what.
/// </summary>
public sealed class VersionReview
{
    /// <summary>The <c>ContentItemVersion.Id</c> this record belongs to.</summary>
    public long VersionId { get; set; }

    public required string ContentItemId { get; init; }

    public int Number { get; init; }

    /// <summary>Index of the stage waiting for a decision; -1 when the version is not in review.</summary>
    public int Stage { get; set; } = -1;

    public string? SubmittedBy { get; set; }

    public DateTime? SubmittedUtc { get; set; }

    /// <summary>One line per approval: <c>stage|user|ISO time</c>, in order.</summary>
    public List<string> Approvals { get; set; } = [];

    public string? RejectComment { get; set; }

    public string? RejectedBy { get; set; }

    public DateTime? RejectedUtc { get; set; }

    /// <summary>The 错敏词 check result of the submission, as JSON.</summary>
    public string? WordCheck { get; set; }

    /// <summary>Bumped on every change so two reviewers deciding at once cannot both win.</summary>
    public int Revision { get; set; }

    public IEnumerable<string> Approvers => Approvals.Select(a => a.Split('|')).Where(p => p.Length > 1).Select(p => p[1]);
}

internal sealed class VersionReviewConfiguration : IEntityTypeConfiguration<VersionReview>
{
    public void Configure(EntityTypeBuilder<VersionReview> e)
    {
        e.ToTable("VersionReviews");
        e.HasKey(x => x.VersionId);
        e.Property(x => x.VersionId).ValueGeneratedNever();
        e.Property(x => x.ContentItemId).HasMaxLength(26);
        e.Property(x => x.SubmittedBy).HasMaxLength(256);
        e.Property(x => x.RejectedBy).HasMaxLength(256);
        e.Property(x => x.RejectComment).HasMaxLength(2000);
        e.Property(x => x.Revision).IsConcurrencyToken();
        e.HasIndex(x => new { x.ContentItemId, x.Number });
        e.HasIndex(x => x.Stage);
        e.HasOne<Contents.ContentItemVersion>().WithOne().HasForeignKey<VersionReview>(x => x.VersionId).OnDelete(DeleteBehavior.Cascade);
    }
}
