using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PublicitySite.Words;

/// <summary>
/// An administrator's change to the word list: a new term, or an override of a recipe term (including
/// switching it off). The recipe stays the baseline; these rows win over it by term.
/// </summary>
internal sealed class WordEntry
{
    public long Id { get; set; }

    public required string Term { get; set; }

    public string? Replacement { get; set; }

    public WordLevel Level { get; set; }

    public string? Note { get; set; }

    public bool Enabled { get; set; } = true;

    public required string UpdatedBy { get; set; }

    public DateTime UpdatedUtc { get; set; }
}

internal sealed class WordEntryConfiguration : IEntityTypeConfiguration<WordEntry>
{
    public void Configure(EntityTypeBuilder<WordEntry> e)
    {
        e.ToTable("WordEntries");
        e.HasKey(x => x.Id);
        e.Property(x => x.Term).HasMaxLength(100);
        e.Property(x => x.Replacement).HasMaxLength(200);
        e.Property(x => x.Note).HasMaxLength(500);
        e.Property(x => x.Level).HasConversion<string>().HasMaxLength(10);
        e.Property(x => x.UpdatedBy).HasMaxLength(256);
        e.HasIndex(x => x.Term).IsUnique();
    }
}
