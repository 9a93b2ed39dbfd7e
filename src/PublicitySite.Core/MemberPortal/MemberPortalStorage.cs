using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PublicitySite.Contents;

namespace PublicitySite.MemberPortal;

internal sealed class MemberAccountConfiguration : IEntityTypeConfiguration<MemberAccount>
{
    public void Configure(EntityTypeBuilder<MemberAccount> e)
    {
        e.ToTable("MemberAccounts");
        e.HasKey(x => x.UserName);
        e.Property(x => x.UserName).HasMaxLength(256);
        e.Property(x => x.MemberId).HasMaxLength(26);
        e.Property(x => x.Name).HasMaxLength(100);
        e.HasIndex(x => x.MemberId).IsUnique();
        e.HasIndex(x => x.Name);
        e.HasOne<ContentItem>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PortalProposalConfiguration : IEntityTypeConfiguration<PortalProposal>
{
    public void Configure(EntityTypeBuilder<PortalProposal> e)
    {
        e.ToTable("PortalProposals");
        e.HasKey(x => x.Id);
        e.Property(x => x.Owner).HasMaxLength(256);
        e.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Title).HasMaxLength(300);
        e.Property(x => x.Grounds).HasMaxLength(20000);
        e.Property(x => x.Suggestions).HasMaxLength(20000);
        e.Property(x => x.Category).HasMaxLength(50);
        e.Property(x => x.ContentItemId).HasMaxLength(26);
        e.Property(x => x.EvaluationComment).HasMaxLength(2000);
        e.HasIndex(x => x.Owner);
        e.HasIndex(x => x.ContentItemId).IsUnique();
        e.HasMany(x => x.Cosigners).WithOne().HasForeignKey(x => x.PortalProposalId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PortalCosignerConfiguration : IEntityTypeConfiguration<PortalCosigner>
{
    public void Configure(EntityTypeBuilder<PortalCosigner> e)
    {
        e.ToTable("PortalCosigners");
        e.HasKey(x => new { x.PortalProposalId, x.UserName });
        e.Property(x => x.UserName).HasMaxLength(256);
        e.Property(x => x.Name).HasMaxLength(100);
        e.Property(x => x.MemberId).HasMaxLength(26);
        e.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
        e.HasIndex(x => new { x.UserName, x.State });
    }
}

internal sealed class PortalAttachmentConfiguration : IEntityTypeConfiguration<PortalAttachment>
{
    public void Configure(EntityTypeBuilder<PortalAttachment> e)
    {
        e.ToTable("PortalAttachments");
        e.HasKey(x => x.Id);
        e.Property(x => x.FileName).HasMaxLength(200);
        e.Property(x => x.Format).HasConversion<string>().HasMaxLength(10);
        e.Property(x => x.Hash).HasMaxLength(64);
        e.Property(x => x.UploadedBy).HasMaxLength(256);
        e.HasIndex(x => x.PortalProposalId);
        e.HasIndex(x => x.Hash);
        e.HasOne<PortalProposal>().WithMany().HasForeignKey(x => x.PortalProposalId).OnDelete(DeleteBehavior.Cascade);
    }
}
