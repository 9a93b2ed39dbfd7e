using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using PublicitySite.Contents;
using PublicitySite.Users;

namespace PublicitySite.Storage;

/// <summary>
/// The one database. Provider-specific subclasses exist only so each provider keeps its own migrations.
/// </summary>
public abstract class AppDbContext(DbContextOptions options) : IdentityDbContext<AppUser>(options)
{
    public DbSet<ContentItem> ContentItems => Set<ContentItem>();

    public DbSet<ContentItemVersion> ContentItemVersions => Set<ContentItemVersion>();

    public DbSet<RouteRedirect> RouteRedirects => Set<RouteRedirect>();

    public DbSet<ContentTag> ContentTags => Set<ContentTag>();

    public DbSet<StoredDocument> Documents => Set<StoredDocument>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // SQLite hands DateTime back without a kind; everything stored is UTC, so say so on the way out.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<NullableUtcConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<ContentItem>(e =>
        {
            e.ToTable("ContentItems");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(26);
            e.Property(x => x.ContentType).HasMaxLength(64);
            e.Property(x => x.Owner).HasMaxLength(256);
            e.Property(x => x.Path).HasMaxLength(300);
            e.Property(x => x.ImportKey).HasMaxLength(400);
            e.HasIndex(x => x.Path).IsUnique();
            e.HasIndex(x => x.ImportKey).IsUnique();
            e.HasIndex(x => new { x.ContentType, x.Deleted });
        });

        builder.Entity<ContentItemVersion>(e =>
        {
            e.ToTable("ContentItemVersions");
            e.HasKey(x => x.Id);
            e.Property(x => x.ContentItemId).HasMaxLength(26);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.ContentType).HasMaxLength(64);
            e.Property(x => x.Title).HasMaxLength(300);
            e.Property(x => x.Slug).HasMaxLength(100);
            e.Property(x => x.Column).HasMaxLength(64);
            e.Property(x => x.Author).HasMaxLength(256);
            e.Property(x => x.ContentHash).HasMaxLength(64);
            e.HasIndex(x => new { x.ContentItemId, x.Number }).IsUnique();
            e.HasIndex(x => new { x.Published, x.ContentType, x.Column, x.PublishedUtc });
            e.HasIndex(x => new { x.Latest, x.ContentType, x.Status, x.ModifiedUtc });
            e.HasOne<ContentItem>().WithMany().HasForeignKey(x => x.ContentItemId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<RouteRedirect>(e =>
        {
            e.ToTable("RouteRedirects");
            e.HasKey(x => x.Path);
            e.Property(x => x.Path).HasMaxLength(300);
            e.Property(x => x.ContentItemId).HasMaxLength(26);
            e.HasOne<ContentItem>().WithMany().HasForeignKey(x => x.ContentItemId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<ContentTag>(e =>
        {
            e.ToTable("ContentTags");
            e.HasKey(x => new { x.VersionId, x.Tag });
            e.Property(x => x.Tag).HasMaxLength(64);
            e.HasIndex(x => x.Tag);
            e.HasOne<ContentItemVersion>().WithMany().HasForeignKey(x => x.VersionId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<StoredDocument>(e =>
        {
            e.ToTable("Documents");
            e.HasKey(x => x.Key);
            e.Property(x => x.Key).HasMaxLength(100);
        });
        // Features keep their tables' mapping in their own folder as IEntityTypeConfiguration<T> classes.
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }

    internal sealed class UtcConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    internal sealed class NullableUtcConverter() : ValueConverter<DateTime?, DateTime?>(
        v => v == null ? v : v.Value.Kind == DateTimeKind.Utc ? v : v.Value.ToUniversalTime(),
        v => v == null ? v : DateTime.SpecifyKind(v.Value, DateTimeKind.Utc));
}
