using System.Net;
using System.Text.RegularExpressions;

namespace PublicitySite.Literature;

public sealed record OutlineHeading(int Level, string Id, string Text);

/// <summary>
/// The in-page contents of a long article: every h2/h3 of the rendered (already sanitised) body gets a stable
/// id (no visible mark after it), and the headings are listed for the contents box.
/// </summary>
internal static partial class ArticleOutline
{
    public static (string Html, IReadOnlyList<OutlineHeading> Headings) Build(string? html)
    {
        if (string.IsNullOrEmpty(html))
        {
            return ("", []);
        }

        var headings = new List<OutlineHeading>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        var result = Heading().Replace(html, match =>
        {
            var level = match.Groups["level"].Value[0] - '0';
            var attributes = match.Groups["attrs"].Value;
            var inner = match.Groups["inner"].Value;
            var text = WebUtility.HtmlDecode(Tag().Replace(inner, "")).Trim();
            var id = IdAttribute().Match(attributes) is { Success: true } m ? m.Groups["id"].Value : "";
            if (id.Length == 0 || !used.Add(id))
            {
                id = $"section-{headings.Count + 1}";
                used.Add(id);
                attributes = IdAttribute().Replace(attributes, "") + $" id=\"{id}\"";
            }

            headings.Add(new OutlineHeading(level, id, text));
            // The id is the stable link to a section (the contents box and citations use it); no visible "#"
            // mark follows the heading, which readers took for a stray character.
            return $"<h{level}{attributes}>{inner}</h{level}>";
        });
        return (result, headings);
    }

    [GeneratedRegex(@"<h(?<level>[23])(?<attrs>[^>]*)>(?<inner>.*?)</h\k<level>>", RegexOptions.Singleline)]
    private static partial Regex Heading();

    [GeneratedRegex(@"\s*id=""(?<id>[^""]*)""")]
    private static partial Regex IdAttribute();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Tag();
}
