namespace PublicitySite.Search;

/// <summary>Rebuilds the search index from the database (the index is derived data; the database is the truth).</summary>
public interface ISearchIndexRebuilder
{
    /// <summary>Builds a fresh index and swaps it in; returns the number of documents indexed.</summary>
    Task<int> RebuildAsync(IProgress<(int Done, int Total)>? progress, CancellationToken cancellationToken);
}
