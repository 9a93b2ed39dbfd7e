using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using PublicitySite.Contents.Definitions;
using PublicitySite.Curation;
using PublicitySite.Search;
using PublicitySite.Settings;
using PublicitySite.Web.Site;

namespace PublicitySite.Web.Search;

/// <summary>
/// The public <c>/search</c> page: a plain GET form (works without JavaScript), results with highlighted
/// snippets, facet links with counts, sorting and paging. Bad input gets a Chinese message, never an error page.
/// </summary>
internal static class SearchPage
{
    private static readonly (string Param, string Label)[] FacetNames =
    [
        ("type", "类型"), ("column", "栏目"), ("year", "年份"), ("sector", "界别"), ("status", "办理状态"), ("archived", "归档信息"),
    ];

    public static IEndpointRouteBuilder MapSearchPage(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/search", Render).ExcludeFromDescription();
        return routes;
    }

    private static async Task<IResult> Render(HttpContext http, SitePages pages, SearchService search, SiteSettingsService settings, TimeProvider clock)
    {
        var site = pages.Definition;
        var theme = pages.Theme;
        var query = http.Request.Query;
        var q = query["q"].ToString().Trim();
        var layout = await pages.LayoutAsync(http, q.Length > 0 ? $"“{Shorten(q)}”的搜索结果" : "站内搜索");
        layout = layout with { Description = $"在{layout.Site.Name}搜索新闻、委员、提案和文史资料，可按栏目、类型和年份筛选。" };
        if (!SearchRequestParser.TryParse(query, site, out var request, out var error))
        {
            return await Page(theme, layout, new { Query = q, Message = "搜索条件有误：" + error.Detail, Items = Array.Empty<object>() }, StatusCodes.Status400BadRequest);
        }

        request = request with { ArchivedBefore = ArchiveWindow.Cutoffs(site, await settings.GetAsync(http.RequestAborted), clock.GetUtcNow().UtcDateTime) };
        await search.WhenReadyAsync(http.RequestAborted);
        if (search.Search(request) is not { } result)
        {
            http.Response.Headers.RetryAfter = "5";
            return await Page(theme, layout, new { Query = q, Message = SearchEndpoints.Unavailable, Items = Array.Empty<object>() }, StatusCodes.Status503ServiceUnavailable);
        }

        var current = Current(request);
        var model = new
        {
            Query = q,
            Searched = q.Length > 0 || request.HasFilters,
            result.Total,
            Message = SearchEndpoints.Message(request, result),
            result.Partial,
            Items = result.Items.Select(h => new
            {
                h.TitleHtml,
                h.Url,
                h.Snippet,
                Date = h.PublishedUtc,
                TypeName = site.FindType(h.Type)?.Label ?? h.Type,
                h.Column,
            }).ToList(),
            Suggestions = result.Suggestions.Select(s => new { Text = s, Url = Link(new Dictionary<string, string?> { ["q"] = s }) }).ToList(),
            Facets = Facets(site, request, result, current),
            Sorts = new[] { ("relevance", "按相关度"), ("date", "按时间") }.Select(s => new
            {
                Label = s.Item2,
                Url = Link(With(current, "sort", s.Item1 == "relevance" ? null : s.Item1, resetPage: true)),
                Active = (s.Item1 == "relevance") == (request.Sort == SearchSort.Relevance),
            }).ToList(),
            Filters = current.Where(kv => kv.Key is not ("q" or "sort" or "page") && kv.Value is not null).Select(kv => new
            {
                Label = FacetNames.FirstOrDefault(f => f.Param == kv.Key).Label + "：" + Display(site, kv.Key, kv.Value!),
                Url = Link(With(current, kv.Key, null, resetPage: true)),
            }).ToList(),
            result.Page,
            PageCount = Math.Min((result.Total + result.PageSize - 1) / result.PageSize, SearchService.MaxDepth / result.PageSize),
            Previous = result.Page > 1 ? Link(With(current, "page", (result.Page - 1).ToString(CultureInfo.InvariantCulture))) : null,
            Next = result.Page * result.PageSize < Math.Min(result.Total, SearchService.MaxDepth) ? Link(With(current, "page", (result.Page + 1).ToString(CultureInfo.InvariantCulture))) : null,
        };
        return await Page(theme, layout, model, StatusCodes.Status200OK);
    }

    private static async Task<IResult> Page(ThemeRenderer theme, LayoutModel layout, object model, int status) =>
        Results.Content(await theme.RenderPageAsync("search", model, layout), "text/html; charset=utf-8", statusCode: status);

    private static List<object> Facets(SiteDefinition site, SearchRequest request, SearchResult result, Dictionary<string, string?> current)
    {
        var facets = new List<object>();
        foreach (var (param, label) in FacetNames)
        {
            if (!result.Facets.TryGetValue(param, out var counts) || counts.Count == 0)
            {
                continue;
            }

            var values = param == "year" ? counts.OrderByDescending(c => c.Key, StringComparer.Ordinal) : counts.AsEnumerable();
            facets.Add(new
            {
                Label = label,
                Options = values.Take(20).Select(c => new
                {
                    Label = Display(site, param, c.Key),
                    Count = c.Value,
                    Active = current.GetValueOrDefault(param) == c.Key,
                    Url = Link(With(current, param, current.GetValueOrDefault(param) == c.Key ? null : c.Key, resetPage: true)),
                }).ToList(),
            });
        }

        // 含归档信息: on by default (archived items stay findable); the other choice leaves them out.
        if (result.Total > 0 || !request.IncludeArchived)
        {
            facets.Add(new
            {
                Label = "归档信息",
                Options = new[] { (Value: (string?)null, Label: "含归档信息"), (Value: "0", Label: "不含归档信息") }.Select(o => new
                {
                    o.Label,
                    Count = (int?)null,
                    Active = current.GetValueOrDefault("archived") == o.Value,
                    Url = Link(With(current, "archived", o.Value, resetPage: true)),
                }).ToList(),
            });
        }

        return facets;
    }

    private static string Display(SiteDefinition site, string param, string value) =>
        param switch
        {
            "type" => site.FindType(value)?.Label ?? value,
            "year" => value + " 年",
            "archived" => "不含归档信息",
            _ => value,
        };

    private static Dictionary<string, string?> Current(SearchRequest request) => new()
    {
        ["q"] = request.Query,
        ["type"] = request.Type,
        ["column"] = request.Column,
        ["year"] = request.Year,
        ["sector"] = request.Sector,
        ["status"] = request.Status,
        ["sort"] = request.Sort switch { SearchSort.Newest => "date", SearchSort.Oldest => "oldest", _ => null },
        ["page"] = request.Page > 1 ? request.Page.ToString(CultureInfo.InvariantCulture) : null,
        ["archived"] = request.IncludeArchived ? null : "0",
    };

    private static Dictionary<string, string?> With(Dictionary<string, string?> current, string key, string? value, bool resetPage = false)
    {
        var copy = new Dictionary<string, string?>(current) { [key] = value };
        if (resetPage)
        {
            copy["page"] = null;
        }

        return copy;
    }

    private static string Link(Dictionary<string, string?> values) =>
        QueryHelpers.AddQueryString("/search", values.Where(kv => !string.IsNullOrEmpty(kv.Value)));

    private static string Shorten(string q) => q.Length > 30 ? q[..30] + "…" : q;
}
