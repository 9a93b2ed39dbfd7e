using PublicitySite.Search;

namespace PublicitySite.Web.Search;

/// <summary>
/// The synonym list as administrators type it: one group per line, words separated by commas (， , 、) or
/// spaces. Blank lines and lines starting with # are skipped. Problems name the line as typed, which the
/// store's own check (by group number) cannot.
/// </summary>
internal static class SynonymText
{
    public const int MaxLength = 100_000;

    private static readonly char[] Separators = [',', '，', '、', ';', '；', ' ', '\t', '\u3000'];

    public static string Format(IReadOnlyList<IReadOnlyList<string>> groups) =>
        string.Join('\n', groups.Select(g => string.Join(' ', g)));

    public static (List<IReadOnlyList<string>> Groups, List<string> Errors) Parse(string? text)
    {
        var groups = new List<IReadOnlyList<string>>();
        var errors = new List<string>();
        if (text is { Length: > MaxLength })
        {
            errors.Add($"同义词表过长（超过 {MaxLength} 个字符）");
            return (groups, errors);
        }

        var lines = (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var at = $"第 {i + 1} 行";
            var words = line.Split(Separators, StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0)
            {
                errors.Add($"{at}是空组：只有分隔符，没有词语");
                continue;
            }

            if (words.Distinct(StringComparer.Ordinal).Count() < 2)
            {
                errors.Add($"{at}只有一个词“{words[0]}”：一组同义词至少要有两个不同的词");
            }

            foreach (var word in words.Where(w => w.Length > SynonymStore.MaxWordLength).Distinct())
            {
                errors.Add($"{at}的词“{word[..SynonymStore.MaxWordLength]}…”过长：每个词最多 {SynonymStore.MaxWordLength} 个字");
            }

            if (words.Any(w => w.Any(char.IsControl)))
            {
                errors.Add($"{at}含有不可见的控制字符");
            }

            groups.Add(words);
        }

        if (groups.Count > SynonymStore.MaxGroups)
        {
            errors.Add($"同义词共 {groups.Count} 组，超过上限 {SynonymStore.MaxGroups} 组");
        }

        return (groups, errors);
    }
}
