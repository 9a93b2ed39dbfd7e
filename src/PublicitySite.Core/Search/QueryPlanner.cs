using System.Text;

namespace PublicitySite.Search;

/// <summary>One thing the query asks for: a word or phrase, with the synonyms that stand for it.</summary>
internal sealed record QueryUnit(string Text, IReadOnlyList<string> Alternatives, bool Optional);

/// <summary>What a query was understood as.</summary>
internal sealed record QueryPlan(IReadOnlyList<QueryUnit> Units, IReadOnlyList<string> Phrases, string WordText, bool Truncated)
{
    public bool IsEmpty => Units.Count == 0;

    /// <summary>Everything a snippet should mark: every unit, every synonym, every phrase.</summary>
    public IReadOnlyList<string> HighlightTerms => Units.SelectMany(u => u.Alternatives).Concat(Phrases).Distinct().ToList();
}

/// <summary>
/// Reads what a person typed as words, never as query syntax: quotes may group a phrase, everything else that
/// is not a letter or digit (brackets, <c>*</c>, <c>:</c>, <c>AND</c>) only separates words. Runs of Chinese are
/// cut at committee terms and names first (<see cref="DomainDictionary"/>), then by SmartCn; single
/// characters a segmenter leaves behind are joined back (履/职 → 履职).
/// </summary>
public sealed class QueryPlanner(DomainDictionary dictionary, SynonymStore synonyms)
{
    public const int MaxQueryLength = 100;
    public const int MaxUnits = 10;

    private static readonly HashSet<string> Operators = ["and", "or", "not", "&&", "||"];

    internal QueryPlan Plan(string? input)
    {
        var text = (input ?? "").Trim();
        var truncated = text.Length > MaxQueryLength;
        if (truncated)
        {
            text = text[..MaxQueryLength];
        }

        var folded = TextFolding.Fold(text);
        var pieces = new List<(string Text, bool Optional)>();
        var phrases = new List<string>();
        var words = new StringBuilder();
        foreach (var (chunk, quoted) in Chunks(folded))
        {
            if (quoted)
            {
                var phrase = chunk.Trim();
                if (phrase.Any(char.IsLetterOrDigit))
                {
                    pieces.Add((phrase, false));
                    words.Append(phrase).Append(' ');
                }

                continue;
            }

            foreach (var word in SplitWords(chunk))
            {
                if (Operators.Contains(word))
                {
                    continue;
                }

                words.Append(word).Append(' ');
                var units = Segment(word);
                pieces.AddRange(units);
                if (units.Count > 1)
                {
                    phrases.Add(word);
                }
            }
        }

        var all = pieces.DistinctBy(p => p.Text).Take(MaxUnits).ToList();
        // A lone character is kept only as a hint, unless it is all the query has.
        var onlySingles = all.All(p => p.Optional);
        var plan = all.Select(p => new QueryUnit(p.Text, Alternatives(p.Text), p.Optional && !onlySingles)).ToList();
        return new QueryPlan(plan, phrases.Distinct().ToList(), words.ToString().Trim(), truncated);
    }

    /// <summary>The unit, its synonyms, and for a run of letters the committee words or names it spells in pinyin (zx → 政协).</summary>
    private IReadOnlyList<string> Alternatives(string text)
    {
        var expanded = synonyms.Expand(text);
        var spelled = dictionary.FromPinyin(text);
        return spelled.Count == 0 ? expanded : [.. expanded, .. spelled.Where(s => !expanded.Contains(s))];
    }

    private List<(string Text, bool Optional)> Segment(string word)
    {
        var units = new List<(string, bool)>();
        var start = 0;
        while (start < word.Length)
        {
            var han = TextFolding.IsHan(word[start]);
            var end = start;
            while (end < word.Length && TextFolding.IsHan(word[end]) == han)
            {
                end++;
            }

            var run = word[start..end];
            if (!han)
            {
                units.Add((run, false));
            }
            else
            {
                // A word an administrator made a synonym stays whole, or SmartCn could cut it and its group never apply.
                foreach (var (piece, known) in dictionary.Segment(run, synonyms.Contains))
                {
                    if (known)
                    {
                        units.Add((piece, false));
                    }
                    else
                    {
                        units.AddRange(SegmentWords(piece).Select(w => (w, w.Length == 1)));
                    }
                }
            }

            start = end;
        }

        return units;
    }

    /// <summary>SmartCn words of a run, with neighbouring single characters joined into one piece.</summary>
    private static List<string> SegmentWords(string run)
    {
        if (run.Length <= 2)
        {
            return [run];
        }

        var result = new List<string>();
        var singles = new StringBuilder();
        var covered = 0;
        foreach (var (token, _) in SearchAnalyzers.Tokens(SearchAnalyzers.Words, SearchFields.TitleWords, run))
        {
            // SmartCn drops stop words and stems nothing in Chinese; match tokens back to the run to keep order.
            var at = run.IndexOf(token, covered, StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            if (at > covered)
            {
                singles.Append(run, covered, at - covered);
            }

            if (token.Length == 1)
            {
                singles.Append(token);
            }
            else
            {
                Flush(result, singles);
                result.Add(token);
            }

            covered = at + token.Length;
        }

        singles.Append(run, covered, run.Length - covered);
        Flush(result, singles);
        return result;
    }

    private static void Flush(List<string> result, StringBuilder singles)
    {
        if (singles.Length > 0)
        {
            result.Add(singles.ToString());
            singles.Clear();
        }
    }

    /// <summary>Splits folded input at quotes: “…”, "…", 「…」 and 『…』 group a phrase when they are closed.</summary>
    private static IEnumerable<(string Text, bool Quoted)> Chunks(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var close = text[i] switch
            {
                '"' => '"',
                '\u201C' => '\u201D',
                '\u300C' => '\u300D',
                '\u300E' => '\u300F',
                _ => '\0',
            };
            if (close == '\0')
            {
                continue;
            }

            var end = text.IndexOf(close, i + 1);
            if (end < 0)
            {
                continue;
            }

            if (i > start)
            {
                yield return (text[start..i], false);
            }

            yield return (text[(i + 1)..end], true);
            start = end + 1;
            i = end;
        }

        if (start < text.Length)
        {
            yield return (text[start..], false);
        }
    }

    private static IEnumerable<string> SplitWords(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && (char.IsLetterOrDigit(text[i]) || char.IsSurrogate(text[i]));
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                yield return text[start..i];
                start = -1;
            }
        }
    }
}
