using Microsoft.AspNetCore.Mvc;
using PublicitySite.Proposals;
using PublicitySite.Web.Api;

namespace PublicitySite.Web.Search;

/// <summary>The filters of a search besides its paging, the same for the page, the public API and the office's.</summary>
public sealed record SearchFilters : IQueryFilters
{
    [FromQuery(Name = "q")]
    public string? Q { get; init; }

    [FromQuery(Name = "type")]
    public string? Type { get; init; }

    [FromQuery(Name = "column")]
    public string? Column { get; init; }

    [FromQuery(Name = "year")]
    public string? Year { get; init; }

    [FromQuery(Name = "sector")]
    public string? Sector { get; init; }

    [FromQuery(Name = "status")]
    public string? Status { get; init; }

    [FromQuery(Name = "sort")]
    public string? Sort { get; init; }

    [FromQuery(Name = "archived")]
    public string? Archived { get; init; }

    public static IReadOnlyList<QueryFilter> Described { get; } =
    [
        // Not refused when long: the planner reads the first words and the answer says truncated.
        new("q", "搜索词（中文分词）；过长的只取前面部分，回答中 truncated 为 true"),
        new("type", "内容类型，例如 News（不区分大小写）")
        {
            ValuesFrom = services => [.. services.GetRequiredService<Contents.Definitions.SiteDefinitionStore>().Current.Types.Select(t => t.Name)],
        },
        new("column", "栏目名称或网址键，例如 工作动态 或 dongtai"),
        new("year", "发布年份，四位数字，例如 2024") { Pattern = "^[0-9]{4}$" },
        QueryFilter.Text("sector", "界别（分面值）", SearchRequestParser.MaxFilterLength),
        new("status", "提案状态（分面值）；也接受环节名（办结）或英文名（Concluded）")
        {
            Values = ProposalNames.AllStatuses,
            MaxLength = SearchRequestParser.MaxFilterLength,
        },
        QueryFilter.OneOf("sort", "排序：relevance（相关度，默认）、date（最新）、oldest（最早）；也接受 score、newest", "relevance", "date", "oldest"),
        QueryFilter.OneOf("archived", "是否含归档信息：1（默认）或 0；也接受 true、false", "1", "0"),
    ];

    /// <summary>For the search page, which reads the same filters from its own query string.</summary>
    internal static SearchFilters From(IQueryCollection query) => new()
    {
        Q = query["q"],
        Type = query["type"],
        Column = query["column"],
        Year = query["year"],
        Sector = query["sector"],
        Status = query["status"],
        Sort = query["sort"],
        Archived = query["archived"],
    };
}
