namespace PublicitySite.Proposals;

/// <summary>
/// The proposal refusals that several surfaces show (the office, the member portal, the API), so the wording
/// changes in one place. Status and event names are in <see cref="ProposalNames"/>.
/// </summary>
public static class ProposalTexts
{
    /// <summary>No such proposal, or not one the caller may see: the two are worded alike on purpose.</summary>
    public const string Missing = "提案不存在";

    public const string TitleRequired = "请填写案由（提案标题）";
}
