using Microsoft.AspNetCore.Mvc;
using PublicitySite.MemberRecord;

namespace PublicitySite.Web.Admin.Pages.Duties;

/// <summary>履职积分: the office's yearly ranking (not public), by the recipe's rules; an adapter over <see cref="DutyRecords"/>.</summary>
[AdminPermission(PublicitySite.Contents.Definitions.Permissions.RecordDuties)]
public sealed class IndexModel(DutyRecords records, PublicitySite.Contents.Definitions.SiteDefinitionStore definitions, TimeProvider clock) : AdminPage
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }

    public IReadOnlyList<DutyRank> Ranking { get; private set; } = [];

    public int ShownYear => Year ?? DutyRecords.ThisYear(clock);

    public IReadOnlyList<DutyPointRule> Rules => definitions.Current.Duties.Points;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (ShownYear is < 1949 or > 9999)
        {
            Errors.Add(MemberRecordTexts.YearInvalid);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var ranking = await records.RankingAsync(Me, ShownYear, cancellationToken);
        if (!ranking.Succeeded)
        {
            return Refused(ranking.Failure!);
        }

        Ranking = ranking.Value!;
        return Page();
    }
}
