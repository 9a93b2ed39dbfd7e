using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using PublicitySite.Commands;
using PublicitySite.Contents;
using PublicitySite.Proposals;

namespace PublicitySite.Web.Admin.Pages.Proposals;

/// <summary>提案办理: the office's queue at a glance, and every proposal filtered by 届次, status, unit and overdue, 20 a page.</summary>
public sealed class IndexModel(ProposalOffice office, ProposalOfficeQueries queries, TimeProvider clock) : ProposalOfficePage
{
    public const int PageSize = 20;

    /// <summary>"5" (the whole term) or "5-3" (one session).</summary>
    [BindProperty(SupportsGet = true)] public string? Session { get; set; }

    [BindProperty(SupportsGet = true)] public string? Status { get; set; }

    [BindProperty(SupportsGet = true)] public string? Unit { get; set; }

    [BindProperty(SupportsGet = true)] public bool Overdue { get; set; }

    /// <summary>Read by <see cref="AdminPaging"/>, never bound: "page" is Razor Pages' own route value.</summary>
    public int PageNumber { get; private set; } = 1;

    public ProposalQueue? Queue { get; private set; }

    public Page<ProposalRecord> Results { get; private set; } = new(0, 1, PageSize, []);

    public IReadOnlyList<(int Term, int Meeting)> Sessions { get; private set; } = [];

    public IReadOnlyList<string> Units { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public int PageCount => AdminPaging.PageCount(Results.Total, PageSize);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            Errors.Add(FailureTexts.BadFilterIgnored);
        }

        Today = ProposalDates.Today(clock);
        var (term, meeting) = ParseSession(Session);
        ProposalStatus? status = null;
        if (!string.IsNullOrWhiteSpace(Status))
        {
            if (ProposalNames.TryParseStatus(Status, out var s))
            {
                status = s;
            }
            else
            {
                Errors.Add($"未知的办理状态“{Status}”，已忽略");
            }
        }

        var requested = AdminPaging.Requested(Request, Errors);
        (PageNumber, Results) = await AdminPaging.LoadAsync(requested, PageSize, page => queries.ListAsync(new ProposalOfficeFilter
        {
            Term = term, Meeting = meeting, Status = status, Unit = Unit, OverdueOnly = Overdue, Page = page, PageSize = PageSize,
        }, cancellationToken), r => r.Total, Errors);
        Queue = await office.QueueAsync(cancellationToken);
        (Sessions, Units) = await queries.FacetsAsync(cancellationToken);
        return Page();
    }

    public string PageUrl(int page) => AdminPaging.Url(Request, "/admin/proposals", page);

    private (int? Term, int? Meeting) ParseSession(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, null);
        }

        var parts = text.Split('-');
        if (parts.Length is 1 or 2 && parts.All(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0))
        {
            var term = int.Parse(parts[0], CultureInfo.InvariantCulture);
            return (term, parts.Length == 2 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : null);
        }

        Errors.Add($"届次“{text}”格式不对，应如 5 或 5-3，已忽略");
        return (null, null);
    }
}
