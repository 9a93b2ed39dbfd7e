using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PublicitySite.SiteMigration;

public enum LegacyKind
{
    /// <summary>An article page: answers with its item's public address.</summary>
    Article,

    /// <summary>A column list page (and its pages): answers with the column's address.</summary>
    List,

    /// <summary>A picture or attachment: answers with its media library copy.</summary>
    File,
}

/// <summary>
/// An address of the old site and what it became. The table is the 301 map (kept for ever) and the importer's
/// memory: an article with a row was imported, and its <see cref="SourceHash"/> tells whether its page changed.
/// </summary>
internal sealed class LegacyAddress
{
    /// <summary>Path and query as the old site wrote them (<c>/zxyw/202403/t20240312_123.html</c>).</summary>
    public required string OldPath { get; set; }

    public LegacyKind Kind { get; set; }

    public string? ContentItemId { get; set; }

    public string? ColumnKey { get; set; }

    public string? MediaId { get; set; }

    public string? SourceHash { get; set; }

    /// <summary>The run that last imported or checked it; a resumed run skips what it already did.</summary>
    public long? LastRunId { get; set; }

    public DateTime ImportedUtc { get; set; }

    public DateTime UpdatedUtc { get; set; }
}

internal sealed class LegacyAddressConfiguration : IEntityTypeConfiguration<LegacyAddress>
{
    public void Configure(EntityTypeBuilder<LegacyAddress> e)
    {
        e.ToTable("LegacyAddresses");
        e.HasKey(x => x.OldPath);
        e.Property(x => x.OldPath).HasMaxLength(400);
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(10);
        e.Property(x => x.ContentItemId).HasMaxLength(26);
        e.Property(x => x.ColumnKey).HasMaxLength(64);
        e.Property(x => x.MediaId).HasMaxLength(26);
        e.Property(x => x.SourceHash).HasMaxLength(64);
        e.HasIndex(x => x.ContentItemId);
    }
}
