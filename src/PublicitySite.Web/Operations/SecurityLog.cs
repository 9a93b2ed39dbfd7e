using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using PublicitySite.Audit;

namespace PublicitySite.Web.Operations;

/// <summary>
/// Copies every audit entry (sign-ins and failed ones, permission refusals, publications, settings, users,
/// tokens) to the security log once the database has saved it, so the log files kept for six months hold what
/// the audit trail holds even if the database is lost. Written after the save, never for a save that failed.
/// </summary>
internal sealed partial class SecurityLog(ILoggerFactory loggers) : SaveChangesInterceptor
{
    private readonly ILogger logger = loggers.CreateLogger(SiteLogging.SecurityCategory);
    private readonly ConditionalWeakTable<DbContext, List<AuditEntry>> pending = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Flush(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Flush(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void Collect(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var added = context.ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        if (added.Count > 0)
        {
            pending.AddOrUpdate(context, added);
        }
    }

    private void Flush(DbContext? context)
    {
        if (context is null || !pending.TryGetValue(context, out var entries))
        {
            return;
        }

        pending.Remove(context);
        foreach (var entry in entries)
        {
            LogEntry(entry.Action, entry.Actor, entry.Target, entry.Address, entry.Detail, entry.AtUtc);
        }
    }

    private void Forget(DbContext? context)
    {
        if (context is not null)
        {
            pending.Remove(context);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Action} by {Actor} on {Target} from {Address}: {Detail} at {AtUtc:o}")]
    private partial void LogEntry(string action, string actor, string? target, string? address, string? detail, DateTime atUtc);
}
