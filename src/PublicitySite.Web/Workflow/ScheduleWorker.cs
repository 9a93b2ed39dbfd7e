using PublicitySite.Workflow;

namespace PublicitySite.Web.Workflow;

internal sealed class ScheduleOptions
{
    public const string Section = "Workflow:Schedule";

    /// <summary>How often due publications and withdrawals are looked for.</summary>
    public int PollSeconds { get; set; } = 30;
}

/// <summary>
/// Runs <see cref="ScheduleRunner"/> at start (catching up on anything that fell due while the site was down)
/// and then every <see cref="ScheduleOptions.PollSeconds"/>. A failed round is logged and retried next round.
/// </summary>
internal sealed partial class ScheduleWorker(PublicitySite.Web.Operations.FirstAnswer firstAnswer, IServiceScopeFactory scopes, PublicitySite.Changes.IJobLock locks, Microsoft.Extensions.Options.IOptions<ScheduleOptions> options, PublicitySite.Web.Operations.SiteMetrics metrics, ILogger<ScheduleWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await firstAnswer.WaitAsync(stoppingToken);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Value.PollSeconds)));
        do
        {
            try
            {
                // Once across the cluster: a node that finds the round in hand elsewhere skips it.
                await using var held = await locks.TryAcquireAsync("schedule", stoppingToken);
                if (held is null)
                {
                    continue;
                }

                await using var scope = scopes.CreateAsyncScope();
                var done = await scope.ServiceProvider.GetRequiredService<ScheduleRunner>().RunDueAsync(stoppingToken);
                metrics.JobRan("schedule", succeeded: true);
                if (done > 0)
                {
                    LogRan(done);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                metrics.JobRan("schedule", succeeded: false);
                LogFailed(ex);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Carried out {Count} scheduled publication(s) or withdrawal(s)")]
    private partial void LogRan(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduled publishing round failed; retrying next round")]
    private partial void LogFailed(Exception ex);
}
