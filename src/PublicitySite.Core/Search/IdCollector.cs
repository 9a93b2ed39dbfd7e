using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace PublicitySite.Search;

/// <summary>
/// Collects the item id of every matching document, unscored and unranked: what a database query needs to
/// combine full text with its own filters, sort and paging. Ids are read from the field cache (the id terms
/// uninverted once per segment), not from stored documents: a broad query matches thousands, and loading
/// each stored document would decompress its whole body text.
/// </summary>
internal sealed class IdCollector : ICollector
{
    private readonly BytesRef bytes = new();
    private BinaryDocValues? ids;

    public HashSet<string> Ids { get; } = new(StringComparer.Ordinal);

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        ids = FieldCache.DEFAULT.GetTerms(context.AtomicReader, SearchFields.Id, setDocsWithField: false);
    }

    public void Collect(int doc)
    {
        ids!.Get(doc, bytes);
        if (bytes.Length > 0)
        {
            Ids.Add(bytes.Utf8ToString());
        }
    }
}
