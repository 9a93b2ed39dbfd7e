using System.Globalization;
using PublicitySite.Contents.Definitions;
using PublicitySite.Proposals;
using PublicitySite.Search;
using PublicitySite.Web.Api;

namespace PublicitySite.Web.Search;

/// <summary>Reads <c>q, type, column, year, sector, status, sort, archived, page, pageSize</c> the same way for the page and the API.</summary>
internal static class SearchRequestParser
{
    public const int MaxPageSize = 50;
    public const int MaxFilterLength = 50;

    /// <summary>Ten results a page unless asked; no deeper than the first <see cref="SearchService.MaxDepth"/> results.</summary>
    internal sealed class PageLimits : IPagedList
    {
        public static int DefaultPageSize => 10;

        public static int MaxPageSize => SearchRequestParser.MaxPageSize;

        public static int MaxPage => SearchService.MaxDepth;

        public static bool NamesMaxPage => true;
    }

    public static readonly IReadOnlySet<string> Known = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "q", "type", "column", "year", "sector", "status", "sort", "page", "pageSize", "archived",
    };

    public static bool TryParse(IQueryCollection query, SiteDefinition site, out SearchRequest request, out (string Parameter, string Detail) error) =>
        TryParse(query.Keys, SearchFilters.From(query), QueryPaging.From<PageLimits>(query), site, out request, out error);

    /// <summary>As above, with the filters and paging bound apart (the API's operations describe them as records).</summary>
    public static bool TryParse(ICollection<string> keys, SearchFilters filters, Paging<PageLimits> paging, SiteDefinition site, out SearchRequest request, out (string Parameter, string Detail) error)
    {
        request = new SearchRequest();
        error = default;
        if (keys.FirstOrDefault(k => !Known.Contains(k)) is { } unknown)
        {
            error = (unknown, ApiProblems.UnknownParameter(unknown, Known));
            return false;
        }

        var type = QueryFilter.Trimmed(filters.Type);
        if (type is not null)
        {
            if (site.FindType(type) is not { } found)
            {
                error = ("type", $"未知的内容类型“{type}”。可用：{string.Join("、", site.Types.Select(t => t.Name))}");
                return false;
            }

            type = found.Name;
        }

        var column = QueryFilter.Trimmed(filters.Column);
        if (column is not null)
        {
            if (site.FindColumn(column) is not { } found)
            {
                error = ("column", $"未知的栏目“{column}”");
                return false;
            }

            column = found.Name;
        }

        var year = QueryFilter.Trimmed(filters.Year);
        if (year is not null && !(year.Length == 4 && int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
        {
            error = ("year", "year 应为四位数字年份，例如 2024");
            return false;
        }

        if (!QueryFilter.TryCheckLengths<SearchFilters>(out error, ("sector", QueryFilter.Trimmed(filters.Sector)), ("status", QueryFilter.Trimmed(filters.Status))))
        {
            return false;
        }

        SearchSort sort;
        switch (QueryFilter.Trimmed(filters.Sort)?.ToLowerInvariant())
        {
            case null or "relevance" or "score": sort = SearchSort.Relevance; break;
            case "date" or "newest": sort = SearchSort.Newest; break;
            case "oldest": sort = SearchSort.Oldest; break;
            default:
                error = ("sort", "sort 可为 relevance（相关度）、date（最新）、oldest（最早）");
                return false;
        }

        bool includeArchived;
        switch (QueryFilter.Trimmed(filters.Archived)?.ToLowerInvariant())
        {
            case null or "1" or "true": includeArchived = true; break;
            case "0" or "false": includeArchived = false; break;
            default:
                error = ("archived", "archived 可为 1（含归档信息，默认）或 0（不含归档信息）");
                return false;
        }

        if (!paging.TryRead(out var page, out var pageSize, out error))
        {
            return false;
        }

        if (page * pageSize > SearchService.MaxDepth)
        {
            error = ("page", $"最多可查看前 {SearchService.MaxDepth} 条结果，请缩小搜索范围");
            return false;
        }

        request = new SearchRequest
        {
            Query = QueryFilter.Trimmed(filters.Q),
            Type = type,
            Column = column,
            Year = year,
            Sector = QueryFilter.Trimmed(filters.Sector),
            Status = ProposalStatusName(QueryFilter.Trimmed(filters.Status)),
            Sort = sort,
            Page = page,
            PageSize = pageSize,
            IncludeArchived = includeArchived,
        };
        return true;
    }

    /// <summary>The facet holds status names (已办结); the step's name (办结) or the English one finds it too.</summary>
    private static string? ProposalStatusName(string? value) =>
        ProposalNames.TryParseStatus(value, out var status) ? ProposalNames.Of(status) : value;
}
