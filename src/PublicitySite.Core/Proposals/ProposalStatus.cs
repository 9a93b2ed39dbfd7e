namespace PublicitySite.Proposals;

/// <summary>Where a proposal stands, derived from its events. Shown and filtered by <see cref="ProposalNames.Of(ProposalStatus)"/>.</summary>
public enum ProposalStatus
{
    Filed,
    Accepted,
    NotAccepted,
    Merged,
    Converted,
    Assigned,
    Returned,
    InProgress,
    Replied,
    Evaluated,
    Reopened,
    Closed,
}

/// <summary>Kinds of events the office records; the Chinese names are the ones the seed and imports use.</summary>
public enum ProposalEventKind
{
    Filed,
    Accept,
    Reject,
    Merge,
    Convert,
    Assign,
    Handle,
    Extend,
    Urge,
    Return,
    Reply,
    Evaluate,
    Reopen,
    Close,
}

public static class ProposalNames
{
    private static readonly Dictionary<ProposalStatus, string> Statuses = new()
    {
        [ProposalStatus.Filed] = "待审查",
        [ProposalStatus.Accepted] = "已立案",
        [ProposalStatus.NotAccepted] = "不立案",
        [ProposalStatus.Merged] = "已并案",
        [ProposalStatus.Converted] = "转为意见建议",
        [ProposalStatus.Assigned] = "已交办",
        [ProposalStatus.Returned] = "退回改办",
        [ProposalStatus.InProgress] = "办理中",
        [ProposalStatus.Replied] = "已答复",
        [ProposalStatus.Evaluated] = "已评价",
        [ProposalStatus.Reopened] = "再办理",
        [ProposalStatus.Closed] = "已办结",
    };

    private static readonly Dictionary<ProposalEventKind, string> Kinds = new()
    {
        [ProposalEventKind.Filed] = "待审查",
        [ProposalEventKind.Accept] = "立案",
        [ProposalEventKind.Reject] = "不立案",
        [ProposalEventKind.Merge] = "并案",
        [ProposalEventKind.Convert] = "转为意见建议",
        [ProposalEventKind.Assign] = "交办",
        [ProposalEventKind.Handle] = "办理中",
        [ProposalEventKind.Extend] = "延期",
        [ProposalEventKind.Urge] = "催办",
        [ProposalEventKind.Return] = "退回改办",
        [ProposalEventKind.Reply] = "已答复",
        [ProposalEventKind.Evaluate] = "评价",
        [ProposalEventKind.Reopen] = "再办理",
        [ProposalEventKind.Close] = "办结",
    };

    /// <summary>提案者类别: the stored key (the recipe's <c>ProposerType</c> option) and its Chinese name, in form order.</summary>
    public static IReadOnlyList<(string Key, string Label)> ProposerTypes { get; } =
        [("member", "委员（个人或联名）"), ("party", "党派"), ("sector", "界别"), ("committee", "专委会"), ("group", "委员小组")];

    public static IReadOnlyList<string> AllStatuses { get; } = [.. Statuses.Values];

    /// <summary>The Chinese name of a 提案者类别 key; an unknown key is shown as stored.</summary>
    public static string ProposerType(string? key) =>
        ProposerTypes.FirstOrDefault(t => t.Key == key).Label ?? key ?? "";

    public static IReadOnlyList<string> AllKinds { get; } = [.. Kinds.Values];

    public static string Of(ProposalStatus status) => Statuses[status];

    /// <summary>委员评价 of a reply, best first; <see cref="Unsatisfied"/> may bring 再办理.</summary>
    public const string Satisfied = "满意";

    public const string FairlySatisfied = "基本满意";

    public const string Unsatisfied = "不满意";

    /// <summary>Who recorded a step on the proposer's behalf (评价 and 再办理 from the member portal).</summary>
    public const string ProposerRole = "提案人";

    /// <summary>The note of the 待审查 step that filing writes.</summary>
    public const string FiledNote = "提案人提交提案。";

    /// <summary>Shown beside the status when a reply is due and its deadline has passed (never as a status of its own).</summary>
    public const string Overdue = "已超期";

    /// <summary>
    /// A proposal's standing in one phrase, for surfaces that show it as text (member profiles, the home page's
    /// 提案追踪): the status its recorded steps give, with 已超期 when late. Lists show the same two words as badges.
    /// </summary>
    public static string Standing(ProposalStatus status, bool overdue) => overdue ? $"{Of(status)}（{Overdue}）" : Of(status);

    public static string Of(ProposalEventKind kind) => Kinds[kind];

    /// <summary>Accepts the Chinese name (立案), the English id (Accept), and 已立案/立案 both for the status.</summary>
    public static bool TryParseStatus(string? text, out ProposalStatus status)
    {
        text = text?.Trim();
        foreach (var (key, name) in Statuses)
        {
            if (name == text || name.TrimStart('已') == text || string.Equals(key.ToString(), text, StringComparison.OrdinalIgnoreCase))
            {
                status = key;
                return true;
            }
        }

        status = default;
        return false;
    }

    public static bool TryParseKind(string? text, out ProposalEventKind kind)
    {
        text = text?.Trim();
        foreach (var (key, name) in Kinds)
        {
            if (name == text || string.Equals(key.ToString(), text, StringComparison.OrdinalIgnoreCase))
            {
                kind = key;
                return true;
            }
        }

        kind = default;
        return false;
    }
}
