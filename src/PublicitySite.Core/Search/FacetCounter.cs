using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace PublicitySite.Search;

/// <summary>
/// Counts the values of the facet fields over every matching document, from doc values (Lucene.Net.Facet is
/// not available here). Counting is per segment by ordinal, resolved to text once per segment.
/// </summary>
internal sealed class FacetCounter : ICollector
{
    private readonly Dictionary<string, Dictionary<string, int>> counts = SearchFields.Facets.ToDictionary(f => f, _ => new Dictionary<string, int>(StringComparer.Ordinal));
    private readonly SortedDocValues?[] values = new SortedDocValues?[SearchFields.Facets.Length];
    private readonly int[][] segmentCounts = new int[SearchFields.Facets.Length][];
    private int[]?[] ordinals = new int[]?[SearchFields.Facets.Length];

    public bool AcceptsDocsOutOfOrder => true;

    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Result()
    {
        Flush();
        return counts.ToDictionary(
            kv => kv.Key,
            kv => (IReadOnlyDictionary<string, int>)kv.Value.OrderByDescending(v => v.Value).ThenBy(v => v.Key, StringComparer.Ordinal).ToDictionary(v => v.Key, v => v.Value));
    }

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Flush();
        ordinals = FacetOrdinals.For(context.AtomicReader);
        for (var f = 0; f < values.Length; f++)
        {
            var docValues = context.AtomicReader.GetSortedDocValues(SearchFields.Facets[f]);
            values[f] = docValues;
            segmentCounts[f] = docValues is null ? [] : new int[docValues.ValueCount];
        }
    }

    public void Collect(int doc)
    {
        for (var f = 0; f < ordinals.Length; f++)
        {
            if (ordinals[f] is { } ords && ords[doc] is var ord and >= 0)
            {
                segmentCounts[f][ord]++;
            }
        }
    }

    private void Flush()
    {
        var bytes = new BytesRef();
        for (var f = 0; f < values.Length; f++)
        {
            if (values[f] is not { } docValues)
            {
                continue;
            }

            var target = counts[SearchFields.Facets[f]];
            var perOrd = segmentCounts[f];
            for (var ord = 0; ord < perOrd.Length; ord++)
            {
                if (perOrd[ord] > 0)
                {
                    docValues.LookupOrd(ord, bytes);
                    var key = bytes.Utf8ToString();
                    target[key] = target.GetValueOrDefault(key) + perOrd[ord];
                }
            }

            values[f] = null;
        }
    }
}
