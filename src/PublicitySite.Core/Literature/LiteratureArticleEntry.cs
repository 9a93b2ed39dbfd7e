using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PublicitySite.Literature;

/// <summary>
/// One published article (篇) with what a collection's table of contents shows and sorts by, so a contents
/// page never loads the long texts.
/// </summary>
public sealed class LiteratureArticleEntry
{
    public required string ContentItemId { get; init; }

    public string? CollectionId { get; set; }

    /// <summary>篇序 when given; otherwise the first printed page decides the order.</summary>
    public int? Order { get; set; }

    public int? FirstPage { get; set; }

    public required string Title { get; set; }

    public required string Path { get; set; }

    /// <summary>作者 / 口述 / 整理 as one line, e.g. "口述：孟春林，整理：贺秋".</summary>
    public string? Credits { get; set; }

    public string? Pages { get; set; }

    public string? Period { get; set; }

    public string? Place { get; set; }
}

internal sealed class LiteratureArticleEntryConfiguration : IEntityTypeConfiguration<LiteratureArticleEntry>
{
    public void Configure(EntityTypeBuilder<LiteratureArticleEntry> e)
    {
        e.ToTable("LiteratureArticles");
        e.HasKey(x => x.ContentItemId);
        e.Property(x => x.ContentItemId).HasMaxLength(26);
        e.Property(x => x.CollectionId).HasMaxLength(26);
        e.Property(x => x.Title).HasMaxLength(300);
        e.Property(x => x.Path).HasMaxLength(300);
        e.Property(x => x.Credits).HasMaxLength(320);
        e.Property(x => x.Pages).HasMaxLength(20);
        e.Property(x => x.Period).HasMaxLength(50);
        e.Property(x => x.Place).HasMaxLength(100);
        e.HasIndex(x => new { x.CollectionId, x.Order, x.FirstPage });
    }
}
