using System.Text.Json;
using PublicitySite.Commands;
using PublicitySite.Contents;
using PublicitySite.Contents.Definitions;
using PublicitySite.Markdown;
using PublicitySite.Proposals;
using PublicitySite.Web.Api;
using PublicitySite.Web.Auth;

namespace PublicitySite.Web.Proposals;

/// <summary>
/// <c>GET /api/proposals</c> and <c>/api/proposals/{id}</c> for everyone (public proposals only), and the
/// office's writes (file, record an event, import, queue) for holders of <c>proposals.record</c>, by admin
/// session or by a token with <c>write:proposals</c>. The writes are <see cref="ProposalOffice"/>'s commands.
/// </summary>
internal static class ProposalApiEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IEndpointRouteBuilder MapProposalApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/proposals").WithTags("Proposals");
        api.MapGet("/", List).WithName("ListProposals").Produces<PageAnswer<ProposalSummary>>().WithSummary("公开提案列表（可按届次、状态、类别、承办单位、重点提案、界别筛选，分页）");
        api.MapGet("/{id}", Get).WithName("GetProposal").Produces<ProposalDetailAnswer>().WithSummary("一件公开提案及其办理进程");

        var office = routes.MapGroup("/api/proposals").WithTags("Proposals").RequireAuthorization(Permissions.RecordProposals);
        office.MapPost("/", File).WithName("FileProposal").DescribeJsonBody<ProposalFiling>().Produces<ProposalChangeAnswer>(StatusCodes.Status201Created).WithSummary("登记一件新提案（按提交日期和截止日期自动编号）");
        office.MapPost("/{id}/events", Record).WithName("RecordProposalEvent").DescribeJsonBody<ProposalEventInput>().Produces<ProposalChangeAnswer>(StatusCodes.Status201Created).WithSummary("登记办理环节（立案、交办、答复、评价等）");
        office.MapPost("/import", Import).WithName("ImportProposals").Produces<ProposalImportResult>().WithSummary("批量导入提案（CSV 或 JSON；dryRun=true 只检查不写入）");
        office.MapGet("/queue", Queue).WithName("ProposalQueue").Produces<ProposalQueueAnswer>().WithSummary("提案工作人员的待办队列");
        office.MapGet("/export", Export).WithName("ExportProposals").ProducesFile(ExportFormat.WordType, ExportFormat.ExcelType)
            .WithSummary("提案汇编：format=docx（Word 汇编）或 xlsx（Excel 登记表），可加列表的筛选参数");
        return routes;
    }

    private static async Task<IResult> List(HttpContext http, [AsParameters] Paging<ProposalFilterParser.PageLimits> paging, [AsParameters] ProposalFilters filters, ProposalQueries queries, CancellationToken cancellationToken)
    {
        var (filter, parameter, error) = ProposalFilterParser.Parse(http.Request.Query.Keys, filters, paging);
        if (filter is null)
        {
            return ApiProblems.BadParameter(parameter!, error!);
        }

        var page = await queries.ListAsync(filter, cancellationToken);
        return Results.Ok(new PageAnswer<ProposalSummary>(page.Total, page.PageNumber, page.PageSize, [.. page.Items.Select(ProposalSummary.From)]));
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
        return Results.Ok(new ProposalDetailAnswer(
            s.Id, s.Title, s.Url, s.Number, s.Session, s.Status,
            s.Category, s.Sector, s.ProposerType, view.Proposers,
            s.LeadUnit, s.CoUnits, s.Key, view.Supervisor, s.Overdue,
            view.FiledOn, view.AssignedOn, view.DueOn, s.LastUpdate,
            view.Abstract, view.BodyHtml, content.BodyText,
            view.Timeline, view.Reply, s.Verdict, content.PublishedUtc));
    }

    private static async Task<IResult> File(HttpContext http, ProposalOffice office, ActorAccessor actors, CancellationToken cancellationToken)
    {
        var filing = await ReadAsync<ProposalFiling>(http, cancellationToken);
        if (filing.Failure is { } failure)
        {
            return ResultProblems.Problem(failure);
        }

        return Changed(await office.FileAsync(await actors.CurrentAsync(http), filing.Value!, cancellationToken));
    }

    private static async Task<IResult> Record(string id, HttpContext http, ProposalOffice office, ActorAccessor actors, CancellationToken cancellationToken)
    {
        var input = await ReadAsync<ProposalEventInput>(http, cancellationToken);
        if (input.Failure is { } failure)
        {
            return ResultProblems.Problem(failure);
        }

        return Changed(await office.RecordAsync(await actors.CurrentAsync(http), id, input.Value!, cancellationToken));
    }

    private static async Task<IResult> Import(HttpContext http, ProposalImporter importer, ActorAccessor actors, bool? dryRun, string? format, bool? publish, CancellationToken cancellationToken)
    {
        format ??= http.Request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true ? "json" : "csv";
        using var reader = new StreamReader(http.Request.Body);
        var text = await reader.ReadToEndAsync(cancellationToken);
        var request = new ProposalImportRequest(text, format, dryRun ?? true, publish ?? false);
        return ResultProblems.Map(await importer.ImportAsync(await actors.CurrentAsync(http), request, cancellationToken), Results.Ok);
    }

    private static async Task<IResult> Queue(ProposalOffice office, CancellationToken cancellationToken)
    {
        var q = await office.QueueAsync(cancellationToken);
        return Results.Ok(new ProposalQueueAnswer(
            [.. q.AwaitingReview.Select(ProposalSummary.From)],
            [.. q.AwaitingAssignment.Select(ProposalSummary.From)],
            [.. q.DueSoon.Select(ProposalSummary.From)],
            [.. q.Overdue.Select(ProposalSummary.From)],
            [.. q.AwaitingVerdict.Select(ProposalSummary.From)]));
    }

    private static async Task<IResult> Export(HttpContext http, [AsParameters] ExportFormat format, [AsParameters] ProposalFilters filters, ProposalExport export, ActorAccessor actors, CancellationToken cancellationToken)
    {
        if (!format.TryRead(out var kind))
        {
            return ApiProblems.BadParameter("format", "请用 format=docx（Word 汇编）或 format=xlsx（Excel 登记表）");
        }

        // The export is every match, so it reads no page; page and pageSize are still let through as on the list.
        var keys = http.Request.Query.Keys.Where(k => !k.Equals("format", StringComparison.OrdinalIgnoreCase));
        var (filter, parameter, error) = ProposalFilterParser.Parse(keys, filters, new());
        if (filter is null)
        {
            return ApiProblems.BadParameter(parameter!, error!);
        }

        var rows = await export.RowsAsync(await actors.CurrentAsync(http), filter, cancellationToken);
        if (rows.Failure is { } failure)
        {
            return ResultProblems.Problem(failure);
        }

        var file = new MemoryStream();
        if (kind == ExportFormat.Word)
        {
            export.WriteDocx(rows.Value!, Scope(filter), file);
        }
        else
        {
            ProposalExport.WriteXlsx(rows.Value!, file);
        }

        file.Position = 0;
        return kind == ExportFormat.Word
            ? Results.File(file, ExportFormat.WordType, "提案汇编.docx")
            : Results.File(file, ExportFormat.ExcelType, "提案登记表.xlsx");
    }

    /// <summary>The cover's line naming what was selected: 第五届第三次会议, or every session.</summary>
    private static string Scope(ProposalFilter filter)
    {
        if (filter.Term is { } term && filter.Meeting is { } meeting)
        {
            var number = ProposalNumbering.Format(term, meeting, 1);
            return number[..(number.IndexOf("会议", StringComparison.Ordinal) + 2)];
        }

        return filter.Term is { } only ? $"第{only}届全部会议" : "全部届次";
    }

    private static async Task<Result<T>> ReadAsync<T>(HttpContext http, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(http.Request.Body, Json, cancellationToken);
            return value is null ? new Failure.Invalid("body", "请求正文为空") : value;
        }
        catch (JsonException ex)
        {
            return new Failure.Invalid("body", $"请求正文不是有效的 JSON，或字段类型不对（日期应为 2024-05-20）：{ex.Path}");
        }
    }

    private static IResult Changed(Result<ProposalChange> result) => ResultProblems.Map(result, change =>
        Results.Created($"/api/proposals/{change.ContentItemId}", new ProposalChangeAnswer(change.ContentItemId, change.Status is null ? null : change.StatusName)));
}
