using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PublicitySite.Changes;

/// <summary>
/// One committed change to an item, written in the same transaction as the change itself: the durable,
/// ordered record every search index (one per node) works through to its own checkpoint.
/// </summary>
internal sealed class ChangeLogEntry
{
    /// <summary>Allocated by the database in insertion order. Commit order may differ (see <see cref="ChangeLogCursor"/>).</summary>
    public long Id { get; set; }

    public required string ContentItemId { get; init; }

    /// <summary>What changed: Saved, Published, Unpublished, Deleted (a content change) or Status (a proposal's recorded step).</summary>
    public required string Kind { get; init; }

    public int Version { get; init; }

    public DateTime RecordedUtc { get; init; }
}

internal sealed class ChangeLogEntryConfiguration : IEntityTypeConfiguration<ChangeLogEntry>
{
    public void Configure(EntityTypeBuilder<ChangeLogEntry> builder)
    {
        builder.ToTable("ChangeLog");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedOnAdd();
        builder.Property(x => x.ContentItemId).HasMaxLength(26);
        builder.Property(x => x.Kind).HasMaxLength(16);
        builder.HasIndex(x => x.RecordedUtc);
    }
}
