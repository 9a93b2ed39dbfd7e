using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using PublicitySite.Commands;
using PublicitySite.Contents.Definitions;
using PublicitySite.Users;
using PublicitySite.Web.Auth;
using PublicitySite.Workflow;
using static PublicitySite.Web.Api.JsonBodies;
using static PublicitySite.Web.Api.ResultProblems;

namespace PublicitySite.Web.Api;

/// <summary>The user an administration call created or changed.</summary>
internal sealed record UserRoleAnswer(string Name, string Role);

/// <summary>
/// <c>POST /api/users</c> and <c>PUT /api/users/{name}/role</c>: user management for roles that hold users.manage,
/// through the permission policy (a token also needs the manage scope).
/// </summary>
internal static class UserWriteEndpoints
{
    public static IEndpointRouteBuilder MapUserWrites(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/users").WithTags("Users").RequireAuthorization(Permissions.ManageUsers).DisableAntiforgery();
        api.MapPost("/", (HttpContext http, UserAdministration admin, ActorAccessor actors) =>
            ManageAsync<Created<UserRoleAnswer>>(http, actors, async (actor, body) =>
                body["name"]?.ToString() is not { Length: > 0 } name || body["role"]?.ToString() is not { Length: > 0 } role || body["password"]?.ToString() is not { Length: > 0 } password
                    ? BadRequest("须给出 name、role 和 password")
                    : Answer(await admin.AddAsync(actor, name, role, password, body["displayName"]?.ToString()), TypedResults.Created($"/api/users/{name}", new UserRoleAnswer(name, role)))))
            .WithSummary("新建用户");
        api.MapPut("/{name}/role", (string name, HttpContext http, UserAdministration admin, ActorAccessor actors) =>
            ManageAsync<Ok<UserRoleAnswer>>(http, actors, async (actor, body) =>
                body["role"]?.ToString() is not { Length: > 0 } role
                    ? BadRequest("须给出 role")
                    : Answer(await admin.ChangeRoleAsync(actor, name, role), TypedResults.Ok(new UserRoleAnswer(name, role)))))
            .WithSummary("修改用户角色");
        return routes;
    }

    private static async Task<Results<TOk, ProblemHttpResult>> ManageAsync<TOk>(HttpContext http, ActorAccessor actors, Func<Actor, JsonObject, Task<Results<TOk, ProblemHttpResult>>> action)
        where TOk : IResult
    {
        if (await actors.GetAsync(http) is not { } actor)
        {
            return Problem(new Failure.Forbidden(UserTexts.AccountUnavailable));
        }

        var (body, error) = await ReadBodyAsync(http.Request, http.RequestAborted);
        return body is null ? BadRequest(error!) : await action(actor, body);
    }

    private static Results<TOk, ProblemHttpResult> Answer<TOk>(Result<Done> result, TOk success)
        where TOk : IResult =>
        result.Failure is { } failure ? Problem(failure) : success;
}
