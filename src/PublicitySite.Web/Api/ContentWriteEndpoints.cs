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

/// <summary>
/// The write API: acts as the token's user through <see cref="WorkflowService"/>, so it obeys exactly the rules
/// the admin pages obey. Every refusal is a problem-details answer with a Chinese reason.
/// </summary>
internal static class ContentWriteEndpoints
{
    private const string BadVersion = "version 应为正整数";
    private const string BadTime = "at 应为 ISO 8601 时间";

    public static IEndpointRouteBuilder MapContentWrites(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/content").WithTags("Content writes").RequireAuthorization(AuthSchemes.TokenPolicy).DisableAntiforgery();
        api.MapPost("/", Create).WithSummary("新建草稿（正文用 body 传 Markdown，或用 bodyHtml 传 HTML）").AddOpenApiOperationTransformer(ContentWriteOpenApi.DescribeBody);
        api.MapPut("/{id}", Update).WithSummary("保存新版本（需 If-Match；版本过期返回 409；正文 body 或 bodyHtml）").AddOpenApiOperationTransformer(ContentWriteOpenApi.DescribeBody);
        api.MapPost("/{id}/submit", (string id, HttpContext http, WorkflowService workflow, ActorAccessor actors, CancellationToken ct) =>
            Act(http, actors, async (actor, body) =>
                !TryInt(body, "version", out var v) ? BadRequest(BadVersion)
                : Answer(await workflow.SubmitAsync(actor, id, v ?? IfMatch(http.Request), body["wordsChecked"]?.GetValueKind() == System.Text.Json.JsonValueKind.True, ct), http)))
            .WithSummary("提交审核（运行错敏词检查；警告词需 wordsChecked=true）");
        api.MapPost("/{id}/approve", (string id, HttpContext http, WorkflowService workflow, ActorAccessor actors, CancellationToken ct) =>
            Act(http, actors, async (actor, body) =>
                !TryInt(body, "version", out var v) ? BadRequest(BadVersion)
                : !TryTime(body, "at", out var at) ? BadRequest(BadTime)
                : !TryText(body, "comment", out var comment) ? BadRequest("comment 应为文字（审核意见）")
                : Answer(await workflow.ApproveAsync(actor, id, v ?? IfMatch(http.Request), at, comment, ct), http)))
            .WithSummary("本环节审核通过，可带 comment 审核意见（最后一环即签发，可带 at 定时发布）");
        api.MapPost("/{id}/reject", (string id, HttpContext http, WorkflowService workflow, ActorAccessor actors, CancellationToken ct) =>
            Act(http, actors, async (actor, body) =>
                !TryInt(body, "version", out var v) ? BadRequest(BadVersion)
                : !TryText(body, "returnTo", out var returnTo) ? BadRequest("returnTo 应为之前某一环节的名称，或“作者”")
                : Answer(await workflow.RejectAsync(actor, id, v ?? IfMatch(http.Request), body["comment"]?.ToString(), returnTo, ct), http)))
            .WithSummary("退回（须填写 comment；returnTo 为之前某一环节的名称，省略或“作者”即退回作者）");
        api.MapPost("/{id}/publish", (string id, HttpContext http, WorkflowService workflow, ActorAccessor actors, CancellationToken ct) =>
            Act(http, actors, async (actor, body) =>
                !TryInt(body, "version", out var v) ? BadRequest(BadVersion)
                : !TryTime(body, "at", out var at) ? BadRequest(BadTime)
                : !TryText(body, "comment", out var comment) ? BadRequest("comment 应为文字（签发意见）")
                : Answer(await workflow.PublishAsync(actor, id, v ?? IfMatch(http.Request), at, comment, ct), http)))
            .WithSummary("签发发布（可带 at 定时发布）");
        api.MapPost("/{id}/unpublish", (string id, HttpContext http, WorkflowService workflow, ActorAccessor actors, CancellationToken ct) =>
            Act(http, actors, async (actor, body) =>
                !TryTime(body, "at", out var at) ? BadRequest(BadTime)
                : Answer(await workflow.UnpublishAsync(actor, id, at, ct), http)))
            .WithSummary("撤下（可带 at 定时撤下）");
        api.MapPost("/{id}/restore", (string id, HttpContext http, WorkflowService workflow, ActorAccessor actors, CancellationToken ct) =>
            Act(http, actors, async (actor, body) =>
                !TryInt(body, "from", out var from) || from is null ? BadRequest("from 应为要恢复的版本号（正整数）")
                : Answer(await workflow.RestoreAsync(actor, id, from.Value, IfMatch(http.Request), ct), http)))
            .WithSummary("将历史版本恢复为新草稿");
        api.MapGet("/{id}/versions", Versions).WithSummary("版本历史（含审核记录）");
        return routes;
    }

    private static Task<Results<Created<ContentWriteAnswer>, ProblemHttpResult>> Create(HttpContext http, WorkflowService workflow, ActorAccessor actors, CancellationToken ct) =>
        Act<Created<ContentWriteAnswer>>(http, actors, async (actor, body) =>
        {
            if (body["type"] is not JsonValue type || type.ToString().Length == 0)
            {
                return BadRequest("缺少 type（内容类型，例如 News）");
            }

            var result = await workflow.CreateAsync(actor, type.ToString(), body, ct);
            if (result.Failure is { } failure)
            {
                return Problem(failure);
            }

            var created = result.Value!.Version;
            http.Response.Headers.ETag = ETag(created.Number);
            return TypedResults.Created($"/api/content/{created.ContentItemId}/versions", ContentWriteAnswer.Of(result.Value));
        });

    private static Task<Results<Ok<ContentWriteAnswer>, ProblemHttpResult>> Update(string id, HttpContext http, WorkflowService workflow, ActorAccessor actors, CancellationToken ct) =>
        Act<Ok<ContentWriteAnswer>>(http, actors, async (actor, body) =>
        {
            if (!TryInt(body, "version", out var bodyVersion))
            {
                return BadRequest(BadVersion);
            }

            var expected = IfMatch(http.Request) ?? bodyVersion;
            if (expected is null)
            {
                return TypedResults.Problem(title: "缺少版本号", detail: "修改内容须在 If-Match 头中给出所基于的版本（例如 If-Match: \"3\"），以免覆盖他人的修改", statusCode: StatusCodes.Status428PreconditionRequired);
            }

            if (expected < 1)
            {
                return BadRequest("If-Match 无法识别，应为 \"版本号\"");
            }

            body.Remove("version");
            body.Remove("type");
            return Answer(await workflow.UpdateAsync(actor, id, expected.Value, body, ct), http);
        });

    private static async Task<Results<Ok<ContentVersionsAnswer>, ProblemHttpResult>> Versions(string id, HttpContext http, WorkflowQueries queries, WorkflowService workflow, ActorAccessor actors, CancellationToken ct)
    {
        if (await actors.GetAsync(http) is not { } actor)
        {
            return Problem(new Failure.Forbidden(UserTexts.AccountUnavailable));
        }

        if (await queries.GetAsync(id, ct) is not { } work)
        {
            return Problem(new Failure.NotFound());
        }

        var policy = workflow.Policy;
        if (!ActorAccessor.HasScope(http.User, TokenScopes.ReadDrafts)
            || !(policy.Has(actor, Permissions.ViewDrafts, work.Item.ContentType, work.Latest.Column) || policy.CanEdit(actor, work.Item, work.Latest.Column)))
        {
            return Problem(new Failure.Forbidden(WorkflowTexts.HistoryRefused));
        }

        var stages = policy.StagesOf(work.Item.ContentType);
        var versions = await queries.VersionsAsync(id, ct);
        return TypedResults.Ok(new ContentVersionsAnswer(
            id,
            work.Item.LatestVersion,
            work.Item.PublishedVersion,
            [.. versions.Select(v => new ContentVersionAnswer(
                v.Version.Number,
                v.Version.Status.ToString(),
                WorkflowService.StatusLabel(v.Version.Status),
                v.Review is { Stage: >= 0 } r ? stages[Math.Min(r.Stage, stages.Count - 1)].Name : null,
                v.Version.Title,
                v.Version.Author,
                v.Version.CreatedUtc,
                v.Version.ModifiedUtc,
                v.Version.PublishedUtc,
                v.Version.ContentHash,
                v.Review?.Approvals.Select(a => a.Split('|')).Select(p => new ApprovalAnswer(p[0], p.ElementAtOrDefault(1), p.ElementAtOrDefault(2))).ToList(),
                v.Review?.RejectComment is { } c ? new RejectionAnswer(c, v.Review.RejectedBy, v.Review.RejectedUtc) : null,
                [.. v.Steps.Select(s => new OpinionAnswer(
                    s.Stage,
                    s.Decision.ToString(),
                    DecisionLabel(s.Decision),
                    s.Comment,
                    s.By,
                    s.AtUtc,
                    s.Decision == ReviewDecision.Returned ? s.ReturnedTo ?? WorkflowService.AuthorTarget : null))]))]));
    }

    private static string DecisionLabel(ReviewDecision decision) => decision switch
    {
        ReviewDecision.Submitted => "提交",
        ReviewDecision.Approved => ReviewDecisions.Approved,
        _ => ReviewDecisions.Returned,
    };

    private static async Task<Results<TOk, ProblemHttpResult>> Act<TOk>(HttpContext http, ActorAccessor actors, Func<Actor, JsonObject, Task<Results<TOk, ProblemHttpResult>>> action)
        where TOk : IResult
    {
        if (!ActorAccessor.HasScope(http.User, TokenScopes.WriteContent))
        {
            return Problem(new Failure.Forbidden("该令牌没有 write:content 权限范围"));
        }

        if (await actors.GetAsync(http) is not { } actor)
        {
            return Problem(new Failure.Forbidden(UserTexts.AccountUnavailable));
        }

        var (body, error) = await ReadBodyAsync(http.Request, http.RequestAborted);
        return body is null ? BadRequest(error!) : await action(actor, body);
    }

    private static Results<Ok<ContentWriteAnswer>, ProblemHttpResult> Answer(Result<WorkflowChange> result, HttpContext http)
    {
        if (result.Failure is { } failure)
        {
            return Problem(failure);
        }

        http.Response.Headers.ETag = ETag(result.Value!.Version.Number);
        return TypedResults.Ok(ContentWriteAnswer.Of(result.Value));
    }
}
