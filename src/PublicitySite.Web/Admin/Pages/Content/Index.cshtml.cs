using Microsoft.AspNetCore.Mvc;
using PublicitySite.Commands;
using PublicitySite.Contents;
using PublicitySite.Contents.Definitions;
using PublicitySite.Workflow;

namespace PublicitySite.Web.Admin.Pages.Content;

/// <summary>Every item's latest version, filtered by type, column, status, author, title and date, 20 a page.</summary>
[AdminPermission(Permissions.ViewDrafts, Permissions.EditOwnContent, Reason = "您的角色无权查看内容列表")]
public sealed class IndexModel(WorkflowQueries queries, PublicitySite.Curation.CurationService curation) : AdminPage
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)] public string? Type { get; set; }

    [BindProperty(SupportsGet = true)] public string? Column { get; set; }

    [BindProperty(SupportsGet = true)] public ContentStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)] public string? Author { get; set; }

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }

    /// <summary>Read by <see cref="AdminPaging"/>, never bound: "page" is Razor Pages' own route value.</summary>
    public int PageNumber { get; private set; } = 1;

    public int Total { get; private set; }

    public int PageCount => AdminPaging.PageCount(Total, PageSize);

    public IReadOnlyList<WorkItem> Items { get; private set; } = [];

    /// <summary>头条, 置顶 and 推荐 of the listed items, for the one-click buttons.</summary>
    public PublicitySite.Curation.CurationBoard Board { get; private set; } = PublicitySite.Curation.CurationBoard.Empty;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            Errors.Add(FailureTexts.BadFilterIgnored);
        }

        // Without content.viewDrafts a user sees only what they wrote.
        var author = Can(Permissions.ViewDrafts) ? Blank(Author) : Me.Name;
        var requested = AdminPaging.Requested(Request, Errors);
        (PageNumber, (Total, Items)) = await AdminPaging.LoadAsync(requested, PageSize, page => queries.ListAsync(new WorkFilter
        {
            ContentType = Blank(Type),
            Column = Blank(Column),
            Status = Status,
            Author = author,
            Search = Blank(Q),
            FromUtc = From is { } f ? Utc(f) : null,
            ToUtc = To is { } t ? Utc(t.AddDays(1)) : null,
            Page = page,
            PageSize = PageSize,
        }, cancellationToken), r => r.Total, Errors);
        Board = await curation.GetAsync(cancellationToken);
        return Page();
    }

    public string PageUrl(int page) => AdminPaging.Url(Request, "/admin/content", page);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static DateTime Utc(DateOnly day) => new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), SiteTime.Zone.BaseUtcOffset).UtcDateTime;
}
