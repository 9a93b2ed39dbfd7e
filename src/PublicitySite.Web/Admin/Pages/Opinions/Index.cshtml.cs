using Microsoft.AspNetCore.Mvc;
using PublicitySite.Commands;
using PublicitySite.Contents;
using PublicitySite.Members;

namespace PublicitySite.Web.Admin.Pages.Opinions;

/// <summary>
/// 社情民意 for the office: every item, unpublished ones included, filtered by year, category, adoption level
/// and published or not, 20 a page newest first, with yearly counts over every item and links to the editor.
/// Only the roles <see cref="OfficeAccess.Opinions"/> admits see any of it.
/// </summary>
[AdminPermission(PublicitySite.Contents.Definitions.Permissions.ViewDrafts, Reason = Refusal)]
public sealed class IndexModel(SocialOpinions opinions) : AdminPage
{
    public const int PageSize = 20;

    private const string Refusal = "您的角色无权查看未发布的社情民意（由审核人、签发人办理）";

    [BindProperty(SupportsGet = true)] public int? Year { get; set; }

    [BindProperty(SupportsGet = true)] public string? Category { get; set; }

    [BindProperty(SupportsGet = true)] public string? Adoption { get; set; }

    /// <summary>"yes", "no" or empty (both).</summary>
    [BindProperty(SupportsGet = true)] public string? Published { get; set; }

    /// <summary>Read by <see cref="AdminPaging"/>, never bound: "page" is Razor Pages' own route value.</summary>
    public int PageNumber { get; private set; } = 1;

    public Page<OfficeOpinion> Results { get; private set; } = new(0, 1, PageSize, []);

    public int PageCount => AdminPaging.PageCount(Results.Total, PageSize);

    public IReadOnlyList<OfficeYearCount> Years { get; private set; } = [];

    public IReadOnlyList<string> Categories => Options("Category");

    public IReadOnlyList<string> Adoptions => Options("Adoption");

    public bool CanAdopt => Can(PublicitySite.Contents.Definitions.Permissions.AdoptOpinions);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            Errors.Add(FailureTexts.BadFilterIgnored);
        }

        bool? published = Published switch { "yes" => true, "no" => false, _ => null };
        var filter = new OfficeOpinionFilter(Year, Blank(Category), Blank(Adoption), published);
        var requested = AdminPaging.Requested(Request, Errors);
        (PageNumber, Results) = await AdminPaging.LoadAsync(requested, PageSize,
            page => opinions.ListForOfficeAsync(filter, page, PageSize, cancellationToken), r => r.Total, Errors);
        Years = await opinions.OfficeYearlyCountsAsync(cancellationToken);
        return Page();
    }

    /// <summary>Viewing drafts is not enough: only the roles that handle 社情民意 see them here.</summary>
    protected override string? ScopeRefusal() => OfficeAccess.Opinions(Policy, Me) ? null : Refusal;

    public string PageUrl(int page) => AdminPaging.Url(Request, "/admin/opinions", page);

    private IReadOnlyList<string> Options(string field) =>
        Policy.Site.FindPart("SocialOpinionPart")?.Fields.FirstOrDefault(f => f.Name == field)?.Options ?? [];

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
