using System.Reflection;

namespace PublicitySite.Search;

/// <summary>
/// Folds text before it is indexed or searched: traditional characters to simplified (OpenCC's character
/// table), full-width forms to half-width, Latin to lower case. Every fold maps one UTF-16 unit to one, so
/// offsets in folded text are offsets in the original and highlights land on the reader's own characters.
/// </summary>
internal static class TextFolding
{
    private static readonly char[] Map = BuildMap();

    public static char Fold(char c) => Map[c];

    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = Map[source[i]];
            }
        });
    }

    public static bool IsHan(char c) => c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or (>= '\uF900' and <= '\uFAFF');

    private static char[] BuildMap()
    {
        var map = new char[char.MaxValue + 1];
        for (var i = 0; i <= char.MaxValue; i++)
        {
            map[i] = (char)i;
        }

        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("PublicitySite.Search.Data.traditional-to-simplified.txt")
            ?? throw new InvalidOperationException("The traditional-to-simplified table is not embedded.");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 2 && line[0] != '#')
            {
                map[line[0]] = line[1];
            }
        }

        for (var i = 0; i <= char.MaxValue; i++)
        {
            var c = (char)i;
            // Full-width ASCII (！ to ～) and the ideographic space fold to their half-width forms first.
            var folded = c is >= '\uFF01' and <= '\uFF5E' ? (char)(c - 0xFEE0) : c == '\u3000' ? ' ' : map[c];
            folded = map[folded];
            var lower = char.ToLowerInvariant(folded);
            map[i] = char.IsSurrogate(c) ? c : lower;
        }

        return map;
    }
}
