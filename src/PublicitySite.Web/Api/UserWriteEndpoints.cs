using PublicitySite.Users;
using PublicitySite.Web.Auth;
using PublicitySite.Workflow;
using static PublicitySite.Web.Api.WorkflowProblems;

namespace PublicitySite.Web.Api;

/// <summary><c>POST /api/users</c> and <c>PUT /api/users/{name}/role</c>: user management for roles that hold users.manage.</summary>
public static class UserWriteEndpoints
{
    public static IEndpointRouteBuilder MapUserWrites(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/users").WithTags("Users").RequireAuthorization(AuthSchemes.TokenPolicy).DisableAntiforgery();
        api.MapPost("/", async (HttpContext http, UserAdministration admin, ActorAccessor actors) =>
        {
            if (await Prepare(http, actors) is { } refusal)
            {
                return refusal.Item1;
            }

            var (actor, body) = (await actors.GetAsync(http), (await ReadBodyAsync(http.Request, http.RequestAborted)).Body);
            if (body is null || body["name"]?.ToString() is not { Length: > 0 } name || body["role"]?.ToString() is not { Length: > 0 } role || body["password"]?.ToString() is not { Length: > 0 } password)
            {
                return BadBody("须给出 name、role 和 password");
            }

            var result = await admin.AddAsync(actor!, name, role, password, body["displayName"]?.ToString());
            return result.Succeeded ? Results.Created($"/api/users/{name}", new { name, role }) : ToProblem(new WorkflowResult(result.Outcome, null, result.Errors));
        }).WithSummary("新建用户");
        api.MapPut("/{name}/role", async (string name, HttpContext http, UserAdministration admin, ActorAccessor actors) =>
        {
            if (await Prepare(http, actors) is { } refusal)
            {
                return refusal.Item1;
            }

            var body = (await ReadBodyAsync(http.Request, http.RequestAborted)).Body;
            if (body?["role"]?.ToString() is not { Length: > 0 } role)
            {
                return BadBody("须给出 role");
            }

            var result = await admin.ChangeRoleAsync((await actors.GetAsync(http))!, name, role);
            return result.Succeeded ? Results.Ok(new { name, role }) : ToProblem(new WorkflowResult(result.Outcome, null, result.Errors));
        }).WithSummary("修改用户角色");
        return routes;
    }

    private static async Task<Tuple<IResult>?> Prepare(HttpContext http, ActorAccessor actors)
    {
        if (!ActorAccessor.HasScope(http.User, TokenScopes.Manage))
        {
            return Tuple.Create(Forbidden("该令牌没有 manage 权限范围"));
        }

        return await actors.GetAsync(http) is null ? Tuple.Create(Forbidden("账号不可用")) : null;
    }
}
