using Lucene.Net.Index;
using Lucene.Net.Search;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace PublicitySite.Search;

/// <summary>One index folder with its writer and its searchers.</summary>
internal sealed class IndexGeneration : IDisposable
{
    private readonly LuceneDirectory directory;
    private readonly SearcherManager searchers;
    private bool disposed;

    private IndexGeneration(string folder, LuceneDirectory directory, IndexWriter writer)
    {
        Folder = folder;
        this.directory = directory;
        Writer = writer;
        searchers = new SearcherManager(writer, applyAllDeletes: true, new BM25SearcherFactory());
    }

    public string Folder { get; }

    public IndexWriter Writer { get; }

    public static IndexGeneration Open(string folder, LuceneDirectory directory, OpenMode mode, double ramBufferMb = 16)
    {
        var config = new IndexWriterConfig(SearchAnalyzers.Version, SearchAnalyzers.ForWriter())
        {
            OpenMode = mode,
            Similarity = SearchIndex.Similarity,
            RAMBufferSizeMB = ramBufferMb,
        };
        IndexWriter? writer = null;
        try
        {
            writer = new IndexWriter(directory, config);
            return new IndexGeneration(folder, directory, writer);
        }
        catch
        {
            writer?.Dispose();
            directory.Dispose();
            throw;
        }
    }

    public SearcherLease Acquire() => new(searchers);

    public void Replace(string itemId, IReadOnlyList<Lucene.Net.Documents.Document> docs)
    {
        Writer.DeleteDocuments(new Term(SearchFields.Id, itemId));
        foreach (var doc in docs)
        {
            Writer.AddDocument(doc);
        }
    }

    public void Commit(IndexStamp stamp)
    {
        // Visible first (a near-real-time reopen needs no commit), durable second: readers never wait on fsync.
        searchers.MaybeRefreshBlocking();
        Writer.SetCommitData(stamp.ToCommitData());
        Writer.Commit();
    }

    /// <summary>Drops every change since the last commit and closes, after a write failed half-way.</summary>
    public void Abandon()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        try
        {
            searchers.Dispose();
            Writer.Rollback();
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or InvalidOperationException)
        {
            // The writer may already have closed itself on the failure; what is on disk is the last commit.
        }
        finally
        {
            directory.Dispose();
        }
    }

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        searchers.Dispose();
        Writer.Dispose();
        directory.Dispose();
    }
}

internal sealed class BM25SearcherFactory : SearcherFactory
{
    public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = SearchIndex.Similarity };
}

/// <summary>A searcher borrowed from the index; dispose it to give it back.</summary>
internal sealed class SearcherLease : IDisposable
{
    private readonly SearcherManager manager;
    private int released;

    internal SearcherLease(SearcherManager manager)
    {
        this.manager = manager;
        Searcher = manager.Acquire();
    }

    public IndexSearcher Searcher { get; }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref released, 1) == 0)
        {
            manager.Release(Searcher);
        }
    }
}
