using Microsoft.Extensions.Options;
using PublicitySite.Contents;
using PublicitySite.Webhooks;

namespace PublicitySite.Web.Webhooks;

/// <summary>Sends the outbox: woken right after a commit that may have queued deliveries, and on a timer for retries.</summary>
internal sealed partial class WebhookDispatcher(PublicitySite.Web.Operations.FirstAnswer firstAnswer, IServiceScopeFactory scopes, PublicitySite.Changes.IJobLock locks, WebhookSignal signal, IOptions<WebhookOptions> options, PublicitySite.Web.Operations.SiteMetrics metrics, ILogger<WebhookDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await firstAnswer.WaitAsync(stoppingToken);
        if (!options.Value.Dispatch)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // One sender across the cluster, so a delivery is not picked up by two nodes at once.
                await using var held = await locks.TryAcquireAsync("webhooks", stoppingToken);
                await using var scope = scopes.CreateAsyncScope();
                var sent = held is null ? 0 : await scope.ServiceProvider.GetRequiredService<WebhookSender>().SendDueAsync(stoppingToken);
                if (sent > 0)
                {
                    metrics.JobRan("webhooks", succeeded: true);
                    continue; // more may be waiting
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                metrics.JobRan("webhooks", succeeded: false);
                LogFailure(ex);
            }

            await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook dispatch failed; retrying on the next round")]
    private partial void LogFailure(Exception ex);
}

/// <summary>Wakes the dispatcher when a committed change may have queued a delivery.</summary>
public sealed class WebhookSignal : IContentChangeSink
{
    private readonly SemaphoreSlim semaphore = new(0, 1);

    public ValueTask OnChangedAsync(ContentChange change, CancellationToken cancellationToken)
    {
        Wake();
        return ValueTask.CompletedTask;
    }

    public void Wake()
    {
        if (semaphore.CurrentCount == 0)
        {
            try
            {
                semaphore.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already awake.
            }
        }
    }

    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            await semaphore.WaitAsync(timeout, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
    }
}
