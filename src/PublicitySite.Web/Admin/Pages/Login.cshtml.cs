using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PublicitySite.Web.Auth;

namespace PublicitySite.Web.Admin.Pages;

[AllowAnonymous]
public sealed class LoginModel(LoginService login, LoginChallenge challenges) : PageModel
{
    public string? Message { get; private set; }

    public string? Name { get; private set; }

    /// <summary>The question to answer after repeated failures, with its id for the hidden field.</summary>
    public ChallengeQuestion? Question { get; private set; }

    public void OnGet()
    {
        Response.Headers.CacheControl = "no-cache, no-store";
        Response.Headers.Pragma = "no-cache";
        if (login.NeedsChallenge(HttpContext, null))
        {
            Question = challenges.Issue();
        }
    }

    public async Task<IActionResult> OnPostAsync(string? name, string? password, string? challengeId, string? challengeAnswer)
    {
        Name = name;
        var result = await login.SignInAsync(HttpContext, name, password, challengeId, challengeAnswer);
        switch (result.Outcome)
        {
            case LoginOutcome.Ok:
                return LocalRedirect("/admin");
            case LoginOutcome.SecondStep:
                return LocalRedirect("/admin/login/two-factor");
            case LoginOutcome.Throttled:
                Message = "登录尝试过于频繁，请稍后再试";
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                break;
            case LoginOutcome.ChallengeFailed:
                Message = "验证问题的答案不对，请重新作答";
                Response.StatusCode = StatusCodes.Status401Unauthorized;
                break;
            default:
                Message = "用户名或密码错误";
                Response.StatusCode = StatusCodes.Status401Unauthorized;
                break;
        }

        if (result.NeedsChallenge)
        {
            Question = challenges.Issue();
        }

        return Page();
    }
}
