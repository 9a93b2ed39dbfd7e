using Microsoft.AspNetCore.Mvc;
using PublicitySite.Contents.Definitions;
using PublicitySite.Members;
using PublicitySite.MemberRecord;

namespace PublicitySite.Web.Admin.Pages.Opinions;

/// <summary>标记采用: the office sets a 社情民意's adoption level (and a 批示); an adapter over <see cref="PortalOpinions"/>.</summary>
[AdminPermission(Permissions.AdoptOpinions, Reason = "您的角色无权标记社情民意采用（由审核人、签发人办理）")]
public sealed class AdoptModel(PortalOpinions opinions, SocialOpinions list) : AdminPage
{
    [FromRoute] public string Id { get; set; } = "";

    public OfficeOpinion? Opinion { get; private set; }

    public IReadOnlyList<string> Levels => opinions.Levels;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(string? level, string? remark, CancellationToken cancellationToken)
    {
        var marked = await opinions.MarkAdoptionAsync(Me, Id, level, remark, cancellationToken);
        if (!marked.Succeeded)
        {
            await LoadAsync(cancellationToken);
            return Refused(marked.Failure!);
        }

        Flash = $"已标记为“{marked.Value}”";
        return Redirect("/admin/opinions");
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        Opinion = await list.FindForOfficeAsync(Id, cancellationToken);
        return Opinion is not null;
    }
}
