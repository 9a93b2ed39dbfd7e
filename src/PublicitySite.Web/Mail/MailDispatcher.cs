using Microsoft.Extensions.Options;
using PublicitySite.Mail;

namespace PublicitySite.Web.Mail;

/// <summary>
/// Sends the outbox's due mails in the background, one sender across the cluster (the job lock), and looks
/// again after <see cref="MailOptions.PollInterval"/> or at once when more were due than one batch.
/// </summary>
internal sealed partial class MailDispatcher(PublicitySite.Web.Operations.FirstAnswer firstAnswer, IServiceScopeFactory scopes, PublicitySite.Changes.IJobLock locks, IOptions<MailOptions> options, PublicitySite.Web.Operations.SiteMetrics metrics, ILogger<MailDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await firstAnswer.WaitAsync(stoppingToken);
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

