using System.Collections.Frozen;

namespace PublicitySite.Settings;

/// <summary>The effective settings: the recipe's values with the administrator's overrides on top. Immutable.</summary>
public sealed class SiteSettings(IReadOnlyDictionary<string, string> values, DateTime updatedUtc)
{
    public static SiteSettings Empty { get; } = new(FrozenDictionary<string, string>.Empty, DateTime.MinValue);

    public IReadOnlyDictionary<string, string> Values { get; } = values;

    /// <summary>When an override last changed (MinValue when none ever did); pages use it for Last-Modified.</summary>
    public DateTime UpdatedUtc { get; } = updatedUtc;

    public string this[string key] => Get(key);

    public string Get(string key, string fallback = "") =>
        Values.TryGetValue(key, out var value) && value.Length > 0 ? value : fallback;
}

/// <summary>Told after site settings changed and were committed (caches of pages that show them follow).</summary>
public interface ISiteSettingsChangeSink
{
    ValueTask OnSettingsChangedAsync(CancellationToken cancellationToken);
}

/// <summary>The dated settings read as times: 公告条 end, 哀悼模式 period, 信息归档 years.</summary>
public static class SiteSchedule
{
    /// <summary>A setting written as local time (<see cref="SiteSettingKeys.TimeFormat"/>) in UTC, or null.</summary>
    public static DateTime? Time(SiteSettings settings, string key)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return DateTime.TryParseExact(settings[key], SiteSettingKeys.TimeFormat, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var local)
            ? TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Contents.SiteTime.Zone)
            : null;
    }

    /// <summary>
    /// 哀悼模式 is on when a start or an end is set and now lies between them: only an end means "from now",
    /// only a start means "until cleared".
    /// </summary>
    public static bool Mourning(SiteSettings settings, DateTime nowUtc)
    {
        var from = Time(settings, SiteSettingKeys.MourningFrom);
        var until = Time(settings, SiteSettingKeys.MourningUntil);
        return (from is not null || until is not null) && (from is null || from <= nowUtc) && (until is null || nowUtc < until);
    }

    /// <summary>The 公告条 text while it is to be shown, or null.</summary>
    public static string? Notice(SiteSettings settings, DateTime nowUtc)
    {
        var text = settings[SiteSettingKeys.NoticeText];
        return text.Length > 0 && (Time(settings, SiteSettingKeys.NoticeUntil) is not { } until || nowUtc < until) ? text : null;
    }

    /// <summary>The times at which what every page shows changes by itself.</summary>
    public static IEnumerable<DateTime> Boundaries(SiteSettings settings) =>
        new[] { SiteSettingKeys.NoticeUntil, SiteSettingKeys.MourningFrom, SiteSettingKeys.MourningUntil }
            .Select(k => Time(settings, k)).OfType<DateTime>();

    /// <summary>The site-wide archive window in years; 0 when items never leave the lists.</summary>
    public static int ArchiveYears(SiteSettings settings) =>
        int.TryParse(settings[SiteSettingKeys.ArchiveYears], out var years) && years > 0 ? years : 0;
}
