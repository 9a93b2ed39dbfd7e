using Microsoft.AspNetCore.Mvc;
using PublicitySite.Proposals;
using PublicitySite.Web.Api;

namespace PublicitySite.Web.Proposals;

/// <summary>The filters of the proposal list and its export, read by <see cref="ProposalFilterParser"/>.</summary>
public sealed record ProposalFilters : IQueryFilters
{
    public const int MaxTextLength = 50;

    [FromQuery(Name = "term")]
    public string? Term { get; init; }

    [FromQuery(Name = "meeting")]
    public string? Meeting { get; init; }

    [FromQuery(Name = "session")]
    public string? Session { get; init; }

    [FromQuery(Name = "status")]
    public string? Status { get; init; }

    [FromQuery(Name = "category")]
    public string? Category { get; init; }

    [FromQuery(Name = "unit")]
    public string? Unit { get; init; }

    [FromQuery(Name = "key")]
    public string? Key { get; init; }

    [FromQuery(Name = "sector")]
    public string? Sector { get; init; }

    public static IReadOnlyList<QueryFilter> Described { get; } =
    [
        new("term", "届（1 到 99）；与 session 同给时以此为准") { Range = (1, 99) },
        new("meeting", "次会议（1 到 99）；与 session 同给时以此为准") { Range = (1, 99) },
        new("session", "届次会议，如 5-3 或 第五届第三次会议"),
        new("status", "办理状态；也接受环节名（办结）或英文名（Concluded）") { Values = ProposalNames.AllStatuses },
        QueryFilter.Text("category", "类别", MaxTextLength),
        QueryFilter.Text("unit", "承办单位（主办或会办）", MaxTextLength),
        QueryFilter.OneOf("key", "是否重点提案：true 或 false；也接受 1、0、是、否、重点", "true", "false"),
        QueryFilter.Text("sector", "提案者界别", MaxTextLength),
    ];

    /// <summary>For the proposal pages, which read the same filters from their own query strings.</summary>
    internal static ProposalFilters From(IQueryCollection query) => new()
    {
        Term = query["term"],
        Meeting = query["meeting"],
        Session = query["session"],
        Status = query["status"],
        Category = query["category"],
        Unit = query["unit"],
        Key = query["key"],
        Sector = query["sector"],
    };
}
