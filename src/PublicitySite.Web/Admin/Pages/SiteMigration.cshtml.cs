using PublicitySite.Contents.Definitions;
using Microsoft.AspNetCore.Mvc;
using PublicitySite.SiteMigration;
using PublicitySite.Web.SiteMigration;

namespace PublicitySite.Web.Admin.Pages;

/// <summary>
/// 系统 → 网站迁移, for administrators: the old-address map (search by old or new address, CSV and nginx
/// <c>map</c> exports), the latest runs' reports, and a form that runs the importer in the background
/// (<see cref="MigrationJob"/>, the same <c>SiteMigrator</c> as <c>migrate-site</c>) with its progress.
/// </summary>
[AdminPermission(Permissions.ManageSettings, Reason = Refusal)]
public sealed class SiteMigrationModel(LegacyAddressMap map, MigrationJob job) : AdminPage
{
    public const int PageSize = 50;
    private const string Refusal = "网站迁移需要“网站设置”权限（管理员）";

    public string? Q { get; private set; }

    public int PageNumber { get; private set; } = 1;

    public int Total { get; private set; }

    public IReadOnlyList<LegacyMapping> Rows { get; private set; } = [];

    public IReadOnlyList<MigrationRun> Runs { get; private set; } = [];

    public MigrationJobStatus Job { get; private set; } = new(false, "", 0, 0, 0, 0, 0, 0, null, null);

    public int PageCount => AdminPaging.PageCount(Total, PageSize);

    public string PageUrl(int page) => AdminPaging.Url(Request, "/admin/migration", page);

    public string MappingText { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string? q, CancellationToken cancellationToken)
    {
        await LoadAsync(q, cancellationToken);
        return Page();
    }

    public JsonResult OnGetStatus() => new(job.Status());

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken) =>
        File(System.Text.Encoding.UTF8.GetBytes(await map.CsvAsync(cancellationToken)), "text/csv; charset=utf-8", "旧地址映射.csv");

    public async Task<IActionResult> OnGetNginxAsync(CancellationToken cancellationToken) =>
        File(System.Text.Encoding.UTF8.GetBytes(await map.NginxMapAsync(cancellationToken)), "text/plain; charset=utf-8", "legacy-redirects.map");

    public async Task<IActionResult> OnPostRunAsync(string? mapping, bool dryRun, bool publish, int? maxPages, CancellationToken cancellationToken)
    {
        var refusal = string.IsNullOrWhiteSpace(mapping) ? "请填写映射文件（JSON）"
            : maxPages is < 1 ? "最多抓取页数应为正整数"
            : await job.StartAsync(mapping, Me, dryRun, publish, maxPages, cancellationToken);
        if (refusal is not null)
        {
            Errors.Add(refusal);
            await LoadAsync(null, cancellationToken);
            MappingText = mapping ?? "";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Flash = dryRun ? "已开始试运行（不写入任何内容）" : "已开始迁移，可离开此页，迁移在后台继续";
        return Redirect("/admin/migration");
    }

    private async Task LoadAsync(string? q, CancellationToken cancellationToken)
    {
        Q = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        var (page, found) = await AdminPaging.LoadAsync(AdminPaging.Requested(Request, Errors), PageSize, p => map.SearchAsync(Q, p, PageSize, cancellationToken), r => r.Total, Errors);
        (PageNumber, Total, Rows) = (page, found.Total, found.Rows);
        Runs = await map.RecentRunsAsync(5, cancellationToken);
        Job = job.Status();
    }
}
