using Microsoft.Extensions.Options;
using PublicitySite.Mail;
using PublicitySite.Web.Admin.Menu;

namespace PublicitySite.Web.Mail;

/// <summary>
/// Sends the outbox's due mails in the background, one sender across the cluster (the job lock), and looks
/// again after <see cref="MailOptions.PollInterval"/> or at once when more were due than one batch.
/// </summary>
public sealed partial class MailDispatcher(IServiceScopeFactory scopes, PublicitySite.Changes.IJobLock locks, IOptions<MailOptions> options, PublicitySite.Web.Operations.SiteMetrics metrics, ILogger<MailDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var tried = 0;
            try
            {
                await using var held = await locks.TryAcquireAsync("mail", stoppingToken);
                await using var scope = scopes.CreateAsyncScope();
                tried = held is null ? 0 : await scope.ServiceProvider.GetRequiredService<MailOutbox>().SendDueAsync(stoppingToken);
                if (tried > 0)
                {
                    metrics.JobRan("mail", succeeded: true);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                metrics.JobRan("mail", succeeded: false);
                LogFailure(ex);
            }

            if (tried < MailOutbox.Batch)
            {
                try
                {
                    await Task.Delay(options.Value.PollInterval, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Sending queued mail failed; trying again on the next round")]
    private partial void LogFailure(Exception ex);
}

public static class MailSetup
{
    /// <summary>E-mail notices: the background sender and the office's 邮件通知 page.</summary>
    public static IServiceCollection AddMailNotices(this IServiceCollection services)
    {
        services.AddOptions<MailOptions>().BindConfiguration(MailOptions.Section);
        services.AddHostedService<MailDispatcher>();
        services.AddAdminMenuEntry("系统", "邮件通知", "/admin/mail", p => p.Can(Contents.Definitions.Permissions.RecordProposals) || p.Can(Contents.Definitions.Permissions.ManageUsers), 6);
        return services;
    }
}
