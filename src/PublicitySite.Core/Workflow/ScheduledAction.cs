using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PublicitySite.Workflow;

public enum ScheduledKind
{
    Publish,
    Unpublish,
}

/// <summary>
/// A publication or withdrawal due at a time. Rows live in the database, so a restart loses none, and the
/// runner takes every row already due when it starts: times missed during downtime are caught up.
/// </summary>
public sealed class ScheduledAction
{
    public long Id { get; set; }

    public required string ContentItemId { get; init; }

    public int? VersionNumber { get; init; }

    public ScheduledKind Kind { get; init; }

    public DateTime DueUtc { get; init; }

    public required string RequestedBy { get; init; }

    public DateTime? DoneUtc { get; set; }

    /// <summary>What happened when it ran (or why it was dropped), for the editors.</summary>
    public string? Outcome { get; set; }
}

internal sealed class ScheduledActionConfiguration : IEntityTypeConfiguration<ScheduledAction>
{
    public void Configure(EntityTypeBuilder<ScheduledAction> e)
    {
        e.ToTable("ScheduledActions");
        e.HasKey(x => x.Id);
        e.Property(x => x.ContentItemId).HasMaxLength(26);
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.RequestedBy).HasMaxLength(256);
        e.Property(x => x.Outcome).HasMaxLength(500);
        e.HasIndex(x => new { x.DoneUtc, x.DueUtc });
        e.HasIndex(x => x.ContentItemId);
    }
}
