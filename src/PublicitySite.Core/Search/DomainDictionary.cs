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
    private const int MaxPinyinWords = 4;
    private readonly ConcurrentDictionary<string, byte> terms = new(StringComparer.Ordinal);

    // Each word's toneless pinyin and initials (政协: zhengxie, zx), for queries and suggestions typed in letters.
    private readonly ConcurrentDictionary<string, PinyinKey> pinyin = new(StringComparer.Ordinal);
    private bool loading = true;

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

        loading = false;
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

    /// <summary>
    /// The words a run of letters stands for: their whole pinyin (zhengxie → 政协) or, from two letters, their
    /// initials (zx → 政协). Committee terms win over names when both match; at most four words.
    /// </summary>
    public IReadOnlyList<string> FromPinyin(string letters)
    {
        if (letters.Length < 2 || !letters.All(char.IsAsciiLetterLower))
        {
            return [];
        }

        var matches = pinyin.Where(p => p.Value.Full == letters || p.Value.Initials == letters).ToList();
        if (matches.Any(m => m.Value.Builtin))
        {
            matches = matches.Where(m => m.Value.Builtin).ToList();
        }

        return matches.OrderBy(m => m.Value.Full == letters ? 0 : 1).ThenBy(m => m.Key.Length).ThenBy(m => m.Key, StringComparer.Ordinal)
            .Take(MaxPinyinWords).Select(m => m.Key).ToList();
    }

    /// <summary>
    /// Words for the search box as a reader types: those starting with the Chinese typed, or whose pinyin or
    /// initials start with the letters typed (tian → 提案, 提案办理). Whole-pinyin matches first, then committee
    /// terms, then shorter words.
    /// </summary>
    public IReadOnlyList<string> Suggest(string typed, int take = 8)
    {
        var text = TextFolding.Fold(typed ?? "").Replace(" ", "", StringComparison.Ordinal);
        if (text.Length == 0)
        {
            return [];
        }

        var letters = text.All(char.IsAsciiLetterLower);
        return pinyin
            .Select(p => (Word: p.Key, Key: p.Value, Rank: letters
                ? p.Value.Full == text ? 0 : p.Value.Full.StartsWith(text, StringComparison.Ordinal) ? 1 : p.Value.Initials.StartsWith(text, StringComparison.Ordinal) && text.Length >= 2 ? 2 : -1
                : p.Key.StartsWith(text, StringComparison.Ordinal) && p.Key != text ? 1 : -1))
            .Where(x => x.Rank >= 0)
            .OrderBy(x => x.Rank).ThenByDescending(x => x.Key.Builtin).ThenBy(x => x.Word.Length).ThenBy(x => x.Word, StringComparer.Ordinal)
            .Take(take).Select(x => x.Word).ToList();
    }

    private void Add(string word)
    {
        var folded = TextFolding.Fold(word);
        if (folded.Length is >= 2 and <= MaxTermLength && folded.All(TextFolding.IsHan) && terms.TryAdd(folded, 0))
        {
            var full = Contents.Pinyin.Words(folded);
            if (full.Count == folded.Length)
            {
                pinyin.TryAdd(folded, new PinyinKey(string.Concat(full), string.Concat(full.Select(w => w[0])), loading));
            }
        }
    }

    private sealed record PinyinKey(string Full, string Initials, bool Builtin);
}
