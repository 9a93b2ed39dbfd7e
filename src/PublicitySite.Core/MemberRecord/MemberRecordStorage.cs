using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PublicitySite.Contents;

namespace PublicitySite.MemberRecord;

internal sealed class PortalOpinionConfiguration : IEntityTypeConfiguration<PortalOpinion>
{
    public void Configure(EntityTypeBuilder<PortalOpinion> e)
    {
        e.ToTable("PortalOpinions");
        e.HasKey(x => x.Id);
        e.Property(x => x.Owner).HasMaxLength(256);
        e.Property(x => x.MemberId).HasMaxLength(26);
        e.Property(x => x.ContentItemId).HasMaxLength(26);
        e.Property(x => x.Title).HasMaxLength(300);
        e.Property(x => x.Adoption).HasMaxLength(50);
        e.Property(x => x.Remark).HasMaxLength(1000);
        e.HasIndex(x => x.Owner);
        e.HasIndex(x => x.MemberId);
        e.HasIndex(x => x.ContentItemId).IsUnique();
        e.HasOne<ContentItem>().WithMany().HasForeignKey(x => x.ContentItemId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> e)
    {
        e.ToTable("Meetings");
        e.HasKey(x => x.Id);
        e.Property(x => x.Title).HasMaxLength(200);
        e.Property(x => x.Kind).HasMaxLength(50);
        e.Property(x => x.CreatedBy).HasMaxLength(256);
        e.HasIndex(x => x.Date);
        e.HasMany(x => x.Roster).WithOne().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MeetingAttendanceConfiguration : IEntityTypeConfiguration<MeetingAttendance>
{
    public void Configure(EntityTypeBuilder<MeetingAttendance> e)
    {
        e.ToTable("MeetingAttendance");
        e.HasKey(x => new { x.MeetingId, x.MemberId });
        e.Property(x => x.MemberId).HasMaxLength(26);
        e.Property(x => x.Name).HasMaxLength(200);
        e.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
        e.HasIndex(x => x.MemberId);
    }
}
