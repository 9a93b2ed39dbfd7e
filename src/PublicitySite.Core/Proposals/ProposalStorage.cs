using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PublicitySite.Contents;

namespace PublicitySite.Proposals;

internal sealed class ProposalEventConfiguration : IEntityTypeConfiguration<ProposalEvent>
{
    public void Configure(EntityTypeBuilder<ProposalEvent> e)
    {
        e.ToTable("ProposalEvents");
        e.HasKey(x => x.Id);
        e.Property(x => x.ContentItemId).HasMaxLength(26);
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.RecordedBy).HasMaxLength(256);
        e.Property(x => x.Role).HasMaxLength(100);
        e.Property(x => x.Unit).HasMaxLength(100);
        e.Property(x => x.Note).HasMaxLength(4000);
        e.Property(x => x.CoUnits).HasMaxLength(500);
        e.Property(x => x.MergedInto).HasMaxLength(100);
        e.Property(x => x.ReplyClass).HasMaxLength(10);
        e.Property(x => x.ReplyRefNo).HasMaxLength(100);
        e.Property(x => x.ReplyPdf).HasMaxLength(300);
        e.Property(x => x.Verdict).HasMaxLength(10);
        e.HasIndex(x => new { x.ContentItemId, x.Date });
        e.HasIndex(x => x.RecordedUtc);
        e.HasOne<ContentItem>().WithMany().HasForeignKey(x => x.ContentItemId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProposalRecordConfiguration : IEntityTypeConfiguration<ProposalRecord>
{
    public void Configure(EntityTypeBuilder<ProposalRecord> e)
    {
        e.ToTable("ProposalRecords");
        e.HasKey(x => x.ContentItemId);
        e.Property(x => x.ContentItemId).HasMaxLength(26);
        e.Property(x => x.Number).HasMaxLength(40);
        e.Property(x => x.Title).HasMaxLength(300);
        e.Property(x => x.Path).HasMaxLength(300);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Category).HasMaxLength(50);
        e.Property(x => x.Sector).HasMaxLength(50);
        e.Property(x => x.ProposerType).HasMaxLength(20);
        e.Property(x => x.Proposers).HasMaxLength(500);
        e.Property(x => x.LeadUnit).HasMaxLength(100);
        e.Property(x => x.CoUnits).HasMaxLength(500);
        e.Property(x => x.Supervisor).HasMaxLength(100);
        e.Property(x => x.ReplyClass).HasMaxLength(10);
        e.Property(x => x.Verdict).HasMaxLength(10);
        e.HasIndex(x => new { x.Term, x.Meeting, x.Seq }).IsUnique();
        e.HasIndex(x => new { x.Published, x.PublicConsent, x.Term, x.Meeting });
        e.HasIndex(x => new { x.Status, x.DueOn });
        e.HasOne<ContentItem>().WithOne().HasForeignKey<ProposalRecord>(x => x.ContentItemId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProposalProposerConfiguration : IEntityTypeConfiguration<ProposalProposer>
{
    public void Configure(EntityTypeBuilder<ProposalProposer> e)
    {
        e.ToTable("ProposalProposers");
        e.HasKey(x => new { x.ContentItemId, x.Position });
        e.Property(x => x.ContentItemId).HasMaxLength(26);
        e.Property(x => x.Name).HasMaxLength(100);
        e.Property(x => x.MemberId).HasMaxLength(26);
        e.HasIndex(x => x.MemberId);
        e.HasIndex(x => x.Name);
        e.HasOne<ContentItem>().WithMany().HasForeignKey(x => x.ContentItemId).OnDelete(DeleteBehavior.Cascade);
    }
}
