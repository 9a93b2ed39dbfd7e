using System.Globalization;

namespace PublicitySite.Members;

/// <summary>
/// Orders Chinese names by the pinyin of the surname. ICU's zh-CN collation (used by .NET on Linux and
/// Windows 10+) already sorts Han characters by pinyin; the A–Z letter of a name is found by comparing it
/// with the first character ICU files under each letter.
/// </summary>
public static class PinyinOrder
{
    public static StringComparer Comparer { get; } = StringComparer.Create(CultureInfo.GetCultureInfo("zh-CN"), ignoreCase: true);

    private static readonly CompareInfo Collation = CultureInfo.GetCultureInfo("zh-CN").CompareInfo;

    /// <summary>Orders ICU sort keys: computing each name's key once is cheaper than collating every pair.</summary>
    public static IComparer<System.Globalization.SortKey> KeyComparer { get; } = Comparer<System.Globalization.SortKey>.Create(System.Globalization.SortKey.Compare);

    public static System.Globalization.SortKey CollationKey(string sortKey) => Collation.GetSortKey(sortKey, CompareOptions.IgnoreCase);

    // The first character of each letter's range in ICU's pinyin collation (I, U and V start no syllable).
    private static readonly (char Letter, string First)[] Boundaries =
    [
        ('A', "阿"), ('B', "八"), ('C', "嚓"), ('D', "哒"), ('E', "妸"), ('F', "发"), ('G', "旮"), ('H', "哈"),
        ('J', "丌"), ('K', "咔"), ('L', "垃"), ('M', "呣"), ('N', "拏"), ('O', "噢"), ('P', "妑"), ('Q', "七"),
        ('R', "呥"), ('S', "仨"), ('T', "他"), ('W', "屲"), ('X', "夕"), ('Y', "丫"), ('Z', "帀"),
    ];

    // Surnames read differently from the character's common reading: sort them as a character with the
    // surname's sound, or 曾 would file under C and 单 under D.
    private static readonly Dictionary<char, char> SurnameReadings = new()
    {
        ['曾'] = '增', ['单'] = '善', ['解'] = '谢', ['仇'] = '求', ['区'] = '欧', ['覃'] = '秦', ['翟'] = '宅',
        ['查'] = '渣', ['盖'] = '葛', ['朴'] = '嫖', ['缪'] = '妙', ['乐'] = '岳', ['长'] = '常', ['尉'] = '玉',
    };

    /// <summary>The person's name without a leading label such as “示例委员 ”.</summary>
    public static string PersonName(string displayName)
    {
        var trimmed = displayName.Trim();
        var space = trimmed.LastIndexOfAny([' ', '\u3000']);
        // Only a Chinese name after a label is cut out: "Li Ming" is one name, "示例委员 安明" is label + name.
        return space < 0 || trimmed[(space + 1)..].Any(char.IsAscii) ? trimmed : trimmed[(space + 1)..];
    }

    /// <summary>The key names sort by: the person's name with a polyphonic surname replaced by its reading.</summary>
    public static string SortKey(string displayName)
    {
        var name = PersonName(displayName);
        if (name.Length > 0 && SurnameReadings.TryGetValue(name[0], out var reading))
        {
            return reading + name[1..];
        }

        return name;
    }

    /// <summary>A–Z for a name starting with a Han character or a Latin letter; '#' for anything else.</summary>
    public static char Initial(string displayName)
    {
        var key = SortKey(displayName);
        if (key.Length == 0)
        {
            return '#';
        }

        var first = key[0];
        if (char.IsAsciiLetter(first))
        {
            return char.ToUpperInvariant(first);
        }

        if (first < '\u3400')
        {
            return '#';
        }

        var letter = '#';
        foreach (var (candidate, boundary) in Boundaries)
        {
            if (Collation.Compare(key[..1], boundary) >= 0)
            {
                letter = candidate;
            }
        }

        return letter;
    }
}
