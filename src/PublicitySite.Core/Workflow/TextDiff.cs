using System.Text;

namespace PublicitySite.Workflow;

public enum DiffKind
{
    Same,
    Added,
    Removed,
}

public sealed record DiffSpan(DiffKind Kind, string Text);

/// <summary>
/// A readable diff for Chinese text: lines are matched first, then changed lines are compared character by
/// character (Chinese has no spaces, so splitting on whitespace would mark whole paragraphs as changed).
/// </summary>
public static class TextDiff
{
    /// <summary>Above this many character pairs a changed block is shown as removed + added rather than compared.</summary>
    private const long MaxCells = 4_000_000;

    public static IReadOnlyList<DiffSpan> Compare(string? before, string? after)
    {
        var a = Lines(before ?? "");
        var b = Lines(after ?? "");
        var spans = new List<DiffSpan>();
        var removed = new StringBuilder();
        var added = new StringBuilder();
        foreach (var (kind, line) in Lcs(a, b))
        {
            if (kind == DiffKind.Same)
            {
                FlushChanged(removed, added, spans);
                Add(spans, DiffKind.Same, line);
            }
            else
            {
                (kind == DiffKind.Removed ? removed : added).Append(line);
            }
        }

        FlushChanged(removed, added, spans);
        return spans;
    }

    private static void FlushChanged(StringBuilder removed, StringBuilder added, List<DiffSpan> spans)
    {
        if (removed.Length > 0 && added.Length > 0 && (long)removed.Length * added.Length <= MaxCells)
        {
            var chars = Lcs(Chars(removed.ToString()), Chars(added.ToString()));
            foreach (var (kind, text) in chars)
            {
                Add(spans, kind, text);
            }
        }
        else
        {
            if (removed.Length > 0)
            {
                Add(spans, DiffKind.Removed, removed.ToString());
            }

            if (added.Length > 0)
            {
                Add(spans, DiffKind.Added, added.ToString());
            }
        }

        removed.Clear();
        added.Clear();
    }

    private static void Add(List<DiffSpan> spans, DiffKind kind, string text)
    {
        if (spans.Count > 0 && spans[^1].Kind == kind)
        {
            spans[^1] = spans[^1] with { Text = spans[^1].Text + text };
        }
        else
        {
            spans.Add(new DiffSpan(kind, text));
        }
    }

    private static List<(DiffKind, string)> Lcs(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        // Common head and tail first: most edits touch a small part of a long text.
        var head = 0;
        while (head < a.Count && head < b.Count && a[head] == b[head])
        {
            head++;
        }

        var tail = 0;
        while (tail < a.Count - head && tail < b.Count - head && a[a.Count - 1 - tail] == b[b.Count - 1 - tail])
        {
            tail++;
        }

        var result = new List<(DiffKind, string)>();
        result.AddRange(a.Take(head).Select(s => (DiffKind.Same, s)));
        int n = a.Count - head - tail, m = b.Count - head - tail;
        if ((long)n * m > MaxCells)
        {
            result.AddRange(a.Skip(head).Take(n).Select(s => (DiffKind.Removed, s)));
            result.AddRange(b.Skip(head).Take(m).Select(s => (DiffKind.Added, s)));
        }
        else
        {
            var table = new int[n + 1, m + 1];
            for (var i = n - 1; i >= 0; i--)
            {
                for (var j = m - 1; j >= 0; j--)
                {
                    table[i, j] = a[head + i] == b[head + j] ? table[i + 1, j + 1] + 1 : Math.Max(table[i + 1, j], table[i, j + 1]);
                }
            }

            int x = 0, y = 0;
            while (x < n || y < m)
            {
                if (x < n && y < m && a[head + x] == b[head + y])
                {
                    result.Add((DiffKind.Same, a[head + x]));
                    x++;
                    y++;
                }
                else if (y < m && (x == n || table[x, y + 1] > table[x + 1, y]))
                {
                    result.Add((DiffKind.Added, b[head + y]));
                    y++;
                }
                else
                {
                    result.Add((DiffKind.Removed, a[head + x]));
                    x++;
                }
            }
        }

        result.AddRange(a.Skip(a.Count - tail).Select(s => (DiffKind.Same, s)));
        return result;
    }

    private static List<string> Lines(string text)
    {
        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                lines.Add(text[start..(i + 1)]);
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            lines.Add(text[start..]);
        }

        return lines;
    }

    /// <summary>Text elements, so a character outside the BMP (or with a combining mark) is never split in two.</summary>
    private static List<string> Chars(string text)
    {
        var list = new List<string>(text.Length);
        var e = System.Globalization.StringInfo.GetTextElementEnumerator(text);
        while (e.MoveNext())
        {
            list.Add(e.GetTextElement());
        }

        return list;
    }
}
