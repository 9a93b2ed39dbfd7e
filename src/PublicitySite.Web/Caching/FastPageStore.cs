using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace PublicitySite.Web.Caching;

/// <summary>
/// Cached anonymous pages, each held as ready bytes in every encoding, looked up by one dictionary read before
/// routing. Entries carry the page cache's tags; <see cref="Evict"/> removes every entry with a tag, and a page
/// rendered while an eviction happened is not stored (it may show what the eviction was about).
/// </summary>
internal sealed class FastPageStore(IOptionsMonitor<PageCacheOptions> options, TimeProvider clock) : IPageEvictionListener
{
    private readonly ConcurrentDictionary<string, FastPage> pages = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> keysByTag = new(StringComparer.Ordinal);
    private readonly Lock gate = new();
    private long generation;
    private long bytes;
    private long hits;

    /// <summary>Changes with every eviction: a render started under an older generation is not stored.</summary>
    public long Generation => Interlocked.Read(ref generation);

    public int Count => pages.Count;

    public long Bytes => Interlocked.Read(ref bytes);

    /// <summary>Requests answered from the store.</summary>
    public long Hits => Interlocked.Read(ref hits);

    public bool TryGet(string key, object definition, out FastPage page)
    {
        if (pages.TryGetValue(key, out page!) && ReferenceEquals(page.Definition, definition) && page.Expires > clock.GetUtcNow())
        {
            Interlocked.Increment(ref hits);
            return true;
        }

        page = null!;
        return false;
    }

    /// <summary>Stores <paramref name="page"/> unless an eviction happened since <paramref name="startedAt"/> or the store is full.</summary>
    public bool TryAdd(string key, FastPage page, long startedAt)
    {
        ArgumentNullException.ThrowIfNull(page);
        lock (gate)
        {
            if (generation != startedAt || bytes + page.Size > options.CurrentValue.SizeLimitMegabytes * 1024L * 1024L)
            {
                return false;
            }

            RemoveLocked(key);
            pages[key] = page;
            bytes += page.Size;
            foreach (var tag in page.Tags)
            {
                if (!keysByTag.TryGetValue(tag, out var keys))
                {
                    keysByTag[tag] = keys = new HashSet<string>(StringComparer.Ordinal);
                }

                keys.Add(key);
            }

            return true;
        }
    }

    public void Evict(string tag)
    {
        lock (gate)
        {
            generation++;
            if (keysByTag.Remove(tag, out var keys))
            {
                foreach (var key in keys)
                {
                    RemoveLocked(key);
                }
            }
        }
    }

    void IPageEvictionListener.OnEvicted(string tag) => Evict(tag);

    private void RemoveLocked(string key)
    {
        if (!pages.TryRemove(key, out var old))
        {
            return;
        }

        bytes -= old.Size;
        foreach (var tag in old.Tags)
        {
            if (keysByTag.TryGetValue(tag, out var keys))
            {
                keys.Remove(key);
                if (keys.Count == 0)
                {
                    keysByTag.Remove(tag);
                }
            }
        }
    }
}

/// <summary>Told of every tag the page cache evicts, wherever the eviction came from.</summary>
internal interface IPageEvictionListener
{
    void OnEvicted(string tag);
}
