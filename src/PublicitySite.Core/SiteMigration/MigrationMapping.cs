using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;

namespace PublicitySite.SiteMigration;

/// <summary>One rule of <c>items</c>: old pages whose path matches are articles of this type and column.</summary>
public sealed record ItemRule(Regex Match, string Type, string? Column);

/// <summary>The CSS selectors that find an article's parts on its old page.</summary>
public sealed record PageSelectors(string Title, string Body, string? Date, string? Source, string? Author);

/// <summary>
/// The mapping file of <c>migrate-site</c> (its keys are a contract: see the feature README). Read with
/// <see cref="Parse"/>, which names the offending key of a malformed file.
/// </summary>
public sealed record MigrationMapping
{
    private const string Missing = "缺少此项";
    private const string NotText = "应为非空字符串";

    public static readonly string[] DefaultDateFormats = ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd", "yyyy/MM/dd", "yyyy年M月d日 HH:mm", "yyyy年M月d日"];

    private static readonly HashSet<string> Keys = ["baseUrl", "start", "follow", "items", "selectors", "dateFormats", "requestsPerSecond", "respectRobotsTxt", "userAgent", "retries", "timeoutSeconds", "maxPageBytes"];

    public required Uri BaseUrl { get; init; }

    public required IReadOnlyList<string> Start { get; init; }

    public IReadOnlyList<Regex> Follow { get; init; } = [];

    public required IReadOnlyList<ItemRule> Items { get; init; }

    public required PageSelectors Selectors { get; init; }

    public IReadOnlyList<string> DateFormats { get; init; } = DefaultDateFormats;

    /// <summary>At most this many requests a second to the old site; 0 means no limit (a local copy).</summary>
    public double RequestsPerSecond { get; init; } = 2;

    public bool RespectRobotsTxt { get; init; } = true;

    public string? UserAgent { get; init; }

    /// <summary>Further tries after a timeout, a network error or a 5xx answer, waiting 1 s, 2 s, 4 s … between.</summary>
    public int Retries { get; init; } = 2;

    public int TimeoutSeconds { get; init; } = 20;

    public long MaxPageBytes { get; init; } = 5 * 1024 * 1024;

    /// <summary>The path (with query) of an address under <see cref="BaseUrl"/>, or null when it is elsewhere.</summary>
    public string? LocalPath(Uri address)
    {
        if (!address.Scheme.Equals(BaseUrl.Scheme, StringComparison.OrdinalIgnoreCase)
            || !address.Host.Equals(BaseUrl.Host, StringComparison.OrdinalIgnoreCase)
            || address.Port != BaseUrl.Port)
        {
            return null;
        }

        var prefix = BaseUrl.AbsolutePath.TrimEnd('/');
        var path = address.AbsolutePath;
        if (prefix.Length > 0 && !path.Equals(prefix, StringComparison.Ordinal) && !path.StartsWith(prefix + "/", StringComparison.Ordinal))
        {
            return null;
        }

        return path + address.Query;
    }

    public ItemRule? ArticleRule(string path) => Items.FirstOrDefault(r => r.Match.IsMatch(path));

    public bool IsList(string path) => Start.Contains(path) || Follow.Any(f => f.IsMatch(path));

    public static MigrationMapping Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            throw new MappingException("(文件)", $"不是有效的 JSON（第 {ex.LineNumber + 1} 行）：{ex.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new MappingException("(文件)", "应为一个 JSON 对象");
            }

            foreach (var property in root.EnumerateObject().Where(p => !Keys.Contains(p.Name)))
            {
                throw new MappingException(property.Name, "未知的键（可用：" + string.Join("、", Keys) + "）");
            }

            var baseText = String(root, "baseUrl", required: true)!;
            if (!Uri.TryCreate(baseText, UriKind.Absolute, out var baseUrl) || baseUrl.Scheme is not ("http" or "https"))
            {
                throw new MappingException("baseUrl", $"“{baseText}”不是 http 或 https 的网址");
            }

            var start = Strings(root, "start", required: true);
            if (start.Count == 0)
            {
                throw new MappingException("start", "至少需要一个起始栏目页");
            }

            for (var i = 0; i < start.Count; i++)
            {
                if (!start[i].StartsWith('/'))
                {
                    throw new MappingException($"start[{i}]", $"“{start[i]}”应为以 / 开头的路径");
                }
            }

            var follow = Strings(root, "follow", required: false).Select((p, i) => Pattern(p, $"follow[{i}]")).ToList();
            var formats = Strings(root, "dateFormats", required: false);
            return new MigrationMapping
            {
                BaseUrl = baseUrl,
                Start = start,
                Follow = follow,
                Items = ItemRules(root),
                Selectors = ReadSelectors(root),
                DateFormats = formats.Count > 0 ? formats : DefaultDateFormats,
                RequestsPerSecond = Number(root, "requestsPerSecond", 2, 0, 1000),
                RespectRobotsTxt = root.TryGetProperty("respectRobotsTxt", out var robots) ? Bool(robots, "respectRobotsTxt") : true,
                UserAgent = String(root, "userAgent", required: false),
                Retries = (int)Number(root, "retries", 2, 0, 10),
                TimeoutSeconds = (int)Number(root, "timeoutSeconds", 20, 1, 300),
                MaxPageBytes = (long)Number(root, "maxPageBytes", 5 * 1024 * 1024, 1024, 100 * 1024 * 1024),
            };
        }
    }

    private static List<ItemRule> ItemRules(JsonElement root)
    {
        if (!root.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array || items.GetArrayLength() == 0)
        {
            throw new MappingException("items", "缺少或为空：应为 [{ \"match\": 正则, \"type\": 内容类型, \"column\": 栏目 }]");
        }

        var rules = new List<ItemRule>();
        var i = 0;
        foreach (var item in items.EnumerateArray())
        {
            var key = $"items[{i++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw new MappingException(key, "应为对象");
            }

            foreach (var property in item.EnumerateObject().Where(p => p.Name is not ("match" or "type" or "column")))
            {
                throw new MappingException($"{key}.{property.Name}", "未知的键（可用：match、type、column）");
            }

            rules.Add(new ItemRule(
                Pattern(String(item, "match", required: true, key)!, $"{key}.match"),
                String(item, "type", required: true, key)!,
                String(item, "column", required: false, key)));
        }

        return rules;
    }

    private static PageSelectors ReadSelectors(JsonElement root)
    {
        if (!root.TryGetProperty("selectors", out var selectors) || selectors.ValueKind != JsonValueKind.Object)
        {
            throw new MappingException("selectors", "缺少：应为 { \"title\": …, \"body\": …, \"date\": …, \"source\": …, \"author\": … }");
        }

        foreach (var property in selectors.EnumerateObject().Where(p => p.Name is not ("title" or "body" or "date" or "source" or "author")))
        {
            throw new MappingException($"selectors.{property.Name}", "未知的键（可用：title、body、date、source、author）");
        }

        string? Css(string name, bool required)
        {
            var value = String(selectors, name, required, "selectors");
            if (value is not null && !IsSelector(value))
            {
                throw new MappingException($"selectors.{name}", $"“{value}”不是有效的 CSS 选择器");
            }

            return value;
        }

        return new PageSelectors(Css("title", true)!, Css("body", true)!, Css("date", false), Css("source", false), Css("author", false));
    }

    private static bool IsSelector(string css)
    {
        try
        {
            new HtmlParser().ParseDocument("<p></p>").QuerySelector(css);
            return true;
        }
        catch (AngleSharp.Dom.DomException)
        {
            return false;
        }
    }

    private static Regex Pattern(string pattern, string key)
    {
        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException ex)
        {
            throw new MappingException(key, $"不是有效的正则表达式：{ex.Message}");
        }
    }

    private static string? String(JsonElement parent, string name, bool required, string? within = null)
    {
        var key = within is null ? name : $"{within}.{name}";
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return required ? throw new MappingException(key, Missing) : null;
        }

        if (value.ValueKind != JsonValueKind.String || value.GetString()!.Trim().Length == 0)
        {
            throw new MappingException(key, NotText);
        }

        return value.GetString()!.Trim();
    }

    private static List<string> Strings(JsonElement parent, string name, bool required)
    {
        if (!parent.TryGetProperty(name, out var value))
        {
            return required ? throw new MappingException(name, Missing) : [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw new MappingException(name, "应为字符串数组");
        }

        var list = new List<string>();
        var i = 0;
        foreach (var entry in value.EnumerateArray())
        {
            if (entry.ValueKind != JsonValueKind.String || entry.GetString()!.Trim().Length == 0)
            {
                throw new MappingException($"{name}[{i}]", NotText);
            }

            list.Add(entry.GetString()!.Trim());
            i++;
        }

        return list;
    }

    private static double Number(JsonElement parent, string name, double fallback, double min, double max)
    {
        if (!parent.TryGetProperty(name, out var value))
        {
            return fallback;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number) || number < min || number > max)
        {
            throw new MappingException(name, string.Create(CultureInfo.InvariantCulture, $"应为 {min} 到 {max} 之间的数"));
        }

        return number;
    }

    private static bool Bool(JsonElement value, string name) => value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw new MappingException(name, "应为 true 或 false"),
    };
}

/// <summary>A malformed mapping file; <see cref="Key"/> names where (<c>items[1].match</c>).</summary>
public sealed class MappingException(string key, string problem) : Exception($"映射文件的“{key}”有误：{problem}")
{
    public string Key { get; } = key;
}
