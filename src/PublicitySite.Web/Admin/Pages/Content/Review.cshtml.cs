using Microsoft.AspNetCore.Mvc;
using PublicitySite.Commands;
using PublicitySite.Contents;
using PublicitySite.Contents.Definitions;
using PublicitySite.Workflow;

namespace PublicitySite.Web.Admin.Pages.Content;

/// <summary>
/// The reviewer's screen: the decision panel (意见, 通过/退回, 退回至) above the version rendered as the site will
/// show it. Everyone else who may see the item gets the same page read-only, with its place in the review chain.
/// Decisions go through <see cref="WorkflowService"/>, like the API.
/// </summary>
public sealed class ReviewModel(WorkflowService workflow, WorkflowQueries queries, PreviewLinks links) : AdminPage
{
    public WorkItem? Work { get; private set; }

    public IReadOnlyList<ReviewStep> Steps { get; private set; } = [];

    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();

    public SignOffSheet? Sheet { get; private set; }

    /// <summary>What the reviewer typed, kept when a decision is refused.</summary>
    public string? Comment { get; private set; }

    public IReadOnlyList<WorkflowStage> Stages => Work is null ? [] : Policy.StagesOf(Work.Item.ContentType);

    public int Stage => Work?.Review is { Stage: >= 0 } r && Work.Latest.Status == ContentStatus.InReview ? Math.Min(r.Stage, Stages.Count - 1) : -1;

    public bool CanDecide => Stage >= 0 && Policy.CannotActAtStage(Me, Work!.Item.ContentType, Work.Latest.Column, Stage) is null;

    public bool IsFinalStage => Stage == Stages.Count - 1;

    public bool CanEdit => Work is { } w && w.Latest.Status != ContentStatus.InReview && Policy.CanEdit(Me, w.Item, w.Latest.Column);

    /// <summary>External preview links of the item (made and revoked by the editor page's handlers).</summary>
    public IReadOnlyList<PreviewLink> Links { get; private set; } = [];

    public bool CanViewDrafts => Work is { } w && (Policy.Has(Me, Permissions.ViewDrafts, w.Item.ContentType, w.Latest.Column) || Policy.CanEdit(Me, w.Item, w.Latest.Column));

    public string Name(string user) => Names.TryGetValue(user, out var n) ? n : user;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Page();

    public Task<IActionResult> OnPostApproveAsync(string id, int version, string? comment, DateTime? at, CancellationToken cancellationToken) =>
        DecideAsync(id, comment, () => workflow.ApproveAsync(Me, id, version, EditorTime.ToUtc(at), comment, cancellationToken), r => r.Version.Status switch
        {
            ContentStatus.Published => "已签发，内容已发布",
            ContentStatus.Scheduled => "已签发，将按设定时间发布",
            _ => $"审核通过，已转“{r.StageName}”",
        }, cancellationToken);

    public Task<IActionResult> OnPostRejectAsync(string id, int version, string? comment, string? returnTo, CancellationToken cancellationToken) =>
        DecideAsync(id, comment, () => workflow.RejectAsync(Me, id, version, comment, returnTo, cancellationToken),
            r => r.StageName is { } stage ? $"已退回至“{stage}”" : "已退回作者", cancellationToken);

    private async Task<IActionResult> DecideAsync(string id, string? comment, Func<Task<Result<WorkflowChange>>> decide, Func<WorkflowChange, string> done, CancellationToken cancellationToken)
    {
        var result = await decide();
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (result.Failure is { } failure)
        {
            Comment = comment;
            return Refused(failure);
        }

        Flash = done(result.Value!);
        return Redirect($"/admin/content/review/{id}");
    }

    private async Task<IActionResult?> LoadAsync(string id, CancellationToken cancellationToken)
    {
        Work = await queries.GetAsync(id, cancellationToken);
        if (Work is null)
        {
            return NotFound();
        }

        var w = Work;
        if (!Policy.Has(Me, Permissions.ViewDrafts, w.Item.ContentType, w.Latest.Column) && !Policy.CanEdit(Me, w.Item, w.Latest.Column) && !CanDecide)
        {
            return Forbidden(WorkflowTexts.ViewRefused);
        }

        Sheet = await queries.SignOffAsync(Policy.Site, id, w.Latest.Number, cancellationToken);
        Steps = await queries.StepsAsync(id, w.Latest.Number, cancellationToken);
        Links = CanViewDrafts ? await links.ListAsync(id, cancellationToken) : [];
        Names = await queries.DisplayNamesAsync(Steps.Select(s => s.By).Append(w.Latest.Author), cancellationToken);
        return null;
    }
}
