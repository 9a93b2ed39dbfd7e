using System.Text;

namespace PublicitySite.Contents;

/// <summary>
/// Toneless pinyin of common Han characters (first reading), from the embedded <c>Data/pinyin.txt</c>: for
/// readable addresses made from titles and for finding names by their pinyin initials.
/// </summary>
public static class Pinyin
{
    private static readonly Lazy<Dictionary<char, string>> Table = new(Load);

    /// <summary>The syllable of <paramref name="c"/>, or null when it is not a Han character the table knows.</summary>
    public static string? Of(char c) => Table.Value.TryGetValue(c, out var syllable) ? syllable : null;

    /// <summary>
    /// The text as lowercase words: each Han character its syllable, each run of ASCII letters and digits one
    /// word; anything else separates words.
    /// </summary>
    public static IReadOnlyList<string> Words(string text)
    {
        var words = new List<string>();
        var run = new StringBuilder();
        void Flush()
        {
            if (run.Length > 0)
            {
                words.Add(run.ToString());
                run.Clear();
            }
        }

        foreach (var c in text)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                run.Append(char.ToLowerInvariant(c));
            }
            else
            {
                Flush();
                if (Of(c) is { } syllable)
                {
                    words.Add(syllable);
                }
            }
        }

        Flush();
        return words;
    }

    /// <summary>First letters of each syllable or word: 张明华 → zmh.</summary>
    public static string Initials(string text) => string.Concat(Words(text).Select(w => w[0]));

    /// <summary>The syllables run together: 张明华 → zhangminghua.</summary>
    public static string Full(string text) => string.Concat(Words(text));

    private static Dictionary<char, string> Load()
    {
        using var stream = typeof(Pinyin).Assembly.GetManifestResourceStream("PublicitySite.Contents.Data.pinyin.txt")
            ?? throw new InvalidOperationException("The pinyin table is not embedded in the assembly");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var table = new Dictionary<char, string>(21000);
        while (reader.ReadLine() is { } line)
        {
            var tab = line.IndexOf('\t');
            if (line.StartsWith('#') || tab < 0)
            {
                continue;
            }

            var syllable = line[..tab];
            foreach (var c in line.AsSpan(tab + 1))
            {
                table[c] = syllable;
            }
        }

        return table;
    }
}
