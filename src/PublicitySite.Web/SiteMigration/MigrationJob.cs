using PublicitySite.Commands;
using PublicitySite.Contents.Definitions;
using PublicitySite.SiteMigration;
using PublicitySite.Storage;
using PublicitySite.Workflow;

namespace PublicitySite.Web.SiteMigration;

/// <summary>Where the background run is: running or not, its phase and counts, the last report.</summary>
public sealed record MigrationJobStatus(bool Running, string Phase, int Done, int Total, int Imported, int Updated, int Skipped, int Failed, string? LastReport, string? Error);

/// <summary>
/// The admin's 网站迁移 runs the same <see cref="SiteMigrator"/> as <c>migrate-site</c>, in the background of this
/// node, one run at a time; the page polls <see cref="Status"/>. An interrupted run (a restart) is resumed by
/// the next one, from the command line or here.
/// </summary>
public sealed partial class MigrationJob(CommandAccess access, IServiceScopeFactory scopes, SitePaths paths, LegacyAddressIndex index, IHostApplicationLifetime lifetime, ILogger<MigrationJob> log)
{
    private readonly Lock gate = new();
    private MigrationProgress? progress;
    private Task? running;
    private string? lastReport;
    private string? error;

    public MigrationJobStatus Status()
    {
        lock (gate)
        {
            var p = progress;
            var report = p?.Report;
            return new MigrationJobStatus(running is { IsCompleted: false }, p?.Phase ?? "", p?.Done ?? 0, p?.Total ?? 0,
                report?.Imported ?? 0, report?.Updated ?? 0, report?.Skipped ?? 0, report?.Failed ?? 0, lastReport, error);
        }
    }

    /// <summary>Starts a run; a Chinese reason instead when the mapping is wrong, the site unreachable or a run is going.</summary>
    public async Task<string?> StartAsync(string mappingText, Actor actor, bool dryRun, bool publish, int? maxPages, CancellationToken cancellationToken)
    {
        // A run writes redirects for the whole site (a setting); one that publishes also needs the right to publish.
        if ((access.Check(actor, Permissions.ManageSettings) ?? (publish ? access.Check(actor, Permissions.PublishContent) : null)) is { } refused)
        {
            return refused.Detail;
        }

        MigrationMapping mapping;
        try
        {
            mapping = MigrationMapping.Parse(mappingText);
        }
        catch (MappingException ex)
        {
            return ex.Message;
        }

        if (await SiteMigrator.ProbeAsync(mapping, cancellationToken) is { } unreachable)
        {
            return unreachable;
        }

        lock (gate)
        {
            if (running is { IsCompleted: false })
            {
                return "已有一次迁移正在进行，请等它结束";
            }

            progress = null;
            error = null;
            running = Task.Run(() => RunAsync(mapping, new MigrationOptions(actor, dryRun, publish, maxPages)), CancellationToken.None);
        }

        return null;
    }

    private async Task RunAsync(MigrationMapping mapping, MigrationOptions options)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var migrator = scope.ServiceProvider.GetRequiredService<SiteMigrator>();
            var report = await migrator.RunAsync(mapping, options, new Progress<MigrationProgress>(p => { lock (gate) { progress = p; } }), lifetime.ApplicationStopping);
            index.Invalidate();
            var text = report.ToText();
            if (!options.DryRun)
            {
                text += $"\n报告已保存：{await MigrationReportFile.SaveAsync(paths, report, text, CancellationToken.None)}";
            }

            lock (gate)
            {
                lastReport = text;
            }
        }
        catch (MappingException ex)
        {
            lock (gate)
            {
                error = ex.Message;
            }
        }
        catch (OperationCanceledException)
        {
            // The host is stopping: the run stays unfinished and the next one resumes it.
        }
        catch (Exception ex)
        {
            MigrationFailed(log, ex);
            lock (gate)
            {
                error = "迁移中断：" + ex.Message + "（再次运行将从中断处继续）";
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Site migration failed")]
    private static partial void MigrationFailed(ILogger logger, Exception error);
}
