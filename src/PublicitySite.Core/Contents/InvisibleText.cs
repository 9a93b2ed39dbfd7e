namespace PublicitySite.Contents;

/// <summary>
/// Characters that change how text is shown without being seen: bidirectional embeddings, overrides and
/// isolates (U+202A–202E, U+2066–2069), zero-width space and joiners (U+200B–200D) and the byte-order mark
/// (U+FEFF). In a title or a slug they only serve to make one thing look like another, so they are removed.
/// </summary>
internal static class InvisibleText
{
    public static bool IsInvisible(char c) =>
        c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or (>= '\u200B' and <= '\u200D') or '\uFEFF';

    public static string Strip(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Any(IsInvisible) ? string.Concat(text.Where(c => !IsInvisible(c))) : text;
    }
}
