using System.Globalization;

namespace PublicitySite.Web.Api;

/// <summary>
/// The one reading of whole numbers in query strings (page, pageSize, term, …) for every API: surrounding spaces
/// are ignored, an absent or empty value takes the default, and anything else must be plain digits within the
/// bounds — no signs, no exponents, no thousands separators — or the caller answers 400.
/// </summary>
internal static class QueryNumbers
{
    /// <returns>False when a value is given and is not a whole number from <paramref name="min"/> to <paramref name="max"/>.</returns>
    public static bool TryRead(string? text, int min, int max, int fallback, out int value)
    {
        if (TryRead(text, min, max, out int? read))
        {
            value = read ?? fallback;
            return true;
        }

        value = fallback;
        return false;
    }

    /// <summary>As above, for a filter that is absent (null) unless given.</summary>
    public static bool TryRead(string? text, int min, int max, out int? value)
    {
        value = null;
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return true;
        }

        if (int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max)
        {
            value = n;
            return true;
        }

        return false;
    }
}
