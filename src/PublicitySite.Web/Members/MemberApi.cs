using PublicitySite.Contents;
using PublicitySite.Members;
using PublicitySite.Web.Api;

namespace PublicitySite.Web.Members;

/// <summary>
/// <c>GET /api/members</c> (filters: term, sector, party, q; paged) and <c>GET /api/members/{id}</c>. Built from
/// the member index and the public copy of the content, so private fields cannot appear.
/// </summary>
internal static class MemberApi
{
    public const int MaxPageSize = 500;

    /// <summary>The directory's paging: a hundred members a page unless asked, at most <see cref="MaxPageSize"/>.</summary>
    internal sealed class PageLimits : IPagedList
    {
        public static int DefaultPageSize => 100;

        public static int MaxPageSize => MemberApi.MaxPageSize;
    }

    /// <summary>The directory's filters: each matches a card's field as the directory reads it.</summary>
    internal sealed record Filters : IQueryFilters
    {
        public const int MaxLength = 50;

        [Microsoft.AspNetCore.Mvc.FromQuery(Name = "term")]
        public string? Term { get; init; }

        [Microsoft.AspNetCore.Mvc.FromQuery(Name = "sector")]
        public string? Sector { get; init; }

        [Microsoft.AspNetCore.Mvc.FromQuery(Name = "party")]
        public string? Party { get; init; }

        [Microsoft.AspNetCore.Mvc.FromQuery(Name = "q")]
        public string? Q { get; init; }

        public static IReadOnlyList<QueryFilter> Described { get; } =
        [
            QueryFilter.Text("term", "届次，例如 第五届", MaxLength),
            QueryFilter.Text("sector", "界别", MaxLength),
            QueryFilter.Text("party", "党派", MaxLength),
            QueryFilter.Text("q", "姓名（或其中几个字）", MaxLength),
        ];
    }

    private static readonly HashSet<string> Known = new(StringComparer.OrdinalIgnoreCase) { "term", "sector", "party", "q", "page", "pageSize" };

    public static IEndpointRouteBuilder MapMemberApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/members").WithTags("Members");
        api.MapGet("/", List).WithName("ListMembers").Produces<PageAnswer<MemberItemAnswer>>().WithSummary("委员名录（按姓氏拼音排序；可按届次、界别、党派、姓名筛选）");
        api.MapGet("/{id}", Get).WithName("GetMember").Produces<MemberDetailAnswer>().WithSummary("一位委员的公开信息与履职记录");
        return routes;
    }

    private static async Task<IResult> List(HttpContext http, [AsParameters] Paging<PageLimits> paging, [AsParameters] Filters filters, MemberDirectory directory, CancellationToken cancellationToken)
    {
        var query = http.Request.Query;
        if (query.Keys.FirstOrDefault(k => !Known.Contains(k)) is { } unknown)
        {
            return ApiProblems.BadParameter(unknown, ApiProblems.UnknownParameter(unknown, Known));
        }

        if (!paging.TryRead(out var page, out var pageSize, out var error))
        {
            return ApiProblems.BadParameter(error.Parameter, error.Detail);
        }

        var (term, sector, party, name) = (QueryFilter.Trimmed(filters.Term), QueryFilter.Trimmed(filters.Sector), QueryFilter.Trimmed(filters.Party), QueryFilter.Trimmed(filters.Q));
        if (!QueryFilter.TryCheckLengths<Filters>(out error, ("term", term), ("sector", sector), ("party", party), ("q", name)))
        {
            return ApiProblems.BadParameter(error.Parameter, error.Detail);
        }

        var result = await directory.ListAsync(new MemberFilter(term, sector, party, name), cancellationToken);
        return Results.Ok(new PageAnswer<MemberItemAnswer>(
            result.Members.Count,
            page,
            pageSize,
            [.. result.Members.Skip(PublicitySite.Commands.Paging.Offset(page, pageSize)).Take(pageSize).Select(Item)]));
    }

    private static async Task<IResult> Get(string id, MemberDirectory directory, ContentQueries queries, ContentViewFactory views, CancellationToken cancellationToken)
    {
        if (!ContentIds.IsValid(id) || await directory.GetAsync(id, cancellationToken) is not { } member || await queries.GetAsync(id, cancellationToken) is not { } entry)
        {
            return ApiProblems.NotFound("委员不存在或尚未发布");
        }

        var view = views.Create(entry);
        var records = await directory.RecordsAsync(member, cancellationToken);
        static MemberLinkAnswer Link(MemberLink l) => new(l.SourceItemId, l.Title, l.Path, l.PublishedUtc, l.Note);
        return Results.Ok(new MemberDetailAnswer(
            Item(member),
            view.BodyHtml,
            view.Summary,
            view.Parts,
            [.. records.ProposalsLed.Select(Link)],
            [.. records.ProposalsCosigned.Select(Link)],
            [.. records.News.Select(Link)],
            [.. records.Opinions.Select(Link)]));
    }

    private static MemberItemAnswer Item(MemberCard m) => new(
        m.Id,
        m.Name,
        m.Url,
        m.Term,
        m.Sector,
        m.Party,
        m.Posts is { Length: > 0 } p ? p.Split('、') : [],
        m.WorkUnit,
        m.JobTitle,
        MemberPages.MediaUrl(m.Photo),
        m.Initial,
        m.Sample);
}
