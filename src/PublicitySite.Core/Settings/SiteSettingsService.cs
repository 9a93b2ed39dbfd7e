using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PublicitySite.Audit;
using PublicitySite.Commands;
using PublicitySite.Contents;
using PublicitySite.Contents.Definitions;
using PublicitySite.Storage;
using PublicitySite.Workflow;

namespace PublicitySite.Settings;

/// <summary>
/// Reads and updates site settings. The recipe gives defaults; an administrator's values are stored as one
/// document (<c>site-settings</c>) and win. Reads come from <see cref="SiteSettingsCache"/> so a page never
/// waits on the database for its footer.
/// </summary>
public sealed class SiteSettingsService(
    AppDbContext db,
    SiteDefinitionStore definitions,
    SiteSettingsCache cache,
    IEnumerable<ISiteSettingsChangeSink> sinks,
    TimeProvider clock)
{
    public const string DocumentKey = "site-settings";

    public async Task<SiteSettings> GetAsync(CancellationToken cancellationToken = default)
    {
        var overrides = cache.Overrides ?? await LoadAsync(cancellationToken);
        return Merge(definitions.Current, overrides);
    }

    /// <summary>Only the administrator's values (no recipe defaults), for an edit form.</summary>
    public async Task<IReadOnlyDictionary<string, string>> GetOverridesAsync(CancellationToken cancellationToken = default) =>
        (cache.Overrides ?? await LoadAsync(cancellationToken)).Values;

    /// <summary>
    /// Sets the given keys; an empty or null value removes the override so the recipe's value shows again.
    /// Unknown keys and bad values (<see cref="SiteSettingRules"/>) are refused as a whole, with a message per problem.
    /// </summary>
    public Task<Result<SiteSettings>> UpdateAsync(IReadOnlyDictionary<string, string?> values, CancellationToken cancellationToken = default) =>
        UpdateAsync(Actor.System, values, cancellationToken);

    /// <summary>
    /// As above, on behalf of <paramref name="actor"/>: each key whose stored value changes gets an audit line,
    /// committed together with the change (or not at all). The answer is the settings the public now sees.
    /// </summary>
    public async Task<Result<SiteSettings>> UpdateAsync(Actor actor, IReadOnlyDictionary<string, string?> values, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(values);
        var allowed = SiteSettingKeys.Known.Select(k => k.Key).Concat(definitions.Current.Settings.Keys).ToHashSet(StringComparer.Ordinal);
        var errors = new List<FieldError>();
        foreach (var (key, value) in values)
        {
            if (!allowed.Contains(key))
            {
                errors.Add(new FieldError(key, $"未知的设置项“{key}”"));
            }
            else if (SiteSettingRules.Check(key, value) is { } problem)
            {
                errors.Add(new FieldError(key, problem));
            }
        }

        if (errors.Count > 0)
        {
            return new Failure.Invalid(errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var document = await db.Documents.FirstOrDefaultAsync(d => d.Key == DocumentKey, cancellationToken);
        var current = document is null ? new Dictionary<string, string>() : Parse(document.Json);
        var audit = new AuditLog(db, clock);
        foreach (var (key, value) in values)
        {
            var before = current.GetValueOrDefault(key);
            var after = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
            if (before == after)
            {
                continue;
            }

            if (after is null)
            {
                current.Remove(key);
            }
            else
            {
                current[key] = after;
            }

            audit.Stage(actor.Name, AuditActions.SettingChanged, key, $"{SiteSettingRules.Label(key)}：{Shown(before)} → {Shown(after)}", address: actor.Address);
        }

        var json = JsonSerializer.Serialize(current, StorageJson.Options);
        if (document is null)
        {
            db.Documents.Add(new StoredDocument { Key = DocumentKey, Json = json, UpdatedUtc = now });
        }
        else
        {
            document.Json = json;
            document.UpdatedUtc = now;
        }

        await db.SaveChangesAsync(cancellationToken);
        var overrides = new SiteSettingsOverrides(current, now);
        cache.Set(overrides);
        foreach (var sink in sinks)
        {
            await sink.OnSettingsChangedAsync(cancellationToken);
        }

        return Merge(definitions.Current, overrides);
    }

    private static string Shown(string? value) => value is null ? "（配方默认值）" : $"“{value}”";

    private static SiteSettings Merge(SiteDefinition site, SiteSettingsOverrides overrides)
    {
        var merged = new Dictionary<string, string>(site.Settings, StringComparer.Ordinal);
        foreach (var (key, value) in overrides.Values)
        {
            merged[key] = value;
        }

        return new SiteSettings(merged, overrides.UpdatedUtc);
    }

    private static Dictionary<string, string> Parse(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(json, StorageJson.Options) ?? [];

    private async Task<SiteSettingsOverrides> LoadAsync(CancellationToken cancellationToken)
    {
        var document = await db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Key == DocumentKey, cancellationToken);
        var overrides = document is null
            ? new SiteSettingsOverrides(new Dictionary<string, string>(), DateTime.MinValue)
            : new SiteSettingsOverrides(Parse(document.Json), document.UpdatedUtc);
        cache.Set(overrides);
        return overrides;
    }
}
