namespace PublicitySite.Proposals;

/// <summary>Settings of the proposal office, bound from the <c>Proposals</c> configuration section.</summary>
public sealed class ProposalOptions
{
    public const string Section = "Proposals";

    /// <summary>Months a unit has to reply after 交办.</summary>
    public int ReplyMonths { get; set; } = 3;

    /// <summary>Months a 延期 adds when it names no new deadline.</summary>
    public int ExtensionMonths { get; set; } = 1;

    /// <summary>Months a unit has for a 再办理 reply.</summary>
    public int ReopenMonths { get; set; } = 1;

    /// <summary>A deadline this close counts as 即将到期 in the office queue.</summary>
    public int DueSoonDays { get; set; } = 14;

    /// <summary>Days after 交办 within which a unit may return a wrong assignment (退回改办).</summary>
    public int ReturnDays { get; set; } = 10;

    /// <summary>How often the overdue job looks at deadlines.</summary>
    public TimeSpan OverdueCheckInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Reply result classes (code → name). Null means the common A/B/C scheme.</summary>
    public Dictionary<string, string>? ReplyClasses { get; set; }

    /// <summary>Sessions (次会议) and their filing cut-off dates. Null means the sample committee's fifth term.</summary>
    public List<ProposalSession>? Sessions { get; set; }
}

/// <summary>A plenary session: proposals filed on or before <see cref="CutOff"/> (and after the previous one's) belong to it.</summary>
public sealed record ProposalSession
{
    public int Term { get; init; }

    public int Meeting { get; init; }

    public DateOnly CutOff { get; init; }
}

/// <summary>The settings in the shape the rules use, with the defaults filled in.</summary>
public sealed record ProposalRules
{
    public static readonly IReadOnlyDictionary<string, string> DefaultReplyClasses =
        new Dictionary<string, string> { ["A"] = "已解决或采纳", ["B"] = "列入计划拟解决", ["C"] = "留作参考" };

    /// <summary>The sample committee's fifth term: one plenary session each January.</summary>
    public static readonly IReadOnlyList<ProposalSession> DefaultSessions =
    [
        new() { Term = 5, Meeting = 1, CutOff = new DateOnly(2023, 1, 16) },
        new() { Term = 5, Meeting = 2, CutOff = new DateOnly(2024, 1, 20) },
        new() { Term = 5, Meeting = 3, CutOff = new DateOnly(2025, 1, 20) },
        new() { Term = 5, Meeting = 4, CutOff = new DateOnly(2026, 1, 20) },
        new() { Term = 5, Meeting = 5, CutOff = new DateOnly(2027, 1, 20) },
    ];

    public int ReplyMonths { get; init; } = 3;

    public int ExtensionMonths { get; init; } = 1;

    public int ReopenMonths { get; init; } = 1;

    public int DueSoonDays { get; init; } = 14;

    public int ReturnDays { get; init; } = 10;

    public IReadOnlyDictionary<string, string> ReplyClasses { get; init; } = DefaultReplyClasses;

    public IReadOnlyList<ProposalSession> Sessions { get; init; } = DefaultSessions;

    public static ProposalRules From(ProposalOptions options) => new()
    {
        ReplyMonths = options.ReplyMonths,
        ExtensionMonths = options.ExtensionMonths,
        ReopenMonths = options.ReopenMonths,
        DueSoonDays = options.DueSoonDays,
        ReturnDays = options.ReturnDays,
        ReplyClasses = options.ReplyClasses is { Count: > 0 } classes ? classes : DefaultReplyClasses,
        Sessions = options.Sessions is { Count: > 0 } sessions ? [.. sessions.OrderBy(s => s.CutOff)] : DefaultSessions,
    };

    public string ReplyClassName(string? code) =>
        code is not null && ReplyClasses.TryGetValue(code, out var name) ? name : "";
}
