using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PublicitySite.Contents.Definitions;
using PublicitySite.MemberPortal;
using PublicitySite.Storage;

namespace PublicitySite.Web.Admin.Pages.Members;

/// <summary>
/// 委员账户: the office opens accounts for members of the directory who have none, one or many at a time. The
/// generated first passwords are on the answer to the post only (a table, or sealed slips to print), never kept
/// in clear and never redirected with.
/// </summary>
[AdminPermission(Permissions.ManageUsers, Permissions.RecordProposals, Reason = "您的角色无权开通委员账户")]
public sealed class AccountsModel(MemberAccounts accounts, AppDbContext db) : AdminPage
{
    public IReadOnlyList<MemberWithoutAccount> Waiting { get; private set; } = [];

    public IReadOnlyList<(MemberAccount Account, string? Email)> Existing { get; private set; } = [];

    /// <summary>The accounts this answer opened, with their passwords.</summary>
    public IReadOnlyList<IssuedAccount> Issued { get; private set; } = [];

    /// <summary>The answer is the printable page of sealed slips.</summary>
    public bool Slips { get; private set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    /// <summary>开通: the members ticked (<c>member</c>), or the one row's button (<c>only</c>); <c>slips=1</c> prints them.</summary>
    public async Task<IActionResult> OnPostAsync(string[]? member, string? only, string? slips, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var chosen = string.IsNullOrEmpty(only) ? member ?? [] : [only];
        var requests = chosen.Select(id => new AccountRequest(id, Request.Form["email-" + id].FirstOrDefault())).ToList();
        var result = await accounts.IssueAsync(Me, requests, cancellationToken);
        if (result.Failure is { } failure)
        {
            return Refused(failure);
        }

        Issued = result.Value!;
        Slips = slips == "1";
        if (Slips)
        {
            ViewData["Bare"] = true;
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Waiting = await accounts.WithoutAccountAsync(cancellationToken);
        var linked = await db.Set<MemberAccount>().AsNoTracking().OrderBy(a => a.Name).ToListAsync(cancellationToken);
        var names = linked.Select(a => a.UserName).ToList();
        var emails = await db.Users.AsNoTracking().Where(u => names.Contains(u.UserName!)).ToDictionaryAsync(u => u.UserName!, u => u.Email, cancellationToken);
        Existing = [.. linked.Select(a => (a, emails.GetValueOrDefault(a.UserName)))];
    }
}
