using System.Globalization;
using Microsoft.Extensions.Options;
using PublicitySite.Backups;
using PublicitySite.Storage;

namespace PublicitySite.Web.Operations;

/// <summary>Bound from <c>Backups</c>: <c>Backups__Daily=true</c> makes one backup a day and keeps the newest <see cref="Keep"/>.</summary>
internal sealed class BackupScheduleOptions
{
    public const string Section = "Backups";

    public bool Daily { get; set; }

    /// <summary>Local time of day (the server's time zone) after which the day's backup is made.</summary>
    public TimeSpan At { get; set; } = new(3, 0, 0);

    public int Keep { get; set; } = 7;

    /// <summary>Folder of the scheduled backups, relative to the data directory unless absolute.</summary>
    public string Directory { get; set; } = "backups";

    public TimeSpan CheckEvery { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// The daily backup (<see cref="SiteBackup"/>) as <c>publicity-yyyyMMdd-HHmmss.zip</c> in the backup folder, made on
/// the first check after <see cref="BackupScheduleOptions.At"/> on a day that has none yet (so a site that was down
/// at three o'clock still gets its backup), then all but the newest <see cref="BackupScheduleOptions.Keep"/> deleted.
/// One node of a cluster does it (the job lock).
/// </summary>
internal sealed partial class ScheduledBackups(IServiceScopeFactory scopes, PublicitySite.Changes.IJobLock locks, SitePaths paths, TimeProvider clock, IOptions<BackupScheduleOptions> options, SiteMetrics metrics, ILogger<ScheduledBackups> logger) : BackgroundService
{
    private const string Prefix = "publicity-";

    public string Folder => Path.GetFullPath(Path.Combine(paths.DataDir, options.Value.Directory));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Daily)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.CheckEvery, clock);
        do
        {
            try
            {
                await using var held = await locks.TryAcquireAsync("backup", stoppingToken);
                if (held is not null && await RunIfDueAsync(stoppingToken) is { } made)
                {
                    metrics.JobRan("backup", succeeded: true);
                    LogMade(made);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A failed backup (disk full, database busy) is tried again on the next check.
                metrics.JobRan("backup", succeeded: false);
                LogFailed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Makes today's backup when it is due and missing, then prunes; the new file, or null when none was due.</summary>
    public async Task<string?> RunIfDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetLocalNow();
        var folder = Folder;
        var today = Prefix + now.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        if (now.TimeOfDay < options.Value.At || (System.IO.Directory.Exists(folder) && System.IO.Directory.EnumerateFiles(folder, today + "-*.zip").Any()))
        {
            return null;
        }

        System.IO.Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"{Prefix}{now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}.zip");
        await using (var scope = scopes.CreateAsyncScope())
        {
            await SiteBackup.WriteAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), paths, file, clock, cancellationToken);
        }

        // Names sort by date; only this job's own files are ever deleted.
        foreach (var old in System.IO.Directory.EnumerateFiles(folder, Prefix + "*.zip").Order(StringComparer.Ordinal).SkipLast(Math.Max(1, options.Value.Keep)))
        {
            File.Delete(old);
        }

        return file;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled backup written to {File}")]
    private partial void LogMade(string file);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scheduled backup failed")]
    private partial void LogFailed(Exception ex);
}
