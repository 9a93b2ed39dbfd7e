using PublicitySite.Contents;
using PublicitySite.Members;
using PublicitySite.Web.Api;

namespace PublicitySite.Web.Members;

/// <summary>
/// <c>GET /api/members</c> (filters: term, sector, party, q; paged) and <c>GET /api/members/{id}</c>. Built from
/// the member index and the public copy of the content, so private fields cannot appear.
/// </summary>
public static class MemberApi
{
    public const int MaxPageSize = 500;

    private static readonly HashSet<string> Known = new(StringComparer.OrdinalIgnoreCase) { "term", "sector", "party", "q", "page", "pageSize" };

    public static IEndpointRouteBuilder MapMemberApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/members").WithTags("Members");
        api.MapGet("/", List).WithName("ListMembers").WithSummary("委员名录（按姓氏拼音排序；可按届次、界别、党派、姓名筛选）");
        api.MapGet("/{id}", Get).WithName("GetMember").WithSummary("一位委员的公开信息与履职记录");
        return routes;
    }

    private static async Task<IResult> List(HttpContext http, MemberDirectory directory, CancellationToken cancellationToken)
    {
        var query = http.Request.Query;
        if (query.Keys.FirstOrDefault(k => !Known.Contains(k)) is { } unknown)
        {
            return ApiProblems.BadParameter(unknown, $"不支持的参数“{unknown}”。可用参数：{string.Join(", ", Known)}");
        }

        if (!QueryNumbers.TryRead(query["page"], 1, int.MaxValue, 1, out var page))
        {
            return ApiProblems.BadParameter("page", "page 应为不小于 1 的整数");
        }

        if (!QueryNumbers.TryRead(query["pageSize"], 1, MaxPageSize, 100, out var pageSize))
        {
            return ApiProblems.BadParameter("pageSize", $"pageSize 应为 1 到 {MaxPageSize} 的整数");
        }

        var result = await directory.ListAsync(new MemberFilter(Value(query["term"]), Value(query["sector"]), Value(query["party"]), Value(query["q"])), cancellationToken);
        return Results.Ok(new
        {
            total = result.Members.Count,
            page,
            pageSize,
            items = result.Members.Skip(PublicitySite.Commands.Paging.Offset(page, pageSize)).Take(pageSize).Select(Item).ToList(),
        });
    }

    private static async Task<IResult> Get(string id, MemberDirectory directory, ContentQueries queries, ContentViewFactory views, CancellationToken cancellationToken)
    {
        if (!ContentIds.IsValid(id) || await directory.GetAsync(id, cancellationToken) is not { } member || await queries.GetAsync(id, cancellationToken) is not { } entry)
        {
            return ApiProblems.NotFound("委员不存在或尚未发布");
        }

        var view = views.Create(entry);
        var records = await directory.RecordsAsync(member, cancellationToken);
        static object Link(MemberLink l) => new { id = l.SourceItemId, title = l.Title, url = l.Path, publishedUtc = l.PublishedUtc, note = l.Note };
        return Results.Ok(new
        {
            item = Item(member),
            biographyHtml = view.BodyHtml,
            summary = view.Summary,
            parts = view.Parts,
            proposalsLed = records.ProposalsLed.Select(Link).ToList(),
            proposalsCosigned = records.ProposalsCosigned.Select(Link).ToList(),
            news = records.News.Select(Link).ToList(),
            socialOpinions = records.Opinions.Select(Link).ToList(),
        });
    }

    private static object Item(MemberCard m) => new
    {
        id = m.Id,
        name = m.Name,
        url = m.Url,
        term = m.Term,
        sector = m.Sector,
        party = m.Party,
        posts = m.Posts is { Length: > 0 } p ? p.Split('、') : [],
        workUnit = m.WorkUnit,
        jobTitle = m.JobTitle,
        photo = MemberPages.MediaUrl(m.Photo),
        initial = m.Initial,
        sample = m.Sample,
    };

    private static string? Value(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
