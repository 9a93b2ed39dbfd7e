using Lucene.Net.Index;
using Lucene.Net.Search;

namespace PublicitySite.Search;

/// <summary>
/// Collects the item id of every matching document, unscored and unranked: what a database query needs to
/// combine full text with its own filters, sort and paging.
/// </summary>
internal sealed class IdCollector : ICollector
{
    private static readonly HashSet<string> IdOnly = [SearchFields.Id];
    private AtomicReader? reader;

    public HashSet<string> Ids { get; } = new(StringComparer.Ordinal);

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        reader = context.AtomicReader;
    }

    public void Collect(int doc)
    {
        if (reader!.Document(doc, IdOnly).Get(SearchFields.Id) is { } id)
        {
            Ids.Add(id);
        }
    }
}
