using Microsoft.EntityFrameworkCore;
using PublicitySite.Storage;

namespace PublicitySite.Audit;

/// <summary>Failed sign-ins of one account name, or from one address, since a moment.</summary>
/// <param name="Key">The account name tried, or the client address.</param>
/// <param name="Spread">How many addresses tried the account, or how many accounts the address tried.</param>
public sealed record FailedSignInGroup(string Key, int Count, int Spread, DateTime LastUtc);

/// <summary>Reads the failed sign-ins the trail recorded, grouped by account and by address.</summary>
public sealed class FailedSignIns(AppDbContext db)
{
    /// <summary>The newest failures read at most: enough to see any attack, bounded however long it lasts.</summary>
    private const int MostRows = 20_000;

    public async Task<(IReadOnlyList<FailedSignInGroup> ByAccount, IReadOnlyList<FailedSignInGroup> ByAddress)> SinceAsync(DateTime sinceUtc, CancellationToken cancellationToken = default)
    {
        var rows = await db.Set<AuditEntry>().AsNoTracking()
            .Where(a => a.Action == AuditActions.LoginFailed && a.AtUtc >= sinceUtc)
            .OrderByDescending(a => a.Id)
            .Take(MostRows)
            .Select(a => new { Account = a.Target ?? a.Actor, Address = a.Address ?? "unknown", a.AtUtc })
            .ToListAsync(cancellationToken);
        var byAccount = rows.GroupBy(r => r.Account, StringComparer.OrdinalIgnoreCase)
            .Select(g => new FailedSignInGroup(g.Key, g.Count(), g.Select(r => r.Address).Distinct().Count(), g.Max(r => r.AtUtc)));
        var byAddress = rows.GroupBy(r => r.Address, StringComparer.Ordinal)
            .Select(g => new FailedSignInGroup(g.Key, g.Count(), g.Select(r => r.Account).Distinct(StringComparer.OrdinalIgnoreCase).Count(), g.Max(r => r.AtUtc)));
        return ([.. byAccount.OrderByDescending(g => g.Count)], [.. byAddress.OrderByDescending(g => g.Count)]);
    }
}
