using Microsoft.AspNetCore.Mvc;
using PublicitySite.Contents.Definitions;
using PublicitySite.Workflow;

namespace PublicitySite.Web.Admin.Pages.Content;

/// <summary>The 审签单 of one version, laid out to print on A4 and file, for anyone who may see the item's drafts.</summary>
public sealed class SignOffModel(WorkflowQueries queries, PublicitySite.Settings.SiteSettingsService settings) : AdminPage
{
    public SignOffSheet? Sheet { get; private set; }

    public string SiteName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string id, int number, CancellationToken cancellationToken)
    {
        var work = await queries.GetAsync(id, cancellationToken);
        Sheet = work is null ? null : await queries.SignOffAsync(Policy.Site, id, number, cancellationToken);
        if (work is null || Sheet is null)
        {
            return NotFound();
        }

        var stages = Policy.StagesOf(work.Item.ContentType);
        var reviewer = work.Review is { Stage: >= 0 } r && Policy.CannotActAtStage(Me, work.Item.ContentType, work.Latest.Column, Math.Min(r.Stage, stages.Count - 1)) is null;
        if (!Policy.Has(Me, Permissions.ViewDrafts, work.Item.ContentType, Sheet.Column) && !Policy.CanEdit(Me, work.Item, Sheet.Column) && !reviewer)
        {
            Sheet = null; // nothing of the sheet is shown with the refusal
            return Forbidden("您无权查看此内容的审签单");
        }

        var effective = await settings.GetAsync(cancellationToken);
        SiteName = effective.Get("SponsoringUnit", effective.Get("SiteName"));
        return Page();
    }
}
