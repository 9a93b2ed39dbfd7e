using System.Globalization;

namespace PublicitySite.Web.Admin;

/// <summary>
/// The page number of an admin list. It is read from <c>?page=</c> by hand because Razor Pages keeps a route
/// value named "page" (the page's own path, e.g. <c>/Content/Index</c>): a property bound under that name gets
/// the path instead of the number, so <c>?page=2</c> was ignored and plain visits showed a binding error.
/// </summary>
internal static class AdminPaging
{
    public const string Key = "page";

    /// <summary>The requested page, or 1 with a Chinese message in <paramref name="errors"/> when it is not a positive whole number.</summary>
    public static int Requested(HttpRequest request, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(errors);
        if (request.Query[Key] is not { Count: > 0 } text)
        {
            return 1;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page > 0)
        {
            return page;
        }

        errors.Add($"页码“{text}”无效，已显示第 1 页");
        return 1;
    }

    public static int PageCount(int total, int pageSize) => Math.Max(1, (int)(((long)total + pageSize - 1) / pageSize));

    /// <summary>
    /// Loads <paramref name="requested"/>; a page past the end loads the last one instead and says so. The first
    /// load asks for at most the last page any count could have, so a huge number never reaches the query's
    /// offset, where (page - 1) × size would overflow.
    /// </summary>
    public static async Task<(int Page, T Result)> LoadAsync<T>(int requested, int pageSize, Func<int, Task<T>> load, Func<T, int> total, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(load);
        ArgumentNullException.ThrowIfNull(total);
        ArgumentNullException.ThrowIfNull(errors);
        var result = await load(Math.Min(requested, PageCount(int.MaxValue, pageSize)));
        var last = PageCount(total(result), pageSize);
        if (requested <= last)
        {
            return (requested, result);
        }

        errors.Add($"第 {requested} 页超出范围（共 {last} 页），已显示最后一页");
        return (last, await load(last));
    }

    /// <summary>The list's address with the same filters and another page.</summary>
    public static string Url(HttpRequest request, string path, int page)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = request.Query.Where(q => q.Key != Key).Select(q => $"{q.Key}={Uri.EscapeDataString(q.Value.ToString())}")
            .Append(string.Create(CultureInfo.InvariantCulture, $"{Key}={page}"));
        return path + "?" + string.Join("&", query);
    }
}
