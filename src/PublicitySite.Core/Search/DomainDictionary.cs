using System.Collections.Concurrent;
using System.Reflection;

namespace PublicitySite.Search;

/// <summary>
/// Committee terms (Data/domain-terms.txt) and the names of members, units and places found in the content,
/// added as items are indexed. The query planner cuts a query at these words first, so 安明提案 means 安明 and
/// 提案 and a member's name is never split into single characters. It is used at query time only, so a new
/// name takes effect at once without reindexing.
/// </summary>
public sealed class DomainDictionary
{
    private const int MaxTermLength = 16;
    private readonly ConcurrentDictionary<string, byte> terms = new(StringComparer.Ordinal);

    public DomainDictionary()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("PublicitySite.Search.Data.domain-terms.txt")
            ?? throw new InvalidOperationException("The domain dictionary is not embedded.");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                foreach (var word in line.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    Add(word);
                }
            }
        }
    }

    public int Count => terms.Count;

    public bool Contains(string folded) => terms.ContainsKey(folded);

    /// <summary>Adds a name, or each part of a name written with spaces (示例委员 安明).</summary>
    public void AddName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (var part in name.Split([' ', '\u3000', '、', '，', ',', '（', '）', '(', ')'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            Add(part);
        }
    }

    /// <summary>
    /// Cuts a run of Chinese characters at the longest dictionary words, left to right. Returns the pieces
    /// in order, each flagged as a dictionary word or not.
    /// </summary>
    /// <param name="alsoKnown">Words that count as known besides the dictionary's (the synonym list's), up to
    /// <see cref="SynonymStore.MaxWordLength"/> characters.</param>
    public List<(string Text, bool Known)> Segment(string folded, Func<string, bool>? alsoKnown = null)
    {
        ArgumentNullException.ThrowIfNull(folded);
        var longest = alsoKnown is null ? MaxTermLength : Math.Max(MaxTermLength, SynonymStore.MaxWordLength);
        var pieces = new List<(string, bool)>();
        var start = 0;
        var pending = 0;
        while (start < folded.Length)
        {
            var found = 0;
            for (var length = Math.Min(longest, folded.Length - start); length >= 2; length--)
            {
                var candidate = folded.Substring(start, length);
                if ((length <= MaxTermLength && terms.ContainsKey(candidate)) || alsoKnown?.Invoke(candidate) == true)
                {
                    found = length;
                    break;
                }
            }

            if (found == 0)
            {
                pending++;
                start++;
                continue;
            }

            if (pending > 0)
            {
                pieces.Add((folded.Substring(start - pending, pending), false));
                pending = 0;
            }

            pieces.Add((folded.Substring(start, found), true));
            start += found;
        }

        if (pending > 0)
        {
            pieces.Add((folded.Substring(start - pending, pending), false));
        }

        return pieces;
    }

    private void Add(string word)
    {
        var folded = TextFolding.Fold(word);
        if (folded.Length is >= 2 and <= MaxTermLength && folded.All(TextFolding.IsHan))
        {
            terms.TryAdd(folded, 0);
        }
    }
}
