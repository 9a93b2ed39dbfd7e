
namespace PublicitySite.Settings;

internal sealed record SiteSettingsOverrides(IReadOnlyDictionary<string, string> Values, DateTime UpdatedUtc);

/// <summary>
/// This node's copy of the stored overrides, replaced whole on every update. Several nodes would each need
/// an eviction message (see DESIGN, scale-out); one node updates its own copy after the commit.
/// </summary>
public sealed class SiteSettingsCache
{
    private SiteSettingsOverrides? overrides;

    internal SiteSettingsOverrides? Overrides => Volatile.Read(ref overrides);

    internal void Set(SiteSettingsOverrides value) => Volatile.Write(ref overrides, value);

    public void Clear() => Volatile.Write(ref overrides, null);
}

