using Microsoft.AspNetCore.Mvc;

namespace PublicitySite.Web.Api;

/// <summary>The paging limits of one list: what a reader gets without asking, and how far they may ask.</summary>
internal interface IPagedList
{
    static abstract int DefaultPageSize { get; }

    static abstract int MaxPageSize { get; }

    /// <summary>Where no list caps its depth this only keeps the offset arithmetic in range.</summary>
    static virtual int MaxPage => int.MaxValue;

    /// <summary>Whether a refused page is told the cap: only where the cap is one readers meet (search depth).</summary>
    static virtual bool NamesMaxPage => false;
}

/// <summary>One page of a list as the API answers it: the page asked for and the count of every match.</summary>
internal sealed record PageAnswer<TItem>(int Total, int Page, int PageSize, IReadOnlyList<TItem> Items);

/// <summary>Apart from <see cref="Paging{TList}"/> because the analyzers keep static members off generic types.</summary>
internal static class QueryPaging
{
    /// <summary>For the HTML pages, which read the same lists from their own query strings.</summary>
    public static Paging<TList> From<TList>(IQueryCollection query)
        where TList : IPagedList
    {
        ArgumentNullException.ThrowIfNull(query);
        return new() { Page = query["page"], PageSize = query["pageSize"] };
    }
}

/// <summary>
/// <c>page</c> and <c>pageSize</c> of a list, bound from the query string as text and read by
/// <see cref="QueryNumbers"/>' rules, so a bad value gets the list's own Chinese 400 rather than the framework's.
/// The OpenAPI document describes them as integers with the limits of <typeparamref name="TList"/>.
/// </summary>
internal sealed record Paging<TList>
    where TList : IPagedList
{
    [FromQuery(Name = "page")]
    public string? Page { get; init; }

    [FromQuery(Name = "pageSize")]
    public string? PageSize { get; init; }

    public bool TryRead(out int page, out int pageSize, out (string Parameter, string Detail) error)
    {
        pageSize = 0;
        error = default;
        if (!QueryNumbers.TryRead(Page, 1, TList.MaxPage, 1, out page))
        {
            error = ("page", TList.NamesMaxPage ? $"page 应为 1 到 {TList.MaxPage} 的整数" : "page 应为不小于 1 的整数");
            return false;
        }

        if (!QueryNumbers.TryRead(PageSize, 1, TList.MaxPageSize, TList.DefaultPageSize, out pageSize))
        {
            error = ("pageSize", $"pageSize 应为 1 到 {TList.MaxPageSize} 的整数");
            return false;
        }

        return true;
    }
}
