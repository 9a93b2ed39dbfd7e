using Microsoft.AspNetCore.Mvc;
using PublicitySite.Contents.Definitions;

namespace PublicitySite.Web.Api;

/// <summary>The filters of the published content lists besides the type, which <c>/api/news</c> fixes.</summary>
public sealed record ContentFilters : IQueryFilters
{
    public const int MaxTagLength = 100;

    [FromQuery(Name = "q")]
    public string? Q { get; init; }

    [FromQuery(Name = "column")]
    public string? Column { get; init; }

    [FromQuery(Name = "tag")]
    public string? Tag { get; init; }

    [FromQuery(Name = "sort")]
    public string? Sort { get; init; }

    public static IReadOnlyList<QueryFilter> Described { get; } =
    [
        QueryFilter.Text("q", $"全文关键词（中文分词，须包含全部词；最长 {ContentReadEndpoints.MaxQueryLength} 字；为空则不筛选）", ContentReadEndpoints.MaxQueryLength),
        new("column", "栏目名称或网址键，例如 工作动态 或 dongtai"),
        QueryFilter.Text("tag", "标签", MaxTagLength),
        QueryFilter.OneOf("sort", "排序：newest（默认，最新发布在前）、oldest、title、modified；也接受 -published、published、-modified", "newest", "oldest", "title", "modified"),
    ];
}

/// <summary>The content type filter of <c>/api/content</c>: one of the site's types.</summary>
public sealed record ContentTypeFilter : IQueryFilters
{
    [FromQuery(Name = "type")]
    public string? Type { get; init; }

    public static IReadOnlyList<QueryFilter> Described { get; } =
    [
        new("type", "内容类型，例如 News（不区分大小写）")
        {
            ValuesFrom = services => [.. services.GetRequiredService<SiteDefinitionStore>().Current.Types.Select(t => t.Name)],
        },
    ];
}

/// <summary>The address of one item as the site shows it, for <c>/api/content/by-path</c>.</summary>
public sealed record ContentPathQuery : IQueryFilters
{
    public const int MaxLength = 300;

    [FromQuery(Name = "path")]
    public string? Path { get; init; }

    public static IReadOnlyList<QueryFilter> Described { get; } =
    [
        QueryFilter.Text("path", "网址路径，例如 news/2024/zhengxie-gongzuo（旧路径也可）", MaxLength) with { Required = true },
    ];
}
