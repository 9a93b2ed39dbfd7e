using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using PublicitySite.Contents;

namespace PublicitySite.Web.Api;

/// <summary>
/// <c>from</c> and <c>to</c> of a list filtered by date, bound as text so a bad date gets the Chinese 400 naming
/// the parameter at fault. ISO 8601; a bare date means that day in China.
/// </summary>
internal sealed record DateRange
{
    [FromQuery(Name = "from")]
    public string? From { get; init; }

    [FromQuery(Name = "to")]
    public string? To { get; init; }

    public bool TryRead(out DateTime? fromUtc, out DateTime? toUtc, out (string Parameter, string Detail) error)
    {
        error = default;
        toUtc = null;
        if (!TryDate(From, out fromUtc) || !TryDate(To, out toUtc))
        {
            error = (TryDate(From, out _) ? "to" : "from", "日期应为 ISO 8601 格式，例如 2024-05-20 或 2024-05-20T10:00:00+08:00");
            return false;
        }

        return true;
    }

    private static bool TryDate(string? text, out DateTime? value)
    {
        value = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        // Years the calendar cannot shift by a time zone (0001-01-01 in Beijing is before DateTime.MinValue in UTC).
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) && parsed.Year is > 1 and < 9999)
        {
            // A bare date means that day in China, not in UTC.
            value = text.Length <= 10 ? new DateTimeOffset(parsed.DateTime, SiteTime.Zone.BaseUtcOffset).UtcDateTime : parsed.UtcDateTime;
            return true;
        }

        return false;
    }
}
