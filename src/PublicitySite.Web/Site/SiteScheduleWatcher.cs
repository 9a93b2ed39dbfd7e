using PublicitySite.Curation;
using PublicitySite.Settings;

namespace PublicitySite.Web.Site;

internal sealed class SiteScheduleOptions
{
    public const string Section = "SiteSchedule";

    /// <summary>How often the watcher looks for a passed time; a scheduled change shows within this.</summary>
    public TimeSpan CheckEvery { get; set; } = TimeSpan.FromSeconds(15);
}

/// <summary>
/// Pages are cached until something changes them, but some changes happen by the clock alone: a 公告条 or a
/// 置顶 ends, 哀悼模式 begins or ends. When one of those times passes, the watcher tells the curation sinks
/// (page cache, read cache) as if an editor had made the change, so every page shows it without a restart.
/// </summary>
internal sealed partial class SiteScheduleWatcher(PublicitySite.Web.Operations.FirstAnswer firstAnswer, IServiceScopeFactory scopes, IEnumerable<ICurationChangeSink> sinks, TimeProvider clock, Microsoft.Extensions.Options.IOptions<SiteScheduleOptions> options, ILogger<SiteScheduleWatcher> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await firstAnswer.WaitAsync(stoppingToken);
        var last = clock.GetUtcNow().UtcDateTime;
        using var timer = new PeriodicTimer(options.Value.CheckEvery, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var now = clock.GetUtcNow().UtcDateTime;
            try
            {
                if (await PassedAsync(last, now, stoppingToken))
                {
                    foreach (var sink in sinks)
                    {
                        await sink.OnCurationChangedAsync("", stoppingToken);
                    }
                }

                last = now;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A database that is away for a moment must not stop the watcher; the next tick tries again.
                CheckFailed(log, e);
            }
        }
    }

    private async Task<bool> PassedAsync(DateTime after, DateTime upTo, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var settings = await scope.ServiceProvider.GetRequiredService<SiteSettingsService>().GetAsync(cancellationToken);
        var board = await scope.ServiceProvider.GetRequiredService<CurationService>().GetAsync(cancellationToken);
        var times = SiteSchedule.Boundaries(settings).Concat(board.Items.Values.Select(f => f.PinnedUntilUtc).OfType<DateTime>());
        return times.Any(t => t > after && t <= upTo);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scheduled site changes could not be checked")]
    private static partial void CheckFailed(ILogger logger, Exception error);
}
