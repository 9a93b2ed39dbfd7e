using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PublicitySite.Media;

/// <summary>
/// An uploaded file as editors know it: what it shows (alt, caption, credit), where it is filed, and the hash
/// of the stored bytes. The id stays when the file is replaced; the hash (and so every URL) changes.
/// </summary>
public sealed class MediaAsset
{
    public required string Id { get; init; }

    public MediaFormat Format { get; set; }

    /// <summary>SHA-256 (hex) of the stored, re-encoded bytes: the storage address and the URL fingerprint.</summary>
    public required string Hash { get; set; }

    public long Length { get; set; }

    public int Width { get; set; }

    public int Height { get; set; }

    /// <summary>The name the file was sent with, cleaned, for display and downloads only (never a path).</summary>
    public required string FileName { get; set; }

    public string Alt { get; set; } = "";

    public string? Caption { get; set; }

    /// <summary>摄影 / 来源 credit shown under the picture.</summary>
    public string? Credit { get; set; }

    public string? Folder { get; set; }

    /// <summary>Focal point (0..1 from the left and top) that portrait crops keep in frame.</summary>
    public double FocalX { get; set; } = 0.5;

    public double FocalY { get; set; } = 0.5;

    public required string UploadedBy { get; init; }

    public DateTime CreatedUtc { get; init; }

    public DateTime ModifiedUtc { get; set; }

    public List<MediaTag> Tags { get; set; } = [];
}

/// <summary>A tag of an asset, in its own table so the library filters by index.</summary>
public sealed class MediaTag
{
    public required string MediaId { get; init; }

    public required string Tag { get; init; }
}

/// <summary>One content item that refers to an asset, kept current as content is saved.</summary>
internal sealed class MediaUsage
{
    public required string MediaId { get; init; }

    public required string ContentItemId { get; init; }
}

internal sealed class MediaAssetConfiguration : IEntityTypeConfiguration<MediaAsset>, IEntityTypeConfiguration<MediaTag>, IEntityTypeConfiguration<MediaUsage>
{
    public void Configure(EntityTypeBuilder<MediaAsset> e)
    {
        e.ToTable("MediaAssets");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).HasMaxLength(26);
        e.Property(x => x.Format).HasConversion<string>().HasMaxLength(10);
        e.Property(x => x.Hash).HasMaxLength(64);
        e.Property(x => x.FileName).HasMaxLength(200);
        e.Property(x => x.Alt).HasMaxLength(300);
        e.Property(x => x.Caption).HasMaxLength(500);
        e.Property(x => x.Credit).HasMaxLength(100);
        e.Property(x => x.Folder).HasMaxLength(100);
        e.Property(x => x.UploadedBy).HasMaxLength(256);
        e.HasIndex(x => x.Hash);
        e.HasIndex(x => new { x.Folder, x.CreatedUtc });
        e.HasIndex(x => x.CreatedUtc);
        e.HasMany(x => x.Tags).WithOne().HasForeignKey(x => x.MediaId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<MediaTag> e)
    {
        e.ToTable("MediaTags");
        e.HasKey(x => new { x.MediaId, x.Tag });
        e.Property(x => x.MediaId).HasMaxLength(26);
        e.Property(x => x.Tag).HasMaxLength(64);
        e.HasIndex(x => x.Tag);
    }

    public void Configure(EntityTypeBuilder<MediaUsage> e)
    {
        e.ToTable("MediaUsages");
        e.HasKey(x => new { x.MediaId, x.ContentItemId });
        e.Property(x => x.MediaId).HasMaxLength(26);
        e.Property(x => x.ContentItemId).HasMaxLength(26);
        e.HasIndex(x => x.ContentItemId);
    }
}
