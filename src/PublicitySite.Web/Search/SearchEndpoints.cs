using PublicitySite.Contents.Definitions;
using PublicitySite.Curation;
using PublicitySite.Search;
using PublicitySite.Settings;
using PublicitySite.Web.Api;
using PublicitySite.Web.Auth;
using PublicitySite.Workflow;

namespace PublicitySite.Web.Search;

/// <summary>
/// <c>GET /api/search</c> (published content), <c>GET /api/admin/search</c> (the office: latest versions,
/// drafts included, of the types its role may see), reindex with progress, and the synonym list.
/// </summary>
internal static class SearchEndpoints
{
    public const string Unavailable = "搜索索引正在建立，请稍后再试。";

    public static IEndpointRouteBuilder MapSearch(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/search/suggest", Suggest).WithTags("Search").WithName("SearchSuggest").Produces<SuggestAnswer>().WithSummary("搜索框联想：按汉字开头或拼音（全拼、首字母）给出委员会用语和人名，如 tian → 提案");
        routes.MapGet("/api/search", Public).WithTags("Search").WithName("Search").Produces<SearchAnswer>().WithSummary("全文搜索已发布内容（高亮摘要、分面统计、筛选、排序、分页）");
        var admin = routes.MapGroup("/api/admin/search").WithTags("Search");
        admin.MapGet("/", Staff).RequireAuthorization(Permissions.ViewDrafts).Produces<SearchAnswer>().WithSummary("后台搜索：含草稿和审核中的最新版本");
        admin.MapGet("/status", Status).RequireAuthorization(Permissions.Reindex).Produces<SearchStatusAnswer>().WithSummary("索引状态与重建进度");
        admin.MapPost("/reindex", Reindex).RequireAuthorization(Permissions.Reindex).Produces<SearchStatusAnswer>(StatusCodes.Status202Accepted).WithSummary("从数据库重建索引（后台进行，完成后原子切换）");
        admin.MapGet("/synonyms", GetSynonyms).RequireAuthorization(Permissions.ManageSettings).Produces<SynonymsAnswer>().WithSummary("同义词表");
        admin.MapPut("/synonyms", PutSynonyms).RequireAuthorization(Permissions.ManageSettings).DescribeJsonBody<SynonymsBody>().Produces<SynonymsAnswer>().WithSummary("修改同义词表（立即生效，无需重建索引）");
        routes.MapSearchPage();
        return routes;
    }

    /// <summary>The text typed so far in the search box.</summary>
    internal sealed record SuggestQuery : IQueryFilters
    {
        public const int MaxLength = 30;

        [Microsoft.AspNetCore.Mvc.FromQuery(Name = "q")]
        public string? Q { get; init; }

        public static IReadOnlyList<QueryFilter> Described { get; } = [QueryFilter.Text("q", $"已输入的字词或拼音（最长 {MaxLength} 字）", MaxLength)];
    }

    internal static IResult NotReady() => Results.Problem(
        title: "搜索服务暂不可用",
        detail: Unavailable,
        statusCode: StatusCodes.Status503ServiceUnavailable);

    private static IResult Suggest(HttpContext http, [AsParameters] SuggestQuery query, DomainDictionary dictionary)
    {
        var q = QueryFilter.Trimmed(query.Q) ?? "";
        if (!QueryFilter.TryCheckLengths<SuggestQuery>(out var error, ("q", q)))
        {
            return ApiProblems.BadParameter(error.Parameter, error.Detail);
        }

        // The same words for everyone and they change only as names are indexed: a browser may keep them a minute.
        http.Response.Headers.CacheControl = "public, max-age=60";
        return Results.Ok(new SuggestAnswer(dictionary.Suggest(q)));
    }

    private static async Task<IResult> Public(HttpContext http, [AsParameters] Paging<SearchRequestParser.PageLimits> paging, [AsParameters] SearchFilters filters, SiteDefinitionStore definitions, SearchService search, SiteSettingsService settings, TimeProvider clock)
    {
        var archivedBefore = ArchiveWindow.Cutoffs(definitions.Current, await settings.GetAsync(http.RequestAborted), clock.GetUtcNow().UtcDateTime);
        return await RunAsync(http, paging, filters, definitions, search, r => r with { ArchivedBefore = archivedBefore });
    }

    private static async Task<IResult> Staff(HttpContext http, [AsParameters] Paging<SearchRequestParser.PageLimits> paging, [AsParameters] SearchFilters filters, SiteDefinitionStore definitions, SearchService search, ActorAccessor actors)
    {
        var role = new WorkflowPolicy(definitions.Current).RoleOf(await actors.CurrentAsync(http));
        return await RunAsync(http, paging, filters, definitions, search, r => r with { Scope = SearchScope.Staff, AllowedTypes = role?.ContentTypes ?? [] });
    }

    private static async Task<IResult> RunAsync(HttpContext http, Paging<SearchRequestParser.PageLimits> paging, SearchFilters filters, SiteDefinitionStore definitions, SearchService search, Func<SearchRequest, SearchRequest> scope)
    {
        if (!SearchRequestParser.TryParse(http.Request.Query.Keys, filters, paging, definitions.Current, out var request, out var error))
        {
            return ApiProblems.BadParameter(error.Parameter, error.Detail);
        }

        var staff = scope(request);
        await search.WhenReadyAsync(http.RequestAborted);
        if (search.Search(staff) is not { } result)
        {
            http.Response.Headers.RetryAfter = "5";
            return NotReady();
        }

        return Results.Ok(new SearchAnswer(
            request.Query ?? "",
            result.Total,
            result.Page,
            result.PageSize,
            result.Terms,
            result.Partial,
            result.Truncated,
            Message(request, result),
            result.Suggestions,
            [.. result.Items.Select(h => new SearchHitAnswer(
                h.Id,
                h.Type,
                h.Title,
                h.TitleHtml,
                h.Url,
                h.Snippet,
                h.PublishedUtc,
                h.Column,
                staff.Scope == SearchScope.Staff ? h.Version : null,
                staff.Scope == SearchScope.Staff ? h.State : null))],
            result.Facets));
    }

    internal static string? Message(SearchRequest request, SearchResult result) =>
        string.IsNullOrWhiteSpace(request.Query) && !request.HasFilters ? "请输入搜索关键词"
        : result.Total == 0 ? "没有找到相关内容"
        : result.Partial ? "没有同时包含全部关键词的内容，以下为包含部分关键词的结果"
        : null;

    private static IResult Status(ReindexJob job) => Results.Ok(StatusBody(job.Status()));

    /// <summary>The rebuild outlives the request; search keeps answering from the old index until the swap.</summary>
    private static async Task<IResult> Reindex(HttpContext http, SearchAdministration administration, ReindexJob job, ActorAccessor actors) =>
        ResultProblems.Map(
            await administration.StartReindexAsync(await actors.CurrentAsync(http), CancellationToken.None),
            _ => Results.Accepted("/api/admin/search/status", StatusBody(job.Status())));

    internal static SearchStatusAnswer StatusBody(SearchStatus status) => new(
        status.State,
        status.Label,
        status.Searchable,
        status.State == SearchStatus.Building,
        status.Documents,
        status.Generation,
        status.LastRebuildUtc,
        status.Progress?.Done,
        status.Progress?.Total,
        status.Last?.Error);

    private static IResult GetSynonyms(SynonymStore synonyms) => Results.Ok(new SynonymsAnswer(synonyms.Groups));

    private static async Task<IResult> PutSynonyms(HttpContext http, SearchAdministration administration, ActorAccessor actors)
    {
        SynonymsBody? body;
        try
        {
            body = await http.Request.ReadFromJsonAsync<SynonymsBody>(http.RequestAborted);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException)
        {
            // InvalidOperationException: the body is not JSON by its content type, or not UTF-8.
            body = null;
        }

        if (body?.Groups is null)
        {
            return ApiProblems.BadParameter("groups", "请求体应为 { \"groups\": [[\"词1\", \"词2\"], …] }（Content-Type: application/json）");
        }

        var groups = body.Groups.Select(g => (IReadOnlyList<string>)g).ToList();
        return ResultProblems.Map(
            await administration.SaveSynonymsAsync(await actors.CurrentAsync(http), groups, http.RequestAborted),
            saved => Results.Ok(new SynonymsAnswer(saved)));
    }

    /// <summary>The body of <c>PUT /api/admin/search/synonyms</c>, read by hand so a bad one gets a Chinese 400.</summary>
    internal sealed record SynonymsBody(List<List<string>>? Groups);
}
