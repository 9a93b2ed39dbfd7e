using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PublicitySite.Audit;
using PublicitySite.Commands;
using PublicitySite.Contents.Definitions;
using PublicitySite.Storage;
using PublicitySite.Workflow;

namespace PublicitySite.Mail;

/// <summary>
/// The durable outbox of e-mail notices. <see cref="Stage"/> adds a mail to the caller's context, so it commits
/// with what it announces or not at all; <see cref="SendDueAsync"/> (the background sender) sends what is due,
/// doubling the wait after each failure and marking a mail failed after <see cref="MailOptions.MaxAttempts"/>;
/// the office lists them and sends a failed one again (<see cref="RetryAsync"/>, audited).
/// </summary>
public sealed class MailOutbox(AppDbContext db, IMailTransport transport, CommandAccess access, AuditLog audit, IOptions<MailOptions> options, TimeProvider clock)
{
    public const int Batch = 20;

    public bool Enabled => options.Value.Enabled;

    /// <summary>Queues a mail on the caller's context (saved with the caller's changes); nothing when mail is off or there is no address.</summary>
    public bool Stage(string? to, string? userName, string subject, string body)
    {
        if (!Enabled || string.IsNullOrWhiteSpace(to))
        {
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        db.Set<OutboxMail>().Add(new OutboxMail { To = to.Trim(), UserName = userName, Subject = subject, Body = body, CreatedUtc = now, NextAttemptUtc = now });
        return true;
    }

    /// <summary>Sends the mails that are due, oldest first; returns how many were tried.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        if (!Enabled)
        {
            return 0;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Set<OutboxMail>().Where(m => m.State == MailState.Pending && m.NextAttemptUtc <= now)
            .OrderBy(m => m.NextAttemptUtc).ThenBy(m => m.Id).Take(Batch).ToListAsync(cancellationToken);
        foreach (var mail in due)
        {
            mail.Attempts++;
            try
            {
                await transport.SendAsync(mail, cancellationToken);
                mail.State = MailState.Sent;
                mail.SentUtc = clock.GetUtcNow().UtcDateTime;
                mail.LastError = null;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                mail.LastError = Describe(ex);
                if (mail.Attempts >= Math.Max(1, options.Value.MaxAttempts))
                {
                    mail.State = MailState.Failed;
                }
                else
                {
                    mail.NextAttemptUtc = clock.GetUtcNow().UtcDateTime + Backoff(mail.Attempts);
                }
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return due.Count;
    }

    /// <summary>The wait after the <paramref name="attempts"/>th failure: RetryAfter, then twice that, … at most a day.</summary>
    public TimeSpan Backoff(int attempts)
    {
        var wait = options.Value.RetryAfter * Math.Pow(2, Math.Clamp(attempts - 1, 0, 20));
        return wait < TimeSpan.FromDays(1) ? wait : TimeSpan.FromDays(1);
    }

    /// <summary>Mails still to send or that failed, newest first, for the office.</summary>
    public Task<List<OutboxMail>> UnsentAsync(CancellationToken cancellationToken = default) =>
        db.Set<OutboxMail>().AsNoTracking().Where(m => m.State != MailState.Sent)
            .OrderByDescending(m => m.Id).Take(200).ToListAsync(cancellationToken);

    public Task<int> FailedCountAsync(CancellationToken cancellationToken = default) =>
        db.Set<OutboxMail>().CountAsync(m => m.State == MailState.Failed, cancellationToken);

    /// <summary>The office looks after mail: roles holding <c>proposals.record</c> or <c>users.manage</c>.</summary>
    public const string Refusal = "您的角色无权管理邮件通知";

    public bool MayManage(Actor actor) => access.Allows(actor, Permissions.RecordProposals) || access.Allows(actor, Permissions.ManageUsers);

    /// <summary>Sends a failed (or waiting) mail again at once, with a fresh count of tries.</summary>
    public async Task<Result<OutboxMail>> RetryAsync(Actor actor, long id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!MayManage(actor))
        {
            return new Failure.Forbidden(Refusal);
        }

        if (await db.Set<OutboxMail>().FirstOrDefaultAsync(m => m.Id == id, cancellationToken) is not { } mail)
        {
            return new Failure.NotFound("邮件不存在");
        }

        if (mail.State == MailState.Sent)
        {
            return new Failure.Conflict("该邮件已发送");
        }

        mail.State = MailState.Pending;
        mail.Attempts = 0;
        mail.NextAttemptUtc = clock.GetUtcNow().UtcDateTime;
        audit.Stage(actor.Name, AuditActions.MailRetried, "mail/" + id.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{mail.To}：{mail.Subject}", address: actor.Address);
        await db.SaveChangesAsync(cancellationToken);
        return mail;
    }

    private static string Describe(Exception ex)
    {
        var text = $"{ex.GetType().Name}: {ex.Message}";
        return text.Length <= 1000 ? text : text[..1000];
    }
}
