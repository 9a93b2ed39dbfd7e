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
            .Select(r => new { r.ContentItemId, r.Status, r.LastEventOn })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.ContentItemId, r => new RecordedStatus(ProposalNames.Of(r.Status), r.LastEventOn), StringComparer.Ordinal);
    }
}

/// <summary>A proposal's status in words (待审查, 立案, …) and the date of the step that set it.</summary>
public sealed record RecordedStatus(string Status, DateOnly? On);
