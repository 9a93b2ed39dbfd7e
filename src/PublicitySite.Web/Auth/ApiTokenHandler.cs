using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PublicitySite.Commands;
using PublicitySite.Users;

namespace PublicitySite.Web.Auth;

/// <summary>
/// Authenticates <c>Authorization: Bearer</c> with the token service: the request acts as the token's user,
/// limited to the token's scopes. Challenges and refusals answer with Chinese problem details, never a redirect.
/// </summary>
internal sealed class ApiTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    TokenService tokens,
    UserManager<AppUser> users) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var token = await tokens.ValidateAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        var user = token is null ? null : await users.FindByIdAsync(token.UserId);
        if (token is null || user is null || await users.IsLockedOutAsync(user))
        {
            return AuthenticateResult.Fail("令牌无效、已过期或已撤销");
        }

        var claims = new List<Claim> { new(ClaimTypes.Name, user.UserName!), new(ClaimTypes.NameIdentifier, user.Id) };
        claims.AddRange(token.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(s => new Claim(AuthSchemes.ScopeClaim, s)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme.Name));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return WriteProblemAsync(StatusCodes.Status401Unauthorized, "需要身份验证", "请在 Authorization 头中提供有效的 API 令牌（Bearer）");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        WriteProblemAsync(StatusCodes.Status403Forbidden, FailureTexts.ForbiddenTitle, "该令牌的权限范围不允许此操作");

    private Task WriteProblemAsync(int status, string title, string detail)
    {
        Response.StatusCode = status;
        return Response.WriteAsJsonAsync(
            new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = status, Title = title, Detail = detail },
            options: null,
            contentType: "application/problem+json; charset=utf-8");
    }
}
