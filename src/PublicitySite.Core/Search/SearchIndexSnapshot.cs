using System.Globalization;

namespace PublicitySite.Search;

/// <summary>What the live index holds at one moment: for the admin page and <c>/healthz</c>.</summary>
/// <param name="Generation">The folder <c>index/current</c> names; null while no index is open.</param>
/// <param name="SwappedUtc">When the pointer was last rewritten, i.e. the last finished rebuild (survives restarts).</param>
/// <param name="Progress">Items processed of the build in hand; null when none runs.</param>
public sealed record SearchIndexSnapshot(SearchIndexState State, int Documents, string? Generation, DateTime? SwappedUtc, (int Done, int Total)? Progress);

public sealed partial class SearchIndex
{
    /// <summary>Reads the state without taking the write gate, so a long build never delays the answer.</summary>
    public SearchIndexSnapshot Snapshot()
    {
        var progress = BuildProgress;
        var generation = Volatile.Read(ref live);
        var documents = 0;
        try
        {
            using var lease = generation?.Acquire();
            documents = lease?.Searcher.IndexReader.NumDocs ?? 0;
        }
        catch (ObjectDisposedException)
        {
            // A swap closed this generation between the read and the lease: the next look sees the new one.
            generation = null;
        }

        var pointer = Path.Combine(Root, PointerFile);
        DateTime? swapped = generation is not null && File.Exists(pointer) ? File.GetLastWriteTimeUtc(pointer) : null;
        return new SearchIndexSnapshot(state, documents, generation is null ? null : Path.GetFileName(generation.Folder), swapped, progress);
    }
}

public sealed partial class SearchIndex
{
    /// <summary>Item id → the version numbers its documents hold, from the live index; null while none is open.</summary>
    internal Dictionary<string, HashSet<int>>? ReadVersions()
    {
        SearcherLease? lease;
        try
        {
            lease = Acquire();
        }
        catch (ObjectDisposedException)
        {
            return null;
        }

        if (lease is null)
        {
            return null;
        }

        using (lease)
        {
            var fields = new HashSet<string> { SearchFields.Id, SearchFields.StoredVersion };
            var result = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
            foreach (var leaf in lease.Searcher.IndexReader.Leaves)
            {
                var reader = leaf.AtomicReader;
                var live = reader.LiveDocs;
                for (var doc = 0; doc < reader.MaxDoc; doc++)
                {
                    if (live is not null && !live.Get(doc))
                    {
                        continue;
                    }

                    var stored = reader.Document(doc, fields);
                    var id = stored.Get(SearchFields.Id, CultureInfo.InvariantCulture);
                    if (id is null)
                    {
                        continue;
                    }

                    if (!result.TryGetValue(id, out var versions))
                    {
                        result[id] = versions = [];
                    }

                    versions.Add(stored.GetField(SearchFields.StoredVersion)?.GetInt32Value() ?? 0);
                }
            }

            return result;
        }
    }
}
