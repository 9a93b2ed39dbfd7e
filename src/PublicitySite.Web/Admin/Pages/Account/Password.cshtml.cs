using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using PublicitySite.Users;
using PublicitySite.Web.Auth;

namespace PublicitySite.Web.Admin.Pages.Account;

/// <summary>Every user changes their own password here; a generated one must be changed before anything else.</summary>
public sealed class PasswordModel(UserManager<AppUser> users, UserService people, AccountSecurity account, LoginService login) : AdminPage
{
    public bool MustChange { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync(string? current, string? password, string? repeat)
    {
        if ((await account.ChangePasswordAsync(Me, current, password, repeat)).Failure is { } failure)
        {
            await LoadAsync();
            return Refused(failure);
        }

        await login.RefreshAsync(HttpContext); // this session goes on with the new security stamp
        Flash = "密码已修改，其他设备上的登录已退出";
        return Redirect(Me.Role == PublicitySite.MemberPortal.MemberAccounts.Role ? "/member" : "/admin/account");
    }

    private async Task LoadAsync() =>
        MustChange = await users.FindByNameAsync(Me.Name) is { } user && await people.MustChangePasswordAsync(user);
}
