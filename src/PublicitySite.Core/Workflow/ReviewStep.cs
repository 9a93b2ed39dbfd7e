using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PublicitySite.Workflow;

public enum ReviewDecision
{
    /// <summary>The author sent the version to the first stage.</summary>
    Submitted,

    /// <summary>The stage passed the version on (at the last stage: 签发).</summary>
    Approved,

    /// <summary>The stage sent the version back, to its author or to an earlier stage.</summary>
    Returned,
}

/// <summary>How the history, the review page, the proposal office and the API name a decision.</summary>
public static class ReviewDecisions
{
    public const string Approved = "通过";

    public const string Returned = "退回";

    /// <summary>A return with where it went: an earlier stage, or the author when none is recorded.</summary>
    public static string ReturnedTo(string? target) => "退回至" + (target ?? WorkflowService.AuthorTarget);
}

/// <summary>
/// One decision on one version, with the opinion (意见), signer and time: the rows the 审签单 is made of.
/// Append-only: a return to an earlier stage adds a row and never rewrites the opinions given before it.
/// </summary>
public sealed class ReviewStep
{
    public long Id { get; init; }

    /// <summary>The <c>ContentItemVersion.Id</c> decided on.</summary>
    public long VersionId { get; init; }

    public required string ContentItemId { get; init; }

    public int Number { get; init; }

    /// <summary>Index of the stage that decided (-1 for the author's submission).</summary>
    public int StageIndex { get; init; }

    /// <summary>The stage's name as the recipe had it at the time (提交 for the author's submission).</summary>
    public required string Stage { get; init; }

    public ReviewDecision Decision { get; init; }

    public required string By { get; init; }

    public DateTime AtUtc { get; init; }

    public string? Comment { get; init; }

    /// <summary>On a return: the stage it went back to, or null for the author.</summary>
    public string? ReturnedTo { get; init; }
}

internal sealed class ReviewStepConfiguration : IEntityTypeConfiguration<ReviewStep>
{
    public void Configure(EntityTypeBuilder<ReviewStep> e)
    {
        e.ToTable("ReviewSteps");
        e.HasKey(x => x.Id);
        e.Property(x => x.ContentItemId).HasMaxLength(26);
        e.Property(x => x.Stage).HasMaxLength(100);
        e.Property(x => x.By).HasMaxLength(256);
        e.Property(x => x.Comment).HasMaxLength(2000);
        e.Property(x => x.ReturnedTo).HasMaxLength(100);
        e.Property(x => x.Decision).HasConversion<string>().HasMaxLength(16);
        e.HasIndex(x => new { x.ContentItemId, x.Number });
        e.HasOne<Contents.ContentItemVersion>().WithMany().HasForeignKey(x => x.VersionId).OnDelete(DeleteBehavior.Cascade);
    }
}
