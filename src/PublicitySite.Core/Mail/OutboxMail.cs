using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PublicitySite.Mail;

public enum MailState
{
    Pending,
    Sent,
    Failed,
}

/// <summary>
/// One e-mail in the durable outbox (table <c>MailOutbox</c>): staged in the transaction of what it announces,
/// sent afterwards by the background sender, retried with growing waits, kept with its last error.
/// </summary>
public sealed class OutboxMail
{
    public long Id { get; set; }

    public required string To { get; init; }

    /// <summary>The user it is for, so the office sees whom a failed mail concerned.</summary>
    public string? UserName { get; init; }

    public required string Subject { get; init; }

    public required string Body { get; init; }

    public MailState State { get; set; }

    public int Attempts { get; set; }

    public DateTime CreatedUtc { get; init; }

    public DateTime NextAttemptUtc { get; set; }

    public DateTime? SentUtc { get; set; }

    public string? LastError { get; set; }
}

internal sealed class OutboxMailConfiguration : IEntityTypeConfiguration<OutboxMail>
{
    public void Configure(EntityTypeBuilder<OutboxMail> e)
    {
        e.ToTable("MailOutbox");
        e.HasKey(x => x.Id);
        e.Property(x => x.To).HasMaxLength(200);
        e.Property(x => x.UserName).HasMaxLength(256);
        e.Property(x => x.Subject).HasMaxLength(300);
        e.Property(x => x.Body).HasMaxLength(20000);
        e.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.LastError).HasMaxLength(1000);
        e.HasIndex(x => new { x.State, x.NextAttemptUtc });
    }
}
