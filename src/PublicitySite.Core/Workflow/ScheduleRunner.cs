using Microsoft.EntityFrameworkCore;
using PublicitySite.Audit;
using PublicitySite.Contents;
using PublicitySite.Storage;

namespace PublicitySite.Workflow;

/// <summary>
/// Carries out every scheduled publication and withdrawal that is due, oldest first. A row is marked done in
/// the same save as the change it makes, so a crash in between repeats nothing and loses nothing.
/// </summary>
public sealed class ScheduleRunner(AppDbContext db, ContentManager content, AuditLog audit, TimeProvider clock)
{
    public async Task<int> RunDueAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Set<ScheduledAction>().AsNoTracking()
            .Where(a => a.DoneUtc == null && a.DueUtc <= now)
            .OrderBy(a => a.DueUtc).ThenBy(a => a.Id)
            .Take(100)
            .Select(a => a.Id)
            .ToListAsync(cancellationToken);
        foreach (var id in due)
        {
            db.ChangeTracker.Clear();
            await RunOneAsync(id, cancellationToken);
        }

        return due.Count;
    }

    private async Task RunOneAsync(long id, CancellationToken cancellationToken)
    {
        var action = await db.Set<ScheduledAction>().FirstAsync(a => a.Id == id, cancellationToken);
        var version = await db.ContentItemVersions.FirstOrDefaultAsync(v => v.ContentItemId == action.ContentItemId && v.Number == action.VersionNumber, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        action.DoneUtc = now;
        var late = now - action.DueUtc > TimeSpan.FromMinutes(2) ? $"（计划 {SiteTime.ToLocal(action.DueUtc):yyyy-MM-dd HH:mm}，停机后补办）" : "";
        if (action.Kind == ScheduledKind.Publish)
        {
            if (version is null || version.Status != ContentStatus.Scheduled)
            {
                action.Outcome = "已取消：该版本不再处于定时发布状态";
                await db.SaveChangesAsync(cancellationToken);
                return;
            }

            action.Outcome = "已发布" + late;
            audit.Stage(Actor.System.Name, AuditActions.Published, action.ContentItemId, $"定时发布（由 {action.RequestedBy} 安排）{late}", version.Number, version.ContentHash);
            // 发布时间 is the time chosen, not the moment a late runner got to it.
            var result = await content.PublishAsync(action.ContentItemId, version.Number, recordedUtc: action.DueUtc, cancellationToken: cancellationToken);
            if (result.Failure is { } failure)
            {
                db.ChangeTracker.Clear();
                await MarkFailedAsync(id, failure.Detail, cancellationToken);
            }

            return;
        }

        if (version is null || !version.Published)
        {
            action.Outcome = "已取消：该版本已不在发布状态";
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        action.Outcome = "已撤下" + late;
        audit.Stage(Actor.System.Name, AuditActions.Unpublished, action.ContentItemId, $"定时撤下（由 {action.RequestedBy} 安排）{late}", version.Number, version.ContentHash);
        var unpublished = await content.UnpublishAsync(action.ContentItemId, cancellationToken);
        if (unpublished.Failure is { } notUnpublished)
        {
            db.ChangeTracker.Clear();
            await MarkFailedAsync(id, notUnpublished.Detail, cancellationToken);
        }
    }

    private async Task MarkFailedAsync(long id, string reason, CancellationToken cancellationToken)
    {
        var action = await db.Set<ScheduledAction>().FirstAsync(a => a.Id == id, cancellationToken);
        action.DoneUtc = clock.GetUtcNow().UtcDateTime;
        action.Outcome = "未能执行：" + reason;
        await db.SaveChangesAsync(cancellationToken);
    }
}
