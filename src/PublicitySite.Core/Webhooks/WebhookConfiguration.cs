using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PublicitySite.Webhooks;

internal sealed class WebhookConfiguration : IEntityTypeConfiguration<Webhook>
{
    public void Configure(EntityTypeBuilder<Webhook> e)
    {
        e.ToTable("Webhooks");
        e.HasKey(x => x.Id);
        e.Property(x => x.Url).HasMaxLength(500);
        e.Property(x => x.Events).HasMaxLength(200);
        e.Property(x => x.Secret).HasMaxLength(100);
        e.Property(x => x.PausedReason).HasMaxLength(500);
    }
}

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> e)
    {
        e.ToTable("WebhookDeliveries");
        e.HasKey(x => x.Id);
        e.Property(x => x.Event).HasMaxLength(50);
        e.Property(x => x.LastError).HasMaxLength(500);
        e.HasIndex(x => new { x.DeliveredUtc, x.Abandoned, x.NextAttemptUtc });
        e.HasIndex(x => x.WebhookId);
        e.HasOne<Webhook>().WithMany().HasForeignKey(x => x.WebhookId).OnDelete(DeleteBehavior.Cascade);
    }
}
