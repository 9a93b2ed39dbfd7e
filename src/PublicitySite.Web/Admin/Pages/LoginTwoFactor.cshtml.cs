using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PublicitySite.Web.Auth;

namespace PublicitySite.Web.Admin.Pages;

/// <summary>The second sign-in step, reached only from a passed password step in this browser.</summary>
[AllowAnonymous]
public sealed class LoginTwoFactorModel(LoginService login) : PageModel
{
    public string? Message { get; private set; }

    public bool Expired { get; private set; }

    public IActionResult OnGet()
    {
        Response.Headers.CacheControl = "no-cache, no-store";
        return login.HasSecondStep(HttpContext) ? Page() : LocalRedirect("/admin/login");
    }

    public async Task<IActionResult> OnPostAsync(string? code)
    {
        Response.Headers.CacheControl = "no-cache, no-store";
        var result = await login.CompleteSecondStepAsync(HttpContext, code);
        switch (result.Outcome)
        {
            case LoginOutcome.Ok:
                return LocalRedirect("/admin");
            case LoginOutcome.Throttled:
                Message = "尝试过于频繁，请稍后再试";
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                break;
            case LoginOutcome.Expired:
                Message = "验证已失效（超时或错误次数过多），请重新登录";
                Expired = true;
                Response.StatusCode = StatusCodes.Status401Unauthorized;
                break;
            default:
                Message = "验证码不正确，请重新输入";
                Response.StatusCode = StatusCodes.Status401Unauthorized;
                break;
        }

        return Page();
    }
}
