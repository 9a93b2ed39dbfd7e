namespace PublicitySite.Workflow;

/// <summary>The editorial workflow's refusals that its commands, the admin pages and the API share.</summary>
public static class WorkflowTexts
{
    /// <summary>Someone else acted on the same version between reading and writing it.</summary>
    public const string Raced = "他人刚刚办理了此稿件，请刷新后查看最新状态";

    public const string ViewRefused = "您无权查看此内容";

    public const string HistoryRefused = "您无权查看此内容的版本历史";

    public static string NotInReview(int number, string status) => $"第 {number} 版当前状态为“{status}”，不在审核中";
}
