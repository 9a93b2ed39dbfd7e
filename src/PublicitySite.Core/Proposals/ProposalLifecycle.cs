namespace PublicitySite.Proposals;

/// <summary>What a proposal's events add up to.</summary>
public sealed record ProposalState
{
    public ProposalStatus? Status { get; init; }

    public DateOnly? FiledOn { get; init; }

    public DateOnly? AssignedOn { get; init; }

    public DateOnly? DueOn { get; init; }

    public DateOnly? FirstRepliedOn { get; init; }

    public bool? RepliedOnTime { get; init; }

    public DateOnly? LastEventOn { get; init; }

    public string? LeadUnit { get; init; }

    public string? CoUnits { get; init; }

    public ProposalEvent? LatestReply { get; init; }

    public string? Verdict { get; init; }

    public int Reopened { get; init; }

    /// <summary>A reply is owed (交办 and not yet answered).</summary>
    public bool AwaitingReply => Status is ProposalStatus.Assigned or ProposalStatus.InProgress or ProposalStatus.Reopened;

    public bool IsOverdue(DateOnly today) => AwaitingReply && DueOn is { } due && today > due;
}

/// <summary>
/// The proposal state machine. The status is a fold over the events; an event is accepted only when the
/// current status allows it (no 答复 before 交办, no 评价 before a reply), and refused with a Chinese message.
/// </summary>
public sealed class ProposalLifecycle(ProposalRules rules)
{
    public static readonly IReadOnlyList<string> Verdicts = [ProposalNames.Satisfied, ProposalNames.FairlySatisfied, ProposalNames.Unsatisfied];

    private static readonly Dictionary<ProposalStatus, ProposalEventKind[]> Allowed = new()
    {
        [ProposalStatus.Filed] = [ProposalEventKind.Accept, ProposalEventKind.Reject, ProposalEventKind.Merge, ProposalEventKind.Convert],
        [ProposalStatus.Accepted] = [ProposalEventKind.Assign],
        [ProposalStatus.Assigned] = [ProposalEventKind.Handle, ProposalEventKind.Return, ProposalEventKind.Extend, ProposalEventKind.Urge, ProposalEventKind.Reply],
        [ProposalStatus.Returned] = [ProposalEventKind.Assign, ProposalEventKind.Handle],
        [ProposalStatus.InProgress] = [ProposalEventKind.Extend, ProposalEventKind.Urge, ProposalEventKind.Reply],
        [ProposalStatus.Reopened] = [ProposalEventKind.Handle, ProposalEventKind.Extend, ProposalEventKind.Urge, ProposalEventKind.Reply],
        [ProposalStatus.Replied] = [ProposalEventKind.Evaluate],
        [ProposalStatus.Evaluated] = [ProposalEventKind.Close, ProposalEventKind.Reopen],
        [ProposalStatus.NotAccepted] = [],
        [ProposalStatus.Merged] = [],
        [ProposalStatus.Converted] = [],
        [ProposalStatus.Closed] = [],
    };

    /// <summary>The kinds of event the office may record next.</summary>
    public static IReadOnlyList<ProposalEventKind> Next(ProposalState state) =>
        state.Status is not { } status ? [ProposalEventKind.Filed]
        : status == ProposalStatus.Evaluated
            ? Allowed[status].Where(k => k != ProposalEventKind.Reopen || state.Verdict == ProposalNames.Unsatisfied)
                .Where(k => k != ProposalEventKind.Close || state.Verdict != ProposalNames.Unsatisfied || state.Reopened > 0).ToList()
            : Allowed[status];

    public ProposalState Fold(IEnumerable<ProposalEvent> events)
    {
        var state = new ProposalState();
        foreach (var e in events)
        {
            state = Apply(state, e);
        }

        return state;
    }

    /// <summary>
    /// Why <paramref name="next"/> cannot follow <paramref name="state"/>, or null when it can. Timelines
    /// brought over from other systems pass <paramref name="requireDetails"/> false: their order is checked,
    /// but an old reply without a recorded result class is kept rather than refused.
    /// </summary>
    public string? Check(ProposalState state, ProposalEvent next, DateOnly today, bool requireDetails = true)
    {
        var name = ProposalNames.Of(next.Kind);
        if (!Next(state).Contains(next.Kind))
        {
            return state.Status is not { } status
                ? $"提案尚无登记记录，第一条记录应为“待审查”（提交），不能记录“{name}”"
                : $"提案当前状态为“{ProposalNames.Of(status)}”，不能记录“{name}”。{Hint(state, next.Kind)}可记录：{Choices(state)}";
        }

        if (state.LastEventOn is { } last && next.Date < last)
        {
            return $"日期 {next.Date:yyyy-MM-dd} 早于上一条记录的日期 {last:yyyy-MM-dd}";
        }

        if (next.Date > today)
        {
            return $"日期 {next.Date:yyyy-MM-dd} 晚于今天，不能预先登记";
        }

        if (!requireDetails)
        {
            return null;
        }

        return next.Kind switch
        {
            ProposalEventKind.Reject when string.IsNullOrWhiteSpace(next.Note) => "不立案须说明理由",
            ProposalEventKind.Merge when string.IsNullOrWhiteSpace(next.MergedInto) => "并案须注明并入哪件提案（提案编号）",
            ProposalEventKind.Assign when string.IsNullOrWhiteSpace(next.Unit) => "交办须注明主办单位",
            ProposalEventKind.Reply when next.ReplyClass is null || !rules.ReplyClasses.ContainsKey(next.ReplyClass) =>
                $"答复须注明办理结果类别（{string.Join("、", rules.ReplyClasses.Select(c => c.Key + " " + c.Value))}）",
            ProposalEventKind.Reply when string.IsNullOrWhiteSpace(next.ReplyText) && string.IsNullOrWhiteSpace(next.ReplyPdf) && string.IsNullOrWhiteSpace(next.Note) =>
                "答复须附答复内容或答复文件",
            ProposalEventKind.Return when state.AssignedOn is { } assigned && next.Date > assigned.AddDays(rules.ReturnDays) =>
                $"退回改办须在交办后 {rules.ReturnDays} 日内提出（交办日期 {assigned:yyyy-MM-dd}），逾期应继续办理",
            ProposalEventKind.Evaluate when next.Verdict is null || !Verdicts.Contains(next.Verdict) => "评价须为“满意”“基本满意”或“不满意”",
            ProposalEventKind.Extend when next.DueOn is { } due && state.DueOn is { } current && due <= current =>
                $"延期后的答复期限应晚于原期限 {current:yyyy-MM-dd}",
            _ => null,
        };
    }

    public ProposalState Apply(ProposalState state, ProposalEvent e)
    {
        var s = state with { LastEventOn = e.Date };
        switch (e.Kind)
        {
            case ProposalEventKind.Filed:
                return s with { Status = ProposalStatus.Filed, FiledOn = e.Date };
            case ProposalEventKind.Accept:
                return s with { Status = ProposalStatus.Accepted };
            case ProposalEventKind.Reject:
                return s with { Status = ProposalStatus.NotAccepted };
            case ProposalEventKind.Merge:
                return s with { Status = ProposalStatus.Merged };
            case ProposalEventKind.Convert:
                return s with { Status = ProposalStatus.Converted };
            case ProposalEventKind.Assign:
                return s with
                {
                    Status = ProposalStatus.Assigned,
                    AssignedOn = e.Date,
                    DueOn = e.Date.AddMonths(rules.ReplyMonths),
                    LeadUnit = e.Unit ?? s.LeadUnit,
                    CoUnits = e.CoUnits ?? s.CoUnits,
                };
            case ProposalEventKind.Handle:
                return s with { Status = ProposalStatus.InProgress };
            case ProposalEventKind.Extend:
                return s with { DueOn = e.DueOn ?? s.DueOn?.AddMonths(rules.ExtensionMonths) };
            case ProposalEventKind.Urge:
                return s;
            case ProposalEventKind.Return:
                return s with { Status = ProposalStatus.Returned };
            case ProposalEventKind.Reply:
                var first = s.FirstRepliedOn is null;
                return s with
                {
                    Status = ProposalStatus.Replied,
                    LatestReply = e,
                    FirstRepliedOn = s.FirstRepliedOn ?? e.Date,
                    RepliedOnTime = first ? s.DueOn is not { } due || e.Date <= due : s.RepliedOnTime,
                };
            case ProposalEventKind.Evaluate:
                return s with { Status = ProposalStatus.Evaluated, Verdict = e.Verdict };
            case ProposalEventKind.Reopen:
                return s with { Status = ProposalStatus.Reopened, Reopened = s.Reopened + 1, DueOn = e.Date.AddMonths(rules.ReopenMonths) };
            case ProposalEventKind.Close:
                return s with { Status = ProposalStatus.Closed };
            default:
                throw new ArgumentOutOfRangeException(nameof(e), e.Kind, null);
        }
    }

    private static string Hint(ProposalState state, ProposalEventKind kind) => kind switch
    {
        ProposalEventKind.Reply when state.Status is ProposalStatus.Filed or ProposalStatus.Accepted => "答复须在交办之后。",
        ProposalEventKind.Evaluate when state.Status is not ProposalStatus.Replied => "评价须在答复之后。",
        ProposalEventKind.Reopen when state.Status == ProposalStatus.Evaluated => "只有评价为“不满意”的提案才能再办理。",
        ProposalEventKind.Close when state.Status == ProposalStatus.Evaluated => "评价为“不满意”的提案须先再办理。",
        ProposalEventKind.Assign when state.Status == ProposalStatus.Filed => "交办须在立案之后。",
        _ => "",
    };

    private static string Choices(ProposalState state) =>
        Next(state) is { Count: > 0 } next ? string.Join("、", next.Select(ProposalNames.Of)) : "无（已是最终状态）";
}
