namespace PublicitySite.Commands;

/// <summary>
/// Chinese wording every feature's refusals share, so that changing how the site says "not found" or "bad
/// filter" is one edit. A feature's own messages sit with that feature (ProposalTexts, UserTexts, …).
/// </summary>
public static class FailureTexts
{
    public const string NotFoundTitle = "未找到";

    public const string ForbiddenTitle = "无权操作";

    public const string ContentMissing = "内容不存在";

    public const string PageMissing = "页面不存在";

    /// <summary>The title of a page whose antiforgery token has expired.</summary>
    public const string FormExpired = "页面已过期";

    public const string BadFilter = "筛选条件有误";

    /// <summary>A list page that could still show something: it names the problem and goes on without the bad part.</summary>
    public const string BadFilterIgnored = "筛选条件有误，已忽略无法识别的条件";

    /// <summary>A 类别 that is not on the list the form offers, with the list.</summary>
    public static string NotACategory(string value, IEnumerable<string> options) =>
        $"类别“{value}”不在可选范围内：{string.Join("、", options)}";
}
