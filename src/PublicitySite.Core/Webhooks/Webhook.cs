namespace PublicitySite.Webhooks;

/// <summary>An address other systems asked to be told at when content changes.</summary>
public sealed class Webhook
{
    public long Id { get; set; }

    public required string Url { get; set; }

    /// <summary>Space-separated event names; see <see cref="WebhookEvents"/>.</summary>
    public required string Events { get; set; }

    /// <summary>Key of the HMAC-SHA256 signature on every delivery.</summary>
    public required string Secret { get; init; }

    public bool Active { get; set; } = true;

    public DateTime CreatedUtc { get; init; }

    /// <summary>Failed attempts in a row against this hook, whatever the delivery; a success resets it.</summary>
    public int ConsecutiveFailures { get; set; }

    /// <summary>No delivery to this hook is tried before then: the hook's back-off, doubling from FirstRetry.</summary>
    public DateTime? RetryAfterUtc { get; set; }

    /// <summary>
    /// Set when the hook failed <see cref="WebhookOptions.PauseAfterFailures"/> times in a row: it is inactive and
    /// its deliveries wait (they are not given up) until an administrator enables it again.
    /// </summary>
    public DateTime? PausedUtc { get; set; }

    public string? PausedReason { get; set; }

    public bool Wants(string eventName) => Events.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(eventName);
}

/// <summary>One event to send to one hook: the outbox row, and the delivery log.</summary>
public sealed class WebhookDelivery
{
    public long Id { get; set; }

    public long WebhookId { get; init; }

    public required string Event { get; init; }

    public required string Payload { get; init; }

    public DateTime CreatedUtc { get; init; }

    public int Attempts { get; set; }

    public DateTime NextAttemptUtc { get; set; }

    public DateTime? DeliveredUtc { get; set; }

    /// <summary>Gave up after <see cref="WebhookOptions.MaxAttempts"/>.</summary>
    public bool Abandoned { get; set; }

    public int? LastStatus { get; set; }

    public string? LastError { get; set; }
}

public static class WebhookEvents
{
    public const string Published = "content.published";
    public const string Unpublished = "content.unpublished";
    public const string ProposalStatusChanged = "proposal.status";

    public static IReadOnlyList<string> All { get; } = [Published, Unpublished, ProposalStatusChanged];
}

/// <summary>Bound from the <c>Webhooks</c> section.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    public int MaxAttempts { get; set; } = 8;

    /// <summary>
    /// After a failure the hook is left alone this long; each further failure in a row doubles it (at most an
    /// hour). The wait is per hook, so a dead receiver costs one attempt per wait, not one per queued event.
    /// </summary>
    public TimeSpan FirstRetry { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Failures in a row after which the hook is paused with a notice on /admin/webhooks.</summary>
    public int PauseAfterFailures { get; set; } = 10;

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Off on nodes that should not send (only one node needs to).</summary>
    public bool Dispatch { get; set; } = true;
}
