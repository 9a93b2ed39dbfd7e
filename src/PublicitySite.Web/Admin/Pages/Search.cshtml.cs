using Microsoft.AspNetCore.Mvc;
using PublicitySite.Contents.Definitions;
using PublicitySite.Search;
using PublicitySite.Web.Search;

namespace PublicitySite.Web.Admin.Pages;

/// <summary>
/// 搜索管理 for administrators: the index's state with a background rebuild and its progress, and the synonym
/// list. The rebuild is the one behind <c>POST /api/admin/search/reindex</c> (<see cref="ReindexJob"/>);
/// synonyms go through <see cref="SearchAdministration"/>, which applies them to the next query.
/// </summary>
[AdminPermission(Permissions.Reindex, Reason = Refusal)]
public sealed class SearchModel(ReindexJob job, SynonymStore synonyms, SearchAdministration administration) : AdminPage
{
    private const string Refusal = "您的角色无权管理搜索（仅管理员可操作）";

    public SearchStatus Status { get; private set; } = null!;

    public string SynonymLines { get; private set; } = "";

    public bool MayEditSynonyms => Can(Permissions.ManageSettings);

    public IActionResult OnGet()
    {
        Load();
        return Page();
    }

    /// <summary>The small JSON the page's script polls while a rebuild runs.</summary>
    public JsonResult OnGetStatus() => new(SearchEndpoints.StatusBody(job.Status()));

    public async Task<IActionResult> OnPostReindexAsync(CancellationToken cancellationToken)
    {
        var started = await administration.StartReindexAsync(Me, cancellationToken);
        if (started.Failure is { } failure)
        {
            Load();
            return Refused(failure);
        }

        Flash = "已开始重建索引；重建期间搜索继续使用旧索引";
        return Redirect("/admin/search");
    }

    [AdminPermission(Permissions.ManageSettings, Reason = Refusal)]
    public async Task<IActionResult> OnPostSynonymsAsync(string? synonymLines, CancellationToken cancellationToken)
    {
        var (groups, errors) = SynonymText.Parse(synonymLines);
        var saved = errors.Count > 0
            ? new Commands.Failure.Invalid([.. errors.Select(e => new Commands.FieldError("synonymLines", e))])
            : (await administration.SaveSynonymsAsync(Me, groups, cancellationToken)).Failure;
        if (saved is not null)
        {
            Load();
            SynonymLines = synonymLines ?? ""; // the form keeps what was typed
            return Refused(saved);
        }

        Flash = $"同义词已保存（共 {groups.Count} 组），下一次搜索即生效";
        return Redirect("/admin/search#synonyms");
    }

    private void Load()
    {
        Status = job.Status();
        SynonymLines = SynonymText.Format(synonyms.Groups);
    }
}
