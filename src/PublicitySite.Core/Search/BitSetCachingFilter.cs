using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace PublicitySite.Search;

/// <summary>
/// Caches a filter per segment as a bit set that can be read at random. The public-visibility filter matches
/// almost every document; held as a compressed set it is applied by stepping query and filter in turn, held as
/// bits it is handed to the postings as the accepted documents and costs nothing extra per hit.
/// </summary>
internal sealed class BitSetCachingFilter(Filter filter) : CachingWrapperFilter(filter)
{
    protected override DocIdSet DocIdSetToCache(DocIdSet docIdSet, AtomicReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (docIdSet?.GetIterator() is not { } iterator)
        {
            return EMPTY_DOCIDSET;
        }

        if (docIdSet is FixedBitSet bits)
        {
            return bits;
        }

        var copy = new FixedBitSet(reader.MaxDoc);
        copy.Or(iterator);
        return copy;
    }
}
