using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PublicitySite.Commands;
using PublicitySite.Contents.Definitions;
using PublicitySite.Users;

namespace PublicitySite.Web.Admin.Pages;

/// <summary>People and their roles; only roles holding users.manage get here, and every change is audited.</summary>
[AdminPermission(Permissions.ManageUsers, Reason = "您的角色无权管理用户")]
public sealed class UsersModel(UserManager<AppUser> users, UserAdministration admin) : AdminPage
{
    public List<(AppUser User, string Role, bool Locked)> People { get; } = [];

    /// <summary>A password the site just generated, shown on this answer only (never kept, never redirected with).</summary>
    public (string Name, string Password)? Generated { get; private set; }

    public Task OnGetAsync() => LoadAsync();

    public async Task<IActionResult> OnPostAddAsync(string name, string role, string? password, string? displayName)
    {
        if (!string.IsNullOrEmpty(password))
        {
            return await RunAsync(() => admin.AddAsync(Me, name ?? "", role ?? "", password, displayName), $"已新增用户 {name}");
        }

        var secret = UserService.GeneratePassword();
        return await ShowGeneratedAsync(name ?? "", secret, () => admin.AddAsync(Me, name ?? "", role ?? "", secret, displayName, generated: true));
    }

    public Task<IActionResult> OnPostGeneratePasswordAsync(string name)
    {
        var secret = UserService.GeneratePassword();
        return ShowGeneratedAsync(name ?? "", secret, () => admin.SetPasswordAsync(Me, name ?? "", secret, generated: true));
    }

    public Task<IActionResult> OnPostResetTwoFactorAsync(string name) =>
        RunAsync(() => admin.ResetTwoFactorAsync(Me, name ?? ""), $"已重置 {name} 的两步验证，其登录已退出");

    public Task<IActionResult> OnPostRoleAsync(string name, string role) =>
        RunAsync(() => admin.ChangeRoleAsync(Me, name ?? "", role ?? ""), $"已修改 {name} 的角色");

    public Task<IActionResult> OnPostUnlockAsync(string name) =>
        RunAsync(() => admin.UnlockAsync(Me, name ?? ""), $"已解除 {name} 的锁定");

    private async Task<IActionResult> RunAsync(Func<Task<Result<Done>>> action, string done)
    {
        if ((await action()).Failure is { } failure)
        {
            await LoadAsync();
            return Refused(failure);
        }

        Flash = done;
        return Redirect("/admin/users");
    }

    private async Task<IActionResult> ShowGeneratedAsync(string name, string secret, Func<Task<Result<Done>>> action)
    {
        var failed = (await action()).Failure;
        await LoadAsync();
        if (failed is not null)
        {
            return Refused(failed);
        }

        Generated = (name.Trim(), secret);
        return Page();
    }

    private async Task LoadAsync()
    {
        foreach (var user in await users.Users.OrderBy(u => u.UserName).ToListAsync())
        {
            People.Add((user, (await users.GetRolesAsync(user)).FirstOrDefault() ?? "", await users.IsLockedOutAsync(user)));
        }
    }
}
