using System.Collections.Concurrent;

namespace PublicitySite.Web.Site;

/// <summary>
/// Values derived from theme files (parsed templates, fingerprinted URLs), recomputed when the file changes.
/// The file's time is looked at no more than once a second, so a page render does not cost a system call per
/// template and asset while an edited theme file still shows within a second.
/// </summary>
internal sealed class FileStamps<T>
{
    private const long RecheckMilliseconds = 1000;
    private readonly ConcurrentDictionary<string, Entry> entries = new();

    public T Get(string key, string file, Func<string, T> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        var now = Environment.TickCount64;
        if (entries.TryGetValue(key, out var known) && now - known.CheckedAt < RecheckMilliseconds)
        {
            return known.Value;
        }

        var stamp = File.GetLastWriteTimeUtc(file);
        if (known is not null && known.Stamp == stamp)
        {
            entries[key] = known with { CheckedAt = now };
            return known.Value;
        }

        var value = create(file);
        entries[key] = new Entry(stamp, now, value);
        return value;
    }

    private sealed record Entry(DateTime Stamp, long CheckedAt, T Value);
}
