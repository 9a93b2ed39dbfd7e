using PublicitySite.Proposals;

namespace PublicitySite.Web.Proposals;

/// <summary>Marks overdue proposals at start-up and then every <see cref="ProposalOptions.OverdueCheckInterval"/>.</summary>
internal sealed partial class OverdueJob(PublicitySite.Web.Operations.FirstAnswer firstAnswer, IServiceScopeFactory scopes, PublicitySite.Changes.IJobLock locks, TimeProvider clock, Microsoft.Extensions.Options.IOptions<ProposalOptions> options, PublicitySite.Web.Operations.SiteMetrics metrics, ILogger<OverdueJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await firstAnswer.WaitAsync(stoppingToken);
        using var timer = new PeriodicTimer(options.Value.OverdueCheckInterval, clock);
        do
        {
            try
            {
                await using var held = await locks.TryAcquireAsync("overdue", stoppingToken);
                if (held is null)
                {
                    continue; // another node runs this pass
                }

                await using var scope = scopes.CreateAsyncScope();
                var marked = await scope.ServiceProvider.GetRequiredService<ProposalDeadlines>().MarkOverdueAsync(stoppingToken);
                metrics.JobRan("proposal-overdue", succeeded: true);
                if (marked > 0)
                {
                    LogMarked(marked);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A failed pass (database busy, not migrated yet) is retried on the next tick, never fatal.
                metrics.JobRan("proposal-overdue", succeeded: false);
                LogFailed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Marked {Count} proposals overdue")]
    private partial void LogMarked(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Overdue check failed")]
    private partial void LogFailed(Exception ex);
}
