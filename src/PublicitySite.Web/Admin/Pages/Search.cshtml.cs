using Microsoft.AspNetCore.Mvc;
using PublicitySite.Audit;
using PublicitySite.Contents.Definitions;
using PublicitySite.Search;
using PublicitySite.Storage;
using PublicitySite.Web.Search;

namespace PublicitySite.Web.Admin.Pages;

/// <summary>
/// 搜索管理 for administrators: the index's state with a background rebuild and its progress, and the synonym
/// list. The rebuild is the one behind <c>POST /api/admin/search/reindex</c> (<see cref="ReindexJob"/>);
/// synonyms go through <see cref="SynonymStore"/>, which applies them to the next query.
/// </summary>
public sealed class SearchModel(ReindexJob job, SynonymStore synonyms, AppDbContext db, AuditLog audit) : AdminPage
{
    public const string AlreadyRunning = "正在重建索引，请等待本次重建完成，没有重复启动。";
    private const string Refusal = "您的角色无权管理搜索（仅管理员可操作）";

    public SearchStatus Status { get; private set; } = null!;

    public string SynonymLines { get; private set; } = "";

    public bool MayEditSynonyms => Can(Permissions.ManageSettings);

    public IActionResult OnGet()
    {
        if (!Can(Permissions.Reindex))
        {
            return Forbidden(Refusal);
        }

        Load();
        return Page();
    }

    /// <summary>The small JSON the page's script polls while a rebuild runs.</summary>
    public IActionResult OnGetStatus()
    {
        if (!Can(Permissions.Reindex))
        {
            return new JsonResult(new { error = Refusal }) { StatusCode = StatusCodes.Status403Forbidden };
        }

        return new JsonResult(SearchEndpoints.StatusBody(job.Status()));
    }

    public async Task<IActionResult> OnPostReindexAsync(CancellationToken cancellationToken)
    {
        if (!Can(Permissions.Reindex))
        {
            return Forbidden(Refusal);
        }

        if (!job.TryStart())
        {
            Errors.Add(AlreadyRunning);
            Response.StatusCode = StatusCodes.Status409Conflict;
            Load();
            return Page();
        }

        await audit.WriteAsync(Me.Name, AuditActions.SearchReindex, "search-index", "从后台开始重建搜索索引", address: Me.Address, cancellationToken: cancellationToken);
        Flash = "已开始重建索引；重建期间搜索继续使用旧索引";
        return Redirect("/admin/search");
    }

    public async Task<IActionResult> OnPostSynonymsAsync(string? synonymLines, CancellationToken cancellationToken)
    {
        if (!Can(Permissions.Reindex) || !MayEditSynonyms)
        {
            return Forbidden(Refusal);
        }

        var before = synonyms.Groups;
        var (groups, errors) = SynonymText.Parse(synonymLines);
        if (errors.Count == 0)
        {
            // Staged first so the audit line commits with the list in the store's one SaveChanges.
            var entry = audit.Stage(Me.Name, AuditActions.SynonymsChanged, SynonymStore.DocumentKey, SynonymText.Describe(before, groups), address: Me.Address);
            errors.AddRange(await synonyms.SaveAsync(db, groups, cancellationToken));
            if (errors.Count > 0)
            {
                db.Remove(entry);
            }
        }

        if (errors.Count > 0)
        {
            Errors.AddRange(errors);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            Load();
            SynonymLines = synonymLines ?? ""; // the form keeps what was typed
            return Page();
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
