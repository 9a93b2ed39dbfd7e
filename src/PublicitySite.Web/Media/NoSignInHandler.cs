using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace PublicitySite.Web.Media;

/// <summary>
/// Stands in only when no other authentication scheme is configured at all: nobody is signed in, and a
/// protected endpoint answers 401 with a problem body instead of failing for want of a challenge scheme.
/// </summary>
internal sealed class NoSignInHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "NoSignIn";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync() => Task.FromResult(AuthenticateResult.NoResult());

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        await Response.WriteAsJsonAsync(new { title = "需要登录", detail = "此操作需要登录并具备相应权限", status = 401 }, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await Response.WriteAsJsonAsync(new { title = "没有权限", detail = "当前账号无权执行此操作", status = 403 }, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
    }
}
