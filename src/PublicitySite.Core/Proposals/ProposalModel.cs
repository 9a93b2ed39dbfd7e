namespace PublicitySite.Proposals;

/// <summary>
/// One thing that happened to a proposal (立案, 交办, 已答复, 评价 …). Events are the truth about a proposal's
/// progress: its status is derived from them, never stored on its own. Recorded by the office and public as
/// soon as recorded (the proposal text itself goes through the editorial workflow; its progress does not).
/// </summary>
public sealed record ProposalEvent
{
    public long Id { get; set; }

    public required string ContentItemId { get; init; }

    public required ProposalEventKind Kind { get; init; }

    /// <summary>The day it happened (committee local date), not when it was typed in.</summary>
    public DateOnly Date { get; init; }

    public DateTime RecordedUtc { get; init; }

    /// <summary>User name of whoever recorded it; kept for the office, not shown publicly.</summary>
    public string? RecordedBy { get; init; }

    /// <summary>Who acted, by role (提案委员会, 主办单位, 提案人 …).</summary>
    public string? Role { get; init; }

    public string? Unit { get; init; }

    public string? Note { get; init; }

    /// <summary>交办: the co-units (协办/会办), joined with 、.</summary>
    public string? CoUnits { get; init; }

    /// <summary>并案: the number of the proposal this one was merged into.</summary>
    public string? MergedInto { get; init; }

    /// <summary>延期: the new reply deadline.</summary>
    public DateOnly? DueOn { get; init; }

    public string? ReplyClass { get; init; }

    public string? ReplyRefNo { get; init; }

    public string? ReplyText { get; init; }

    /// <summary>Root-relative URL of the reply as a PDF, when the unit sent one.</summary>
    public string? ReplyPdf { get; init; }

    public string? Verdict { get; init; }
}

/// <summary>
/// The list/filter/statistics row of a proposal, derived from its content item and its events by
/// <see cref="ProposalIndexer"/>. Never edited by hand: it can always be rebuilt.
/// </summary>
public sealed class ProposalRecord
{
    public required string ContentItemId { get; init; }

    public int Term { get; set; }

    public int Meeting { get; set; }

    public int Seq { get; set; }

    public string Number { get; set; } = "";

    public string Title { get; set; } = "";

    public string? Path { get; set; }

    public bool Published { get; set; }

    /// <summary>The proposer agreed to publication (see <see cref="ProposalVisibility"/>).</summary>
    public bool PublicConsent { get; set; }

    public ProposalStatus Status { get; set; }

    public string? Category { get; set; }

    public string? Sector { get; set; }

    public string? ProposerType { get; set; }

    /// <summary>Display names joined with 、, for lists.</summary>
    public string Proposers { get; set; } = "";

    public string? LeadUnit { get; set; }

    /// <summary>Co-units wrapped in | (|甲|乙|) so one unit can be matched exactly with LIKE.</summary>
    public string? CoUnits { get; set; }

    public bool Key { get; set; }

    public string? Supervisor { get; set; }

    public DateOnly? FiledOn { get; set; }

    public DateOnly? AssignedOn { get; set; }

    public DateOnly? DueOn { get; set; }

    public DateOnly? FirstRepliedOn { get; set; }

    /// <summary>First reply on or before its deadline; null while no reply is due or given.</summary>
    public bool? RepliedOnTime { get; set; }

    public string? ReplyClass { get; set; }

    public string? Verdict { get; set; }

    /// <summary>Set by the overdue job: a reply is due and the deadline has passed.</summary>
    public bool Overdue { get; set; }

    public DateOnly? LastEventOn { get; set; }

    public DateTime UpdatedUtc { get; set; }
}

/// <summary>A proposer of a proposal: the lead (position 0) or a co-signer, linked to a member item when one matches.</summary>
public sealed class ProposalProposer
{
    public required string ContentItemId { get; init; }

    public int Position { get; init; }

    public required string Name { get; init; }

    public string? MemberId { get; init; }
}
