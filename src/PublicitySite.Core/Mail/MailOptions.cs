namespace PublicitySite.Mail;

/// <summary>
/// The SMTP server that sends notices by e-mail (<c>Smtp__Host</c>, <c>Smtp__Port</c>, <c>Smtp__From</c> …).
/// Without a host and a sender address nothing is queued: in-site notices still work.
/// </summary>
public sealed class MailOptions
{
    public const string Section = "Smtp";

    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    /// <summary>The sender, as <c>address</c> or <c>名称 &lt;address&gt;</c>.</summary>
    public string? From { get; set; }

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>None, StartTls (default: use it when the server offers it), or SslOnConnect (port 465).</summary>
    public string Security { get; set; } = "Auto";

    /// <summary>Tries before a mail is marked failed and shown to the office.</summary>
    /// <summary>The site's address for links in mails (https://www.example.gov.cn); without it links are paths.</summary>
    public string? SiteUrl { get; set; }

    public int MaxAttempts { get; set; } = 5;

    /// <summary>The wait after the first failure; it doubles with each further one.</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often the sender looks for due mail when nothing wakes it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool Enabled => !string.IsNullOrWhiteSpace(Host) && !string.IsNullOrWhiteSpace(From);
}
