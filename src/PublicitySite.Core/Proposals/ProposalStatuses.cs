using Microsoft.EntityFrameworkCore;
using PublicitySite.Storage;

namespace PublicitySite.Proposals;

/// <summary>Proposals' statuses as their recorded steps make them, by item id, for readers outside the office.</summary>
public static class ProposalStatuses
{
    public static async Task<Dictionary<string, RecordedStatus>> OfAsync(AppDbContext db, IReadOnlyCollection<string> contentItemIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.Set<ProposalRecord>().AsNoTracking()
            .Where(r => contentItemIds.Contains(r.ContentItemId))
            .Select(r => new { r.ContentItemId, r.Status, r.LastEventOn, r.Overdue })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.ContentItemId, r => new RecordedStatus(ProposalNames.Of(r.Status), r.LastEventOn, r.Overdue, ProposalNames.Standing(r.Status, r.Overdue)), StringComparer.Ordinal);
    }
}

/// <summary>
/// A proposal's status in words (待审查, 已立案, …), the date of the step that set it, whether its reply is late, and
/// <see cref="Standing"/>: both in one phrase (<see cref="ProposalNames.Standing"/>), as text surfaces show it.
/// </summary>
public sealed record RecordedStatus(string Status, DateOnly? On, bool Overdue = false, string? Standing = null);
