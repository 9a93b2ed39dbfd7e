using System.Text;

namespace PublicitySite.Search;

/// <summary>
/// Plain text of Markdown for the index and its snippets: markers, link targets and tags dropped, line
/// breaks kept as spaces. A single pass over the characters — a full Markdown parse per document cost as much
/// as all the analysis, and the index needs only the words.
/// </summary>
internal static class MarkdownText
{
    /// <summary>The text line by line, for comparing versions: the line breaks stay, the symbols go.</summary>
    public static string ToLines(string? markdown) => string.IsNullOrWhiteSpace(markdown) ? "" : string.Join('\n',
        markdown.Split('\n').Select(ToPlain).Where(l => l.Length > 0 && !l.All(c => c is '-' or ':' or ' ' or '=')));

    public static string ToPlain(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return "";
        }

        var text = new StringBuilder(markdown.Length);
        var lineStart = true;
        var lastSpace = true;
        for (var i = 0; i < markdown.Length; i++)
        {
            var c = markdown[i];
            if (lineStart)
            {
                // Block markers at the start of a line: headings, quotes, list bullets, numbered items, fences.
                while (i < markdown.Length && markdown[i] is ' ' or '\t' or '#' or '>' or '`' or '~')
                {
                    i++;
                }

                if (i + 1 < markdown.Length && markdown[i] is '-' or '*' or '+' && markdown[i + 1] == ' ')
                {
                    i += 2;
                }

                var digits = i;
                while (digits < markdown.Length && char.IsAsciiDigit(markdown[digits]))
                {
                    digits++;
                }

                if (digits > i && digits + 1 < markdown.Length && markdown[digits] is '.' or ')' && markdown[digits + 1] == ' ')
                {
                    i = digits + 2;
                }

                lineStart = false;
                if (i >= markdown.Length)
                {
                    break;
                }

                c = markdown[i];
            }

            switch (c)
            {
                case '\n' or '\r':
                    lineStart = true;
                    Space(text, ref lastSpace);
                    continue;
                case '*' or '_' or '`' or '|' or '\\':
                    if (c == '\\' && i + 1 < markdown.Length)
                    {
                        text.Append(markdown[++i]);
                        lastSpace = false;
                    }
                    else if (c == '|')
                    {
                        Space(text, ref lastSpace);
                    }

                    continue;
                case '!' when i + 1 < markdown.Length && markdown[i + 1] == '[':
                    continue;
                case '[':
                    continue;
                case ']' when i + 1 < markdown.Length && markdown[i + 1] == '(':
                    // [text](target): keep the text, drop the target.
                    var close = markdown.IndexOf(')', i + 2);
                    i = close < 0 ? markdown.Length : close;
                    continue;
                case ']':
                    continue;
                case '<':
                    var end = markdown.IndexOf('>', i + 1);
                    if (end > i && end - i < 200 && (char.IsAsciiLetter(markdown[i + 1]) || markdown[i + 1] is '/' or '!'))
                    {
                        i = end;
                        Space(text, ref lastSpace);
                        continue;
                    }

                    break;
                case ' ' or '\t':
                    Space(text, ref lastSpace);
                    continue;
            }

            text.Append(c);
            lastSpace = false;
        }

        return text.ToString().Trim();
    }

    private static void Space(StringBuilder text, ref bool lastSpace)
    {
        if (!lastSpace)
        {
            text.Append(' ');
            lastSpace = true;
        }
    }
}
