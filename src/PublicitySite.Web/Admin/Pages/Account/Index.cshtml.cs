using Microsoft.AspNetCore.Identity;
using PublicitySite.Users;

namespace PublicitySite.Web.Admin.Pages.Account;

/// <summary>我的账户: the signed-in user's own password and two-step sign-in, for every role.</summary>
public sealed class IndexModel(UserManager<AppUser> users, AccountSecurity account) : AdminPage
{
    public bool TwoFactorEnabled { get; private set; }

    public bool TwoFactorRequired { get; private set; }

    public async Task OnGetAsync()
    {
        TwoFactorEnabled = await users.FindByNameAsync(Me.Name) is { TwoFactorEnabled: true };
        TwoFactorRequired = account.IsRequiredFor(Me.Role);
    }
}
