using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PublicitySite.SiteMigration;

/// <summary>
/// One run of the importer, kept so an interrupted run resumes (a run without <see cref="FinishedUtc"/> for the
/// same base address is taken up again) and so its report can be read later. Counts are saved as it goes.
/// </summary>
public sealed class MigrationRun
{
    public long Id { get; set; }

    public required string BaseUrl { get; set; }

    public required string StartedBy { get; set; }

    public DateTime StartedUtc { get; set; }

    public DateTime? FinishedUtc { get; set; }

    public bool Publish { get; set; }

    public int Found { get; set; }

    public int Imported { get; set; }

    public int Updated { get; set; }

    public int Skipped { get; set; }

    public int Failed { get; set; }

    public int Resumes { get; set; }

    /// <summary>JSON: failures and other problems, each with its address and reason.</summary>
    public string Problems { get; set; } = "[]";

    /// <summary>The Chinese report once the run ends.</summary>
    public string? Report { get; set; }
}

internal sealed class MigrationRunConfiguration : IEntityTypeConfiguration<MigrationRun>
{
    public void Configure(EntityTypeBuilder<MigrationRun> e)
    {
        e.ToTable("MigrationRuns");
        e.HasKey(x => x.Id);
        e.Property(x => x.BaseUrl).HasMaxLength(300);
        e.Property(x => x.StartedBy).HasMaxLength(256);
        e.HasIndex(x => new { x.BaseUrl, x.FinishedUtc });
    }
}
