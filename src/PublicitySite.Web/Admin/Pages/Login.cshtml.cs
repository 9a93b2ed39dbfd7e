using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PublicitySite.Web.Auth;

namespace PublicitySite.Web.Admin.Pages;

[AllowAnonymous]
public sealed class LoginModel(LoginService login) : PageModel
{
    public string? Message { get; private set; }

    public string? Name { get; private set; }

    public void OnGet()
    {
        Response.Headers.CacheControl = "no-cache, no-store";
        Response.Headers.Pragma = "no-cache";
    }

    public async Task<IActionResult> OnPostAsync(string? name, string? password)
    {
        Name = name;
        switch (await login.SignInAsync(HttpContext, name, password))
        {
            case LoginOutcome.Ok:
                return LocalRedirect("/admin");
            case LoginOutcome.LockedOut:
                Message = "账号因多次密码错误已被锁定，请 15 分钟后再试或联系管理员解锁";
                Response.StatusCode = StatusCodes.Status423Locked;
                break;
            case LoginOutcome.Throttled:
                Message = "登录尝试过于频繁，请稍后再试";
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                break;
            default:
                Message = "用户名或密码错误";
                Response.StatusCode = StatusCodes.Status401Unauthorized;
                break;
        }

        return Page();
    }
}
