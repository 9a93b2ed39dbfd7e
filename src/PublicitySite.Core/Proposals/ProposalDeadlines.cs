using Microsoft.EntityFrameworkCore;
using PublicitySite.Storage;

namespace PublicitySite.Proposals;

/// <summary>
/// Marks proposals whose reply deadline has passed (and clears the mark once they are answered or the
/// deadline was extended). Run by the overdue job; the clock is injected so tests can move time.
/// </summary>
public sealed class ProposalDeadlines(AppDbContext db, TimeProvider clock)
{
    private static readonly ProposalStatus[] Awaiting = [ProposalStatus.Assigned, ProposalStatus.InProgress, ProposalStatus.Reopened];

    /// <summary>Returns how many proposals became overdue in this pass.</summary>
    public async Task<int> MarkOverdueAsync(CancellationToken cancellationToken = default)
    {
        var today = ProposalDates.Today(clock);
        var marked = await db.Set<ProposalRecord>()
            .Where(r => !r.Overdue && Awaiting.Contains(r.Status) && r.DueOn != null && r.DueOn < today)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Overdue, true), cancellationToken);
        await db.Set<ProposalRecord>()
            .Where(r => r.Overdue && (!Awaiting.Contains(r.Status) || r.DueOn == null || r.DueOn >= today))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Overdue, false), cancellationToken);
        return marked;
    }
}
