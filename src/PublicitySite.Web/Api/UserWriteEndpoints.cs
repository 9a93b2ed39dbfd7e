using System.Text.Json.Nodes;
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
        api.MapPost("/", (HttpContext http, UserAdministration admin, ActorAccessor actors) =>
            ManageAsync(http, actors, async (actor, body) =>
                body["name"]?.ToString() is not { Length: > 0 } name || body["role"]?.ToString() is not { Length: > 0 } role || body["password"]?.ToString() is not { Length: > 0 } password
                    ? BadBody("须给出 name、role 和 password")
                    : Answer(await admin.AddAsync(actor, name, role, password, body["displayName"]?.ToString()), Results.Created($"/api/users/{name}", new { name, role }))))
            .WithSummary("新建用户");
        api.MapPut("/{name}/role", (string name, HttpContext http, UserAdministration admin, ActorAccessor actors) =>
            ManageAsync(http, actors, async (actor, body) =>
                body["role"]?.ToString() is not { Length: > 0 } role
                    ? BadBody("须给出 role")
                    : Answer(await admin.ChangeRoleAsync(actor, name, role), Results.Ok(new { name, role }))))
            .WithSummary("修改用户角色");
        return routes;
    }

    private static async Task<IResult> ManageAsync(HttpContext http, ActorAccessor actors, Func<Actor, JsonObject, Task<IResult>> action)
    {
        if (!ActorAccessor.HasScope(http.User, TokenScopes.Manage))
        {
            return Forbidden("该令牌没有 manage 权限范围");
        }

        if (await actors.GetAsync(http) is not { } actor)
        {
            return Forbidden("账号不可用");
        }

        var (body, error) = await ReadBodyAsync(http.Request, http.RequestAborted);
        return body is null ? BadBody(error!) : await action(actor, body);
    }

    private static IResult Answer(WorkflowResultBase result, IResult success) =>
        result.Succeeded ? success : ToProblem(new WorkflowResult(result.Outcome, null, result.Errors));
}
