namespace PublicitySite.Web.Site;

/// <summary>
/// Elder mode (长者模式) and text size, chosen by the reader. Links with <c>?elder=1</c> or <c>?size=l</c> work
/// without JavaScript: the page renders in that mode and a cookie keeps it for the next pages. The page
/// cache varies by the same cookies, so every combination is cached separately.
/// </summary>
public sealed record ReaderPreferences(bool Elder, string Size)
{
    public const string ElderCookie = "elder";
    public const string SizeCookie = "textsize";

    public static ReaderPreferences Default { get; } = new(false, "m");

    public static IReadOnlyList<(string Key, string Label)> Sizes { get; } = [("l", "大"), ("m", "中"), ("s", "小")];

    public string HtmlClass => (Elder ? "elder " : "") + "size-" + Size;

    /// <summary>Reads the query first (and stores it in a cookie), then the cookies.</summary>
    public static ReaderPreferences From(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        var elder = request.Cookies[ElderCookie] == "1";
        var size = NormalizeSize(request.Cookies[SizeCookie]) ?? "m";
        if (request.Query.TryGetValue("elder", out var elderValue))
        {
            elder = elderValue.ToString() == "1";
            Remember(context, ElderCookie, elder ? "1" : null);
        }

        if (request.Query.TryGetValue("size", out var sizeValue) && NormalizeSize(sizeValue.ToString()) is { } chosen)
        {
            size = chosen;
            Remember(context, SizeCookie, chosen == "m" ? null : chosen);
        }

        return new ReaderPreferences(elder, size);
    }

    /// <summary>The cookie values the page cache varies by (unknown values count as the default).</summary>
    public static (string Elder, string Size) CacheKey(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return (request.Cookies[ElderCookie] == "1" ? "1" : "0", NormalizeSize(request.Cookies[SizeCookie]) ?? "m");
    }

    private static string? NormalizeSize(string? value) => value is "l" or "m" or "s" ? value : null;

    private static void Remember(HttpContext context, string name, string? value)
    {
        var options = new CookieOptions { Path = "/", HttpOnly = false, SameSite = SameSiteMode.Lax, IsEssential = true, Secure = context.Request.IsHttps };
        if (value is null)
        {
            context.Response.Cookies.Delete(name, options);
        }
        else
        {
            options.MaxAge = TimeSpan.FromDays(365);
            context.Response.Cookies.Append(name, value, options);
        }
    }
}

/// <summary>Directory pages other than the recipe's columns: members, proposals, literature.</summary>
internal static class SiteDirectories
{
    public static IReadOnlyList<ColumnLink> All { get; } =
    [
        new("委员风采", "/members"),
        new("提案追踪", "/proposals"),
        new("文史资料", "/literature"),
    ];
}
