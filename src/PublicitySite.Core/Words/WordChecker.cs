using System.Text.Json;

namespace PublicitySite.Words;

/// <summary>One occurrence of a listed term, with the text around it so the author sees where it is.</summary>
public sealed record WordHit(string Field, string Term, string? Replacement, WordLevel Level, string? Note, int Index, string Before, string After);

/// <summary>The check of one submission, stored with the version it checked.</summary>
public sealed record WordCheckResult
{
    public IReadOnlyList<WordHit> Hits { get; init; } = [];

    public bool Acknowledged { get; init; }

    public DateTime CheckedUtc { get; init; }

    public bool HasBlocking => Hits.Any(h => h.Level == WordLevel.Block);

    public bool HasWarnings => Hits.Any(h => h.Level == WordLevel.Warn);

    public string ToJson() => JsonSerializer.Serialize(this, Contents.StorageJson.Options);

    public static WordCheckResult? FromJson(string? json) =>
        string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize<WordCheckResult>(json, Contents.StorageJson.Options);
}

/// <summary>Finds listed terms in text. Plain ordinal matching: Chinese terms are matched character for character.</summary>
internal static class WordChecker
{
    private const int ContextChars = 12;

    public static IReadOnlyList<WordHit> Find(IReadOnlyList<WordDefinition> words, IEnumerable<(string Field, string? Text)> texts)
    {
        var hits = new List<WordHit>();
        foreach (var (field, text) in texts)
        {
            if (string.IsNullOrEmpty(text))
            {
                continue;
            }

            foreach (var word in words.Where(w => w.Term.Length > 0))
            {
                for (var at = text.IndexOf(word.Term, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word.Term, at + word.Term.Length, StringComparison.Ordinal))
                {
                    // A replacement that contains the term (旧称 → 旧称的新全称) is already right where it stands.
                    if (word.Replacement is { Length: > 0 } fix && fix.Contains(word.Term, StringComparison.Ordinal) && IsInside(text, at, word.Term, fix))
                    {
                        continue;
                    }

                    var start = Math.Max(0, at - ContextChars);
                    var end = Math.Min(text.Length, at + word.Term.Length + ContextChars);
                    hits.Add(new WordHit(field, word.Term, word.Replacement, word.Level, word.Note, at, text[start..at], text[(at + word.Term.Length)..end]));
                }
            }
        }

        return hits;
    }

    private static bool IsInside(string text, int at, string term, string replacement)
    {
        var offset = replacement.IndexOf(term, StringComparison.Ordinal);
        var from = at - offset;
        return from >= 0 && from + replacement.Length <= text.Length && string.CompareOrdinal(text, from, replacement, 0, replacement.Length) == 0;
    }
}
