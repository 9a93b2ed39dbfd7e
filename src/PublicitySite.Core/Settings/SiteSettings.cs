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

public sealed record SettingsUpdateResult(bool Succeeded, IReadOnlyList<string> Errors, SiteSettings Settings);
