using Microsoft.EntityFrameworkCore;

namespace PublicitySite.Proposals;

/// <summary>A count with its label, in the order a chart draws it.</summary>
public sealed record ProposalCount(string Label, int Count, string? Filter = null);

/// <summary>One session's figures, over the proposals the public may see.</summary>
public sealed record ProposalSessionStatistics
{
    public int Term { get; init; }

    public int Meeting { get; init; }

    public int Total { get; init; }

    public IReadOnlyList<ProposalCount> ByStatus { get; init; } = [];

    public IReadOnlyList<ProposalCount> ByCategory { get; init; } = [];

    public IReadOnlyList<ProposalCount> ByUnit { get; init; } = [];

    public IReadOnlyList<ProposalCount> ByReplyClass { get; init; } = [];

    public IReadOnlyList<ProposalCount> Satisfaction { get; init; } = [];

    /// <summary>Proposals whose first reply is in, and how many of those came by the deadline.</summary>
    public int Replied { get; init; }

    public int RepliedOnTime { get; init; }

    public int Overdue { get; init; }

    public double? OnTimeRate => Replied == 0 ? null : (double)RepliedOnTime / Replied;

    public IReadOnlyList<ProposalRecord> KeyProposals { get; init; } = [];
}

/// <summary>Statistics for the public statistics page. Counted from the same rows the public list shows.</summary>
public sealed class ProposalStatistics(ProposalQueries queries, ProposalRules rules)
{
    public async Task<ProposalSessionStatistics> ForSessionAsync(int term, int meeting, CancellationToken cancellationToken = default)
    {
        // One query of narrow rows: a session holds hundreds of proposals, counting them in memory is cheap.
        var rows = await queries.Filtered(new ProposalFilter { Term = term, Meeting = meeting })
            .OrderBy(r => r.Seq)
            .ToListAsync(cancellationToken);
        var statusOrder = Enum.GetValues<ProposalStatus>();
        return new ProposalSessionStatistics
        {
            Term = term,
            Meeting = meeting,
            Total = rows.Count,
            ByStatus = statusOrder
                .Select(s => new ProposalCount(ProposalNames.Of(s), rows.Count(r => r.Status == s), ProposalNames.Of(s)))
                .Where(c => c.Count > 0).ToList(),
            ByCategory = Count(rows.Select(r => r.Category ?? "未分类")),
            // A unit counts every proposal it handles, as 主办 or 协办, the same rows the list's unit filter finds.
            ByUnit = Count(rows.SelectMany(r => UnitsOf(r))),
            ByReplyClass = rules.ReplyClasses
                .Select(c => new ProposalCount($"{c.Key} {c.Value}", rows.Count(r => r.ReplyClass == c.Key)))
                .ToList(),
            Satisfaction = ProposalLifecycle.Verdicts
                .Select(v => new ProposalCount(v, rows.Count(r => r.Verdict == v)))
                .ToList(),
            Replied = rows.Count(r => r.FirstRepliedOn is not null),
            RepliedOnTime = rows.Count(r => r.RepliedOnTime == true),
            Overdue = rows.Count(r => r.Overdue),
            KeyProposals = rows.Where(r => r.Key).ToList(),
        };
    }

    private static IEnumerable<string> UnitsOf(ProposalRecord r) =>
        new[] { r.LeadUnit }.Concat(r.CoUnits?.Split('|', StringSplitOptions.RemoveEmptyEntries) ?? []).OfType<string>().Distinct();

    private static List<ProposalCount> Count(IEnumerable<string> labels) =>
        labels.GroupBy(l => l)
            .Select(g => new ProposalCount(g.Key, g.Count(), g.Key))
            .OrderByDescending(c => c.Count)
            .ThenBy(c => c.Label, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("zh-CN"), false))
            .ToList();
}
