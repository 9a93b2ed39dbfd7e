using Microsoft.AspNetCore.Mvc.Filters;
using PublicitySite.Proposals;

namespace PublicitySite.Web.Admin.Pages.Proposals;

/// <summary>
/// Base of the proposal office's pages: only roles holding <c>proposals.record</c> get past it, on every
/// handler (GET and POST alike), so a crafted request from another role changes nothing.
/// </summary>
public abstract class ProposalOfficePage : AdminPage
{
    /// <summary>Set when the role may not use the office pages; the views then show only the refusal.</summary>
    public bool Denied { get; private set; }

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(next);
        await base.OnPageHandlerExecutionAsync(context, async () =>
        {
            if (!OfficeAccess.Proposals(Policy, Me))
            {
                Denied = true;
                Errors.Add("您的角色无权办理提案（需要提案工作人员或管理员）");
                context.HttpContext.Response.StatusCode = StatusCodes.Status403Forbidden;
                context.Result = Page();
                // Short-circuits: the handler never runs, so nothing is read or written for this role.
                return new PageHandlerExecutedContext(PageContext, context.Filters, context.HandlerMethod!, context.HandlerInstance) { Result = context.Result };
            }

            return await next();
        });
    }

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
