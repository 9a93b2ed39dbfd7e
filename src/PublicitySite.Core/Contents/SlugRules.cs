using System.Text;
using System.Text.RegularExpressions;

namespace PublicitySite.Contents;

/// <summary>Readable, stable URL segments: lowercase ASCII letters, digits and single hyphens.</summary>
internal static partial class SlugRules
{
    public const int MaxLength = 80;

    /// <summary>Words a slug may not be when it sits at the site root, because the site itself uses them.</summary>
    public static IReadOnlySet<string> Reserved { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "admin", "api", "search", "column", "columns", "feed", "rss", "sitemap", "robots", "healthz", "static",
        "media", "openapi", "preview", "login", "logout", "account", "assets", "themes", "error",
    };

    /// <summary>
    /// Turns what an editor typed into a slug, or says in Chinese why it cannot be one.
    /// Spaces and underscores become hyphens; letters are lowered; anything else is refused, not dropped,
    /// so an editor never gets a URL they did not ask for. Invisible characters (<see cref="InvisibleText"/>) are
    /// dropped first: nobody typed them on purpose.
    /// </summary>
    public static bool TryNormalize(string input, out string slug, out string? error)
    {
        var builder = new StringBuilder(input.Length);
        foreach (var c in InvisibleText.Strip(input).Trim())
        {
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                builder.Append(c);
            }
            else if (c is >= 'A' and <= 'Z')
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (c is ' ' or '_' or '-')
            {
                builder.Append('-');
            }
            else
            {
                slug = "";
                error = $"网址别名只能包含小写字母、数字和连字符（“{c}”不行）";
                return false;
            }
        }

        slug = Hyphens().Replace(builder.ToString(), "-").Trim('-');
        if (slug.Length == 0)
        {
            error = "网址别名不能为空";
            return false;
        }

        if (slug.Length > MaxLength)
        {
            error = $"网址别名不能超过 {MaxLength} 个字符";
            return false;
        }

        error = null;
        return true;
    }

    /// <summary>The longest address made from a title: long enough to read, short enough to type.</summary>
    public const int FromTitleLength = 50;

    /// <summary>
    /// The address an item gets when its 网址别名 is left empty: the pinyin of its title, a syllable a word,
    /// cut at a word boundary; null when the title has nothing to spell (the caller falls back on the type).
    /// </summary>
    public static string? FromTitle(string title)
    {
        var slug = "";
        foreach (var word in Pinyin.Words(title))
        {
            var next = slug.Length == 0 ? word : slug + "-" + word;
            if (next.Length > FromTitleLength)
            {
                break;
            }

            slug = next;
        }

        if (slug.Length == 0)
        {
            return null;
        }

        return Reserved.Contains(slug) ? slug + "-1" : slug;
    }

    public static bool IsValid(string slug) => slug.Length <= MaxLength && Pattern().IsMatch(slug);

    [GeneratedRegex("-{2,}")]
    private static partial Regex Hyphens();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Pattern();
}
