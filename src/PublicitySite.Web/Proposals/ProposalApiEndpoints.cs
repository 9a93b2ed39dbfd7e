using System.Text.Json;
using PublicitySite.Contents;
using PublicitySite.Markdown;
using PublicitySite.Proposals;
using PublicitySite.Web.Api;

namespace PublicitySite.Web.Proposals;

/// <summary>
/// <c>GET /api/proposals</c> and <c>/api/proposals/{id}</c> for everyone (public proposals only), and the
/// office's writes (file, record an event, import, queue) for users the <see cref="ProposalPolicies.Record"/>
/// policy admits.
/// </summary>
public static class ProposalApiEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IEndpointRouteBuilder MapProposalApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/proposals").WithTags("Proposals");
        api.MapGet("/", List).WithName("ListProposals").WithSummary("公开提案列表（可按届次、状态、类别、承办单位、重点提案、界别筛选，分页）");
        api.MapGet("/{id}", Get).WithName("GetProposal").WithSummary("一件公开提案及其办理进程");

        var office = routes.MapGroup("/api/proposals").WithTags("Proposals").RequireAuthorization(ProposalPolicies.Record);
        office.MapPost("/", File).WithName("FileProposal").WithSummary("登记一件新提案（按提交日期和截止日期自动编号）");
        office.MapPost("/{id}/events", Record).WithName("RecordProposalEvent").WithSummary("登记办理环节（立案、交办、答复、评价等）");
        office.MapPost("/import", Import).WithName("ImportProposals").WithSummary("批量导入提案（CSV 或 JSON；dryRun=true 只检查不写入）");
        office.MapGet("/queue", Queue).WithName("ProposalQueue").WithSummary("提案工作人员的待办队列");
        return routes;
    }

    private static async Task<IResult> List(HttpContext http, ProposalQueries queries, CancellationToken cancellationToken)
    {
        var (filter, parameter, error) = ProposalFilterParser.Parse(http.Request.Query);
        if (filter is null)
        {
            return ApiProblems.BadParameter(parameter!, error!);
        }

        var page = await queries.ListAsync(filter, cancellationToken);
        return Results.Ok(new { total = page.Total, page = page.PageNumber, pageSize = page.PageSize, items = page.Items.Select(ProposalSummary.From) });
    }

    private static async Task<IResult> Get(string id, ProposalQueries queries, ProposalRules rules, ContentViewFactory views, MarkdownRenderer markdown, CancellationToken cancellationToken)
    {
        if (!ContentIds.IsValid(id) || await queries.GetAsync(id, cancellationToken) is not { } detail)
        {
            return ApiProblems.NotFound("提案不存在或尚未公开");
        }

        var content = views.Create(detail.Entry);
        var view = ProposalDetailView.From(detail, rules, markdown, content.BodyHtml, content.Summary);
        var s = view.Summary;
        return Results.Ok(new
        {
            id = s.Id, title = s.Title, url = s.Url, number = s.Number, session = s.Session, status = s.Status,
            category = s.Category, sector = s.Sector, proposerType = s.ProposerType, proposers = view.Proposers,
            leadUnit = s.LeadUnit, coUnits = s.CoUnits, key = s.Key, supervisor = view.Supervisor, overdue = s.Overdue,
            filedOn = view.FiledOn, assignedOn = view.AssignedOn, dueOn = view.DueOn, lastUpdate = s.LastUpdate,
            summary = view.Abstract, bodyHtml = view.BodyHtml, bodyText = content.BodyText,
            timeline = view.Timeline, reply = view.Reply, verdict = s.Verdict, publishedUtc = content.PublishedUtc,
        });
    }

    private static async Task<IResult> File(HttpContext http, ProposalOffice office, CancellationToken cancellationToken)
    {
        var (filing, problem) = await ReadAsync<ProposalFiling>(http, cancellationToken);
        if (filing is null)
        {
            return problem!;
        }

        return Outcome(await office.FileAsync(filing, User(http), cancellationToken));
    }

    private static async Task<IResult> Record(string id, HttpContext http, ProposalOffice office, CancellationToken cancellationToken)
    {
        var (input, problem) = await ReadAsync<ProposalEventInput>(http, cancellationToken);
        if (input is null)
        {
            return problem!;
        }

        return Outcome(await office.RecordAsync(id, input, User(http), cancellationToken));
    }

    private static async Task<IResult> Import(HttpContext http, ProposalImporter importer, bool? dryRun, string? format, bool? publish, CancellationToken cancellationToken)
    {
        format ??= http.Request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true ? "json" : "csv";
        if (format is not ("csv" or "json"))
        {
            return ApiProblems.BadParameter("format", "format 应为 csv 或 json");
        }

        using var reader = new StreamReader(http.Request.Body);
        var text = await reader.ReadToEndAsync(cancellationToken);
        var result = await importer.ImportAsync(text, format, dryRun ?? true, User(http), publish ?? false, cancellationToken);
        if (!result.DryRun && !result.Committed)
        {
            return Results.Problem(
                title: "导入未执行",
                detail: $"发现 {result.ProblemCount} 个问题，未写入任何提案。请修正后重试。",
                statusCode: StatusCodes.Status400BadRequest,
                extensions: new Dictionary<string, object?> { ["rows"] = result.Rows, ["errors"] = result.Errors });
        }

        return Results.Ok(result);
    }

    private static async Task<IResult> Queue(ProposalOffice office, CancellationToken cancellationToken)
    {
        var q = await office.QueueAsync(cancellationToken);
        return Results.Ok(new
        {
            待审查 = q.AwaitingReview.Select(ProposalSummary.From),
            待交办 = q.AwaitingAssignment.Select(ProposalSummary.From),
            即将到期 = q.DueSoon.Select(ProposalSummary.From),
            已超期 = q.Overdue.Select(ProposalSummary.From),
            待评价 = q.AwaitingVerdict.Select(ProposalSummary.From),
        });
    }

    private static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpContext http, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(http.Request.Body, Json, cancellationToken);
            return value is null ? (null, ApiProblems.BadParameter("body", "请求正文为空")) : (value, null);
        }
        catch (JsonException ex)
        {
            return (null, ApiProblems.BadParameter("body", $"请求正文不是有效的 JSON，或字段类型不对（日期应为 2024-05-20）：{ex.Path}"));
        }
    }

    private static IResult Outcome(ProposalOutcome outcome) => outcome.Kind switch
    {
        ProposalOutcomeKind.Ok => Results.Created($"/api/proposals/{outcome.ContentItemId}", new { id = outcome.ContentItemId, status = outcome.Status is { } s ? ProposalNames.Of(s) : null }),
        ProposalOutcomeKind.NotFound => ApiProblems.NotFound("提案不存在"),
        ProposalOutcomeKind.Conflict => Results.Problem(title: "编号冲突", detail: string.Join("；", outcome.Errors), statusCode: StatusCodes.Status409Conflict),
        _ => Results.Problem(title: "无法登记", detail: string.Join("；", outcome.Errors), statusCode: StatusCodes.Status400BadRequest),
    };

    private static string User(HttpContext http) => http.User.Identity?.Name ?? "unknown";
}
