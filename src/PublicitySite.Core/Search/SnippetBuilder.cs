using System.Net;
using System.Text;

namespace PublicitySite.Search;

/// <summary>
/// Marks the query's words in plain text with <c>&lt;em&gt;</c>, everything else HTML-encoded. Matching runs on
/// folded text, whose offsets equal the original's, so 政協 in the text is marked for a query 政协. Touching
/// or overlapping matches become one mark.
/// </summary>
internal static class SnippetBuilder
{
    /// <summary>
    /// The window of at most <paramref name="length"/> characters holding the most distinct matches (the
    /// whole text when <paramref name="length"/> is 0), highlighted.
    /// </summary>
    public static string Highlight(string text, IReadOnlyList<string> terms, int length = 0)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(terms);
        var folded = TextFolding.Fold(text);
        var matches = Matches(folded, terms);
        var (start, end) = (0, text.Length);
        if (length > 0 && text.Length > length)
        {
            start = BestWindow(matches, length, text.Length);
            end = Math.Min(text.Length, start + length);
        }

        var html = new StringBuilder(end - start + 32);
        if (start > 0)
        {
            html.Append('…');
        }

        var at = start;
        foreach (var (from, to) in matches)
        {
            var s = Math.Max(from, start);
            var e = Math.Min(to, end);
            if (s >= e)
            {
                continue;
            }

            html.Append(WebUtility.HtmlEncode(text[at..s])).Append("<em>").Append(WebUtility.HtmlEncode(text[s..e])).Append("</em>");
            at = e;
        }

        html.Append(WebUtility.HtmlEncode(text[at..end]));
        if (end < text.Length)
        {
            html.Append('…');
        }

        return html.ToString();
    }

    public static bool Contains(string text, IReadOnlyList<string> terms) => Matches(TextFolding.Fold(text), terms).Count > 0;

    /// <summary>Matched ranges, sorted, with touching and overlapping ranges merged.</summary>
    private static List<(int From, int To)> Matches(string folded, IReadOnlyList<string> terms)
    {
        var ranges = new List<(int From, int To)>();
        foreach (var term in terms.Where(t => t.Length > 0))
        {
            for (var i = folded.IndexOf(term, StringComparison.Ordinal); i >= 0 && ranges.Count < 2000; i = folded.IndexOf(term, i + term.Length, StringComparison.Ordinal))
            {
                ranges.Add((i, i + term.Length));
            }
        }

        ranges.Sort();
        var merged = new List<(int From, int To)>(ranges.Count);
        foreach (var range in ranges)
        {
            if (merged.Count > 0 && range.From <= merged[^1].To)
            {
                merged[^1] = (merged[^1].From, Math.Max(merged[^1].To, range.To));
            }
            else
            {
                merged.Add(range);
            }
        }

        return merged;
    }

    /// <summary>Starts a little before a match so the reader sees its context, at the match richest window.</summary>
    private static int BestWindow(List<(int From, int To)> matches, int length, int textLength)
    {
        const int Lead = 20;
        var best = 0;
        var bestCount = -1;
        for (var i = 0; i < matches.Count; i++)
        {
            var start = Math.Max(0, matches[i].From - Lead);
            var count = 0;
            for (var j = i; j < matches.Count && matches[j].To <= start + length; j++)
            {
                count++;
            }

            if (count > bestCount)
            {
                (best, bestCount) = (start, count);
            }
        }

        return Math.Min(best, Math.Max(0, textLength - length));
    }
}
