using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using PublicitySite.Contents;
using PublicitySite.Web.Admin.Notices;
using PublicitySite.Workflow;

namespace PublicitySite.Web.Admin.Pages;

/// <summary>我的待办: what waits at my stage, my drafts sent back with comments, my drafts, and schedules.</summary>
public sealed class IndexModel(WorkflowQueries queries, AdminNotices notices) : AdminPage
{
    /// <summary>系统提醒: sign-in attacks, paused webhooks, … for those whose job it is.</summary>
    public IReadOnlyList<AdminNotice> Notices { get; private set; } = [];

    public IReadOnlyList<WorkItem> ToReview { get; private set; } = [];

    public IReadOnlyList<WorkItem> Returned { get; private set; } = [];

    /// <summary>What I sent to review and where it stands now.</summary>
    public IReadOnlyList<WorkItem> Submitted { get; private set; } = [];

    public IReadOnlyList<WorkItem> Drafts { get; private set; } = [];

    public IReadOnlyList<ScheduledAction> Scheduled { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Me.Role == PublicitySite.MemberPortal.MemberAccounts.Role)
        {
            return Redirect("/member"); // a member's home is 委员之家, in the site's own look
        }

        var inReview = await queries.InReviewAsync(cancellationToken);
        ToReview = inReview.Where(w => w.Review is { Stage: >= 0 } r
                && Policy.CannotActAtStage(Me, w.Item.ContentType, w.Latest.Column, r.Stage) is null
                && w.Latest.Author != Me.Name && !r.Approvers.Contains(Me.Name))
            .ToList();
        Submitted = inReview.Where(w => w.Item.Owner == Me.Name || w.Latest.Author == Me.Name).ToList();
        Returned = await queries.ReturnedToAsync(Me.Name, cancellationToken);
        Drafts = (await queries.ListAsync(new WorkFilter { Author = Me.Name, Status = ContentStatus.Draft, PageSize = 50 }, cancellationToken)).Items;
        Scheduled = await queries.PendingSchedulesAsync(cancellationToken);
        Notices = await notices.ReadAsync(this, cancellationToken);
        return Page();
    }

    public string StageName(WorkItem work)
    {
        var stages = Policy.StagesOf(work.Item.ContentType);
        return work.Review is { Stage: >= 0 } r ? stages[Math.Min(r.Stage, stages.Count - 1)].Name : "";
    }

    public string Local(DateTime? utc) => utc is { } t ? SiteTime.ToLocal(t).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "";
}
