using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using PublicitySite.Proposals;

namespace PublicitySite.Web.Admin.Pages.Proposals;

/// <summary>
/// 登记新提案. The number is not typed: <see cref="ProposalOffice.FileAsync"/> gives the next one of the session
/// the filing date belongs to (after a session's cut-off, the next session's).
/// </summary>
public sealed class NewModel(ProposalOffice office, ProposalDirectory directory, ProposalOfficeQueries queries, ProposalRules rules, TimeProvider clock) : ProposalOfficePage
{
    public static IReadOnlyList<(string Key, string Label)> ProposerTypes => ProposalNames.ProposerTypes;

    [BindProperty] public string? Title { get; set; }

    [BindProperty] public string? Body { get; set; }

    [BindProperty] public string? FiledOn { get; set; }

    [BindProperty] public string ProposerType { get; set; } = "member";

    /// <summary>What a clerk may type to find a member: initials and full pinyin of the name (示例委员 安明 → am anming).</summary>
    public static string PinyinKeys(string member)
    {
        var name = PublicitySite.Members.PinyinOrder.PersonName(member);
        return $"{PublicitySite.Contents.Pinyin.Initials(name)} {PublicitySite.Contents.Pinyin.Full(name)}";
    }

    /// <summary>Members, the first being the lead proposer (领衔).</summary>
    [BindProperty] public string? LeadMember { get; set; }

    [BindProperty] public List<string> CoMembers { get; set; } = [];

    /// <summary>For a party, sector, committee or group: its name.</summary>
    [BindProperty] public string? ProposerName { get; set; }

    [BindProperty] public string? Sector { get; set; }

    [BindProperty] public string? Category { get; set; }

    [BindProperty] public bool Key { get; set; }

    [BindProperty] public string? Supervisor { get; set; }

    [BindProperty] public bool Public { get; set; }

    public IReadOnlyList<string> Members { get; private set; } = [];

    /// <summary>界别名录; when it holds names, 界别 is picked from it.</summary>
    public IReadOnlyList<string> Sectors { get; private set; } = [];

    public IReadOnlyList<string> Categories => Policy.Site.FindPart(ProposalVisibility.Part)?.Fields.FirstOrDefault(f => f.Name == "Category")?.Options ?? [];

    public IReadOnlyList<ProposalSession> Sessions => rules.Sessions;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        FiledOn = ProposalDates.Today(clock).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Members = await queries.MemberNamesAsync(cancellationToken);
        Sectors = await directory.NamesAsync(ProposalDirectoryKind.Sector, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Members = await queries.MemberNamesAsync(cancellationToken);
        Sectors = await directory.NamesAsync(ProposalDirectoryKind.Sector, cancellationToken);
        var filing = Read();
        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var result = await office.FileAsync(Me, filing!, cancellationToken);
        if (result.Value is not { } filed)
        {
            return Refused(result.Failure!);
        }

        Flash = $"已登记为{filed.Number}，状态“待审查”。提案正文须经审核签发后才会公开。";
        return Redirect($"/admin/proposals/{filed.ContentItemId}");
    }

    /// <summary>The filing, or null with the reasons in <see cref="AdminPage.Errors"/>.</summary>
    private ProposalFiling? Read()
    {
        if (string.IsNullOrWhiteSpace(Title))
        {
            Errors.Add(ProposalTexts.TitleRequired);
        }

        if (!DateOnly.TryParseExact(FiledOn?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var filedOn))
        {
            Errors.Add($"提交日期“{FiledOn}”无效，应为 2025-01-08 这样的日期");
        }

        if (!ProposerTypes.Any(t => t.Key == ProposerType))
        {
            Errors.Add($"提案者类别“{ProposerType}”无效");
        }

        List<string> proposers;
        if (ProposerType == "member")
        {
            proposers = [.. new[] { LeadMember }.Concat(CoMembers).Select(n => n?.Trim() ?? "").Where(n => n.Length > 0).Distinct()];
            if (string.IsNullOrWhiteSpace(LeadMember))
            {
                Errors.Add("请选择领衔提案的委员");
            }

            Errors.AddRange(proposers.Where(p => !Members.Contains(p)).Select(p => $"委员库中没有“{p}”，请从列表中选择"));
        }
        else
        {
            proposers = string.IsNullOrWhiteSpace(ProposerName) ? [] : [ProposerName.Trim()];
            if (proposers.Count == 0)
            {
                Errors.Add("请填写提案者名称（党派、界别、专委会或委员小组）");
            }
        }

        if (!string.IsNullOrWhiteSpace(Category) && !Categories.Contains(Category))
        {
            Errors.Add($"类别“{Category}”不在可选范围内");
        }

        if (Key && string.IsNullOrWhiteSpace(Supervisor))
        {
            Errors.Add("重点提案须填写督办领导");
        }

        return Errors.Count > 0 ? null : new ProposalFiling
        {
            Title = Title!.Trim(), Body = Body, FiledOn = filedOn, ProposerType = ProposerType, Proposers = proposers,
            Sector = Sector?.Trim(), Category = string.IsNullOrWhiteSpace(Category) ? null : Category, Key = Key,
            Supervisor = Key ? Supervisor?.Trim() : null, Public = Public,
        };
    }
}
