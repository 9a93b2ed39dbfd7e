using System.Runtime.CompilerServices;
using Lucene.Net.Index;

namespace PublicitySite.Search;

/// <summary>
/// The facet fields' ordinals of one index segment as plain arrays, read once per segment and kept while the
/// segment lives. Counting a broad query's facets reads an ordinal for each field of every hit; from an array
/// that is a load, from the packed doc values it is a decode each time. Five facets cost 20 bytes a document.
/// A segment never changes (changes make new segments), so its arrays stay right; they go with the segment.
/// </summary>
internal static class FacetOrdinals
{
    private static readonly ConditionalWeakTable<object, int[]?[]> Segments = [];

    /// <summary>Per facet (in <see cref="SearchFields.Facets"/> order) the ordinal of each document, -1 for none; null when the segment lacks the field.</summary>
    public static int[]?[] For(AtomicReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return Segments.GetValue(reader.CoreCacheKey, _ => Read(reader));
    }

    private static int[]?[] Read(AtomicReader reader)
    {
        var result = new int[]?[SearchFields.Facets.Length];
        for (var f = 0; f < result.Length; f++)
        {
            if (reader.GetSortedDocValues(SearchFields.Facets[f]) is not { } values)
            {
                continue;
            }

            var ords = new int[reader.MaxDoc];
            for (var doc = 0; doc < ords.Length; doc++)
            {
                ords[doc] = values.GetOrd(doc);
            }

            result[f] = ords;
        }

        return result;
    }
}
