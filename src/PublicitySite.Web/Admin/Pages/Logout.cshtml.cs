using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PublicitySite.Web.Auth;

namespace PublicitySite.Web.Admin.Pages;

[AllowAnonymous]
public sealed class LogoutModel(LoginService login) : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/admin/login");

    public async Task<IActionResult> OnPostAsync()
    {
        await login.SignOutAsync(HttpContext, User.Identity?.Name);
        return LocalRedirect("/admin/login");
    }
}
