using Microsoft.AspNetCore.Mvc;
using PublicitySite.Contents;
using PublicitySite.Contents.Definitions;
using PublicitySite.Workflow;

namespace PublicitySite.Web.Admin.Pages.Content;

/// <summary>Every item's latest version, filtered by type, column, status, author, title and date, 20 a page.</summary>
public sealed class IndexModel(WorkflowQueries queries) : AdminPage
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)] public string? Type { get; set; }

    [BindProperty(SupportsGet = true)] public string? Column { get; set; }

    [BindProperty(SupportsGet = true)] public ContentStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)] public string? Author { get; set; }

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public int Total { get; private set; }

    public int PageCount => (Total + PageSize - 1) / PageSize;

    public IReadOnlyList<WorkItem> Items { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!Can(Permissions.ViewDrafts) && !Can(Permissions.EditOwnContent))
        {
            return Forbidden("您的角色无权查看内容列表");
        }

        if (!ModelState.IsValid)
        {
            Errors.Add("筛选条件有误，已忽略无法识别的条件");
        }

        PageNumber = Math.Max(1, PageNumber);
        // Without content.viewDrafts a user sees only what they wrote.
        var author = Can(Permissions.ViewDrafts) ? Blank(Author) : Me.Name;
        var (total, items) = await queries.ListAsync(new WorkFilter
        {
            ContentType = Blank(Type),
            Column = Blank(Column),
            Status = Status,
            Author = author,
            Search = Blank(Q),
            FromUtc = From is { } f ? Utc(f) : null,
            ToUtc = To is { } t ? Utc(t.AddDays(1)) : null,
            Page = PageNumber,
            PageSize = PageSize,
        }, cancellationToken);
        Total = total;
        Items = items;
        return Page();
    }

    public string PageUrl(int page)
    {
        var query = Request.Query.Where(q => q.Key != "page").Select(q => $"{q.Key}={Uri.EscapeDataString(q.Value.ToString())}").Append($"page={page}");
        return "/admin/content?" + string.Join("&", query);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static DateTime Utc(DateOnly day) => new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), SiteTime.Zone.BaseUtcOffset).UtcDateTime;
}
