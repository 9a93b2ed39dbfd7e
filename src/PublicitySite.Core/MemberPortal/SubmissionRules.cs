namespace PublicitySite.MemberPortal;

/// <summary>
/// The recipe's <c>proposals</c> section: what a member's proposal needs before 委员之家 submits it. A recipe that
/// leaves the section out keeps the current one; 0 (the default) means the committee has no such rule.
/// </summary>
public sealed record SubmissionRules
{
    /// <summary>Far above any committee's rule: a larger number can only be a typing error.</summary>
    public const int MaxCosigners = 50;

    /// <summary>How many co-signers (联名委员) must have confirmed when the lead submits.</summary>
    public int MinCosigners { get; init; }

    /// <summary>Every problem of the section, with its JSON path below <paramref name="path"/>.</summary>
    public IEnumerable<(string Path, string Problem)> Check(string path)
    {
        if (MinCosigners is < 0 or > MaxCosigners)
        {
            yield return ($"{path}.minCosigners", $"minCosigners（提案须有的最少联名委员人数）应为 0 到 {MaxCosigners} 之间的整数，0 表示不作要求，不能是 {MinCosigners}");
        }
    }
}
