using PublicitySite.Contents.Definitions;
using PublicitySite.Proposals;

namespace PublicitySite.Web.Admin.Pages.Proposals;

/// <summary>
/// Base of the proposal office's pages: only roles holding <c>proposals.record</c> get past it, on every
/// handler (GET and POST alike), so a crafted request from another role changes nothing.
/// </summary>
[AdminPermission(Permissions.RecordProposals, Reason = Refusal)]
public abstract class ProposalOfficePage : AdminPage
{
    private const string Refusal = "您的角色无权办理提案（需要提案工作人员或管理员）";

    /// <summary>The permission must also reach the proposal type (a role may be scoped to other types).</summary>
    protected override string? ScopeRefusal() => OfficeAccess.Proposals(Policy, Me) ? null : Refusal;

    public static string StatusName(ProposalStatus status) => ProposalNames.Of(status);

    public static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "";

    public static string Moment(DateTime utc) => PublicitySite.Contents.SiteTime.ToLocal(utc).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    public static string DecisionName(PublicitySite.Workflow.ReviewDecision decision) => decision switch
    {
        PublicitySite.Workflow.ReviewDecision.Submitted => "",
        PublicitySite.Workflow.ReviewDecision.Approved => PublicitySite.Workflow.ReviewDecisions.Approved,
        _ => PublicitySite.Workflow.ReviewDecisions.Returned,
    };

    /// <summary>Days past the reply deadline, or 0 when not overdue.</summary>
    public static int DaysOverdue(ProposalRecord record, DateOnly today) =>
        record is { Overdue: true, DueOn: { } due } && today > due ? today.DayNumber - due.DayNumber : 0;
}
