using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PublicitySite.Members;

/// <summary>
/// One published member, with only the public facts the directory lists, filters and sorts by. Private
/// fields (phone, ID number, address, e-mail, birth date) are never copied here.
/// </summary>
public sealed class MemberIndexEntry
{
    public required string ContentItemId { get; init; }

    public required string Name { get; set; }

    public required string SortKey { get; set; }

    public required string Initial { get; set; }

    public string? Term { get; set; }

    public string? Sector { get; set; }

    public string? Party { get; set; }

    public string? Posts { get; set; }

    public string? WorkUnit { get; set; }

    public string? JobTitle { get; set; }

    public string? Photo { get; set; }

    public required string Path { get; set; }

    public bool Sample { get; set; }
}

/// <summary>
/// A published item that names a member: a news item's explicit link, a 社情民意 reporter, a proposal's
/// proposer. Proposals name proposers by name (<see cref="MemberKey"/> "name:…"), the others by id ("id:…").
/// </summary>
public sealed class MemberLink
{
    public required string SourceItemId { get; init; }

    public required string MemberKey { get; init; }

    public required string SourceType { get; init; }

    /// <summary>For proposals: 领衔 or 联名.</summary>
    public string? Role { get; init; }

    public required string Title { get; init; }

    public required string Path { get; init; }

    public DateTime? PublishedUtc { get; init; }

    /// <summary>A short fact shown beside the title: a proposal's number and status, an opinion's adoption.</summary>
    public string? Note { get; init; }

    public static string IdKey(string memberId) => "id:" + memberId;

    public static string NameKey(string name) => "name:" + name;
}

internal sealed class MemberIndexEntryConfiguration : IEntityTypeConfiguration<MemberIndexEntry>
{
    public void Configure(EntityTypeBuilder<MemberIndexEntry> e)
    {
        e.ToTable("MemberIndex");
        e.HasKey(x => x.ContentItemId);
        e.Property(x => x.ContentItemId).HasMaxLength(26);
        e.Property(x => x.Name).HasMaxLength(200);
        e.Property(x => x.SortKey).HasMaxLength(200);
        e.Property(x => x.Term).HasMaxLength(20);
        e.Property(x => x.Sector).HasMaxLength(50);
        e.Property(x => x.Party).HasMaxLength(30);
        e.Property(x => x.Initial).HasMaxLength(1);
        e.Property(x => x.Path).HasMaxLength(300);
        e.HasIndex(x => new { x.Term, x.Sector, x.Party });
        e.HasIndex(x => x.Name);
    }
}

internal sealed class MemberLinkConfiguration : IEntityTypeConfiguration<MemberLink>
{
    public void Configure(EntityTypeBuilder<MemberLink> e)
    {
        e.ToTable("MemberLinks");
        e.HasKey(x => new { x.SourceItemId, x.MemberKey });
        e.Property(x => x.SourceItemId).HasMaxLength(26);
        e.Property(x => x.MemberKey).HasMaxLength(220);
        e.Property(x => x.SourceType).HasMaxLength(64);
        e.Property(x => x.Role).HasMaxLength(20);
        e.Property(x => x.Title).HasMaxLength(300);
        e.Property(x => x.Path).HasMaxLength(300);
        e.Property(x => x.Note).HasMaxLength(200);
        e.HasIndex(x => new { x.MemberKey, x.SourceType });
    }
}
