using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Microsoft.Extensions.Logging;
using PublicitySite.Storage;

namespace PublicitySite.Search;

public enum SearchIndexState
{
    /// <summary>Nothing opened yet: start-up has not looked at the index.</summary>
    Starting,

    /// <summary>No usable index: one is being built from the database. Search answers 503 meanwhile.</summary>
    Building,

    Ready,
}

/// <summary>
/// The Lucene index on disk: <c>index/current</c> names the generation folder in use, so a rebuild writes a
/// fresh folder and swaps it in by rewriting that one file. One <see cref="IndexWriter"/> per generation,
/// and all writes pass through one gate, so there is only ever one writer. Searches use near-real-time
/// readers from a <see cref="SearcherManager"/> and never wait for writes.
/// </summary>
public sealed partial class SearchIndex(SitePaths paths, DomainDictionary dictionary, ILogger<SearchIndex> logger) : IDisposable
{
    private const string PointerFile = "current";
    private readonly SemaphoreSlim gate = new(1, 1);
    private IndexGeneration? live;
    private HashSet<string>? dirty = [];
    private readonly TaskCompletionSource asked = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile SearchIndexState state;

    public SearchIndexState State => state;

    public bool IsReady => state == SearchIndexState.Ready;

    /// <summary>
    /// Completes when a search is asked for before the index is ready. Start-up holds the opening back until the
    /// first page has been answered, unless a search wants it sooner.
    /// </summary>
    public Task Asked => asked.Task;

    /// <summary>
    /// Until the index is <see cref="SearchIndexState.Ready"/>: asks for it (<see cref="Asked"/>) and waits, at most
    /// <paramref name="max"/>, for it to open or for its first build to finish. Returns at once when it is ready.
    /// </summary>
    public async Task WhenReadyAsync(TimeSpan max, CancellationToken cancellationToken = default)
    {
        if (state == SearchIndexState.Ready)
        {
            return;
        }

        asked.TrySetResult();
        try
        {
            await ready.Task.WaitAsync(max, cancellationToken);
        }
        catch (TimeoutException)
        {
            // still opening or building: the caller answers as for an index that is not ready
        }
    }

    /// <summary>Progress of the build in hand, for the admin page; null when none runs.</summary>
    public (int Done, int Total)? BuildProgress { get; internal set; }

    internal string Root => paths.IndexDir;

    /// <summary>The database this index is built from (<see cref="PublicitySite.Changes.DatabaseIdentity"/>), written into every commit.</summary>
    public string? DatabaseId { get; set; }

    /// <summary>How far through the change log the last commit goes (as opened, or as last committed).</summary>
    public long Checkpoint { get; private set; }

    internal static Similarity Similarity { get; } = new BM25Similarity();

    /// <summary>
    /// Opens the generation <c>index/current</c> names. False when it is missing, locked or unreadable, or
    /// (with <paramref name="databaseId"/>) when it was built from another database.
    /// </summary>
    public bool TryOpenExisting(string? databaseId = null)
    {
        var pointer = Path.Combine(Root, PointerFile);
        if (!File.Exists(pointer))
        {
            LogMissing(Root);
            return false;
        }

        IndexGeneration? generation = null;
        try
        {
            var name = File.ReadAllText(pointer).Trim();
            if (name.Length == 0 || name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || name.Contains("..", StringComparison.Ordinal))
            {
                throw new InvalidDataException($"The index pointer names '{name}'.");
            }

            var folder = Path.Combine(Root, name);
            var directory = FSDirectory.Open(folder);
            if (!DirectoryReader.IndexExists(directory))
            {
                directory.Dispose();
                throw new InvalidDataException($"No index in {folder}.");
            }

            generation = IndexGeneration.Open(folder, directory, OpenMode.APPEND);
            var stamp = IndexStamp.Read(generation.Writer);
            if (databaseId is not null && stamp.DatabaseId != databaseId)
            {
                LogOtherDatabase(Root, stamp.DatabaseId ?? "?", databaseId);
                generation.Dispose();
                return false;
            }

            using (var lease = generation.Acquire())
            {
                LoadNames(lease.Searcher.IndexReader);
            }

            gate.Wait();
            try
            {
                live = generation;
                dirty = null;
                Checkpoint = stamp.Checkpoint;
                SetState(SearchIndexState.Ready);
            }
            finally
            {
                gate.Release();
            }

            return true;
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or LockObtainFailedException or UnauthorizedAccessException or InvalidOperationException)
        {
            generation?.Dispose();
            LogUnusable(ex, Root);
            return false;
        }
    }

    private void SetState(SearchIndexState value)
    {
        state = value;
        if (value == SearchIndexState.Ready)
        {
            ready.TrySetResult();
        }
    }

    /// <summary>A searcher over the latest committed-or-not changes; null while no index is ready.</summary>
    internal SearcherLease? Acquire() => Volatile.Read(ref live)?.Acquire();

    /// <summary>Replaces every document of an item (none when it is deleted or has nothing to show).</summary>
    public async Task ApplyAsync(string itemId, IReadOnlyList<Lucene.Net.Documents.Document> docs, CancellationToken cancellationToken = default)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            dirty?.Add(itemId);
            live?.Replace(itemId, docs);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// Makes applied changes visible to searches and durable on disk, recording with them how far through
    /// the change log they go (<paramref name="checkpoint"/>; unchanged when null).
    /// </summary>
    public async Task CommitAsync(long? checkpoint = null, CancellationToken cancellationToken = default)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            var stamp = new IndexStamp(DatabaseId, checkpoint ?? Checkpoint);
            live?.Commit(stamp);
            Checkpoint = stamp.Checkpoint;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Starts a build in a fresh folder. Changes from now on are remembered to be replayed into it.</summary>
    internal async Task<IndexGeneration> BeginBuildAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            dirty ??= [];
            if (live is null)
            {
                SetState(SearchIndexState.Building);
            }
        }
        finally
        {
            gate.Release();
        }

        System.IO.Directory.CreateDirectory(Root);
        var folder = Path.Combine(Root, $"gen-{DateTime.UtcNow:yyyyMMddHHmmssfff}-{Guid.NewGuid().ToString("N")[..6]}");
        return IndexGeneration.Open(folder, FSDirectory.Open(folder), OpenMode.CREATE, ramBufferMb: 256);
    }

    /// <summary>
    /// Replays the items changed during the build into <paramref name="built"/>, then makes it the live index
    /// and rewrites the pointer — all inside the write gate, so no change falls between the two.
    /// </summary>
    internal async Task SwapAsync(IndexGeneration built, Func<IReadOnlyCollection<string>, IndexGeneration, Task> catchUp, CancellationToken cancellationToken)
    {
        IndexGeneration? old;
        await gate.WaitAsync(cancellationToken);
        try
        {
            await catchUp(dirty ?? [], built);
            built.Commit(new IndexStamp(DatabaseId, Checkpoint));
            var pointer = Path.Combine(Root, PointerFile);
            var temporary = pointer + ".tmp";
            await File.WriteAllTextAsync(temporary, Path.GetFileName(built.Folder), cancellationToken);
            File.Move(temporary, pointer, overwrite: true);
            old = live;
            live = built;
            dirty = null;
            SetState(SearchIndexState.Ready);
        }
        finally
        {
            gate.Release();
        }

        old?.Dispose();
        RemoveOldGenerations(built.Folder);
    }

    /// <summary>Gives up a build that failed; the live index (if any) carries on.</summary>
    internal async Task AbandonAsync(IndexGeneration built)
    {
        await gate.WaitAsync();
        try
        {
            if (live is not null)
            {
                dirty = null;
            }
        }
        finally
        {
            gate.Release();
        }

        built.Dispose();
        TryDelete(built.Folder);
    }

    /// <summary>
    /// After a failed write (a full disk, an I/O error): throws away what was applied but not committed and
    /// reopens the generation at its last commit, whose checkpoint the indexer resumes from. False when the
    /// index cannot be reopened (it then needs a rebuild).
    /// </summary>
    public async Task<bool> ReopenAsync(CancellationToken cancellationToken = default)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (live is null)
            {
                return false;
            }

            var folder = live.Folder;
            live.Abandon();
            live = null;
            try
            {
                var generation = IndexGeneration.Open(folder, FSDirectory.Open(folder), OpenMode.APPEND);
                Checkpoint = IndexStamp.Read(generation.Writer).Checkpoint;
                live = generation;
                return true;
            }
            catch (Exception ex) when (ex is IOException or LockObtainFailedException or UnauthorizedAccessException)
            {
                LogUnusable(ex, Root);
                dirty ??= [];
                SetState(SearchIndexState.Building);
                return false;
            }
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose()
    {
        gate.Wait();
        try
        {
            live?.Dispose();
            live = null;
        }
        finally
        {
            gate.Release();
        }

        gate.Dispose();
    }

    private void LoadNames(IndexReader reader)
    {
        var terms = MultiFields.GetTerms(reader, SearchFields.NameTerms);
        if (terms is null)
        {
            return;
        }

        var e = terms.GetEnumerator();
        while (e.MoveNext())
        {
            dictionary.AddName(e.Term.Utf8ToString());
        }
    }

    /// <summary>Old generations go, except one another process still writes to (its lock is held).</summary>
    private void RemoveOldGenerations(string keep)
    {
        foreach (var folder in System.IO.Directory.EnumerateDirectories(Root, "gen-*"))
        {
            if (Path.GetFullPath(folder) == Path.GetFullPath(keep))
            {
                continue;
            }

            try
            {
                using var directory = FSDirectory.Open(folder);
                if (IndexWriter.IsLocked(directory))
                {
                    continue;
                }
            }
            catch (IOException)
            {
                continue;
            }

            TryDelete(folder);
        }
    }

    private void TryDelete(string folder)
    {
        try
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogCannotDelete(ex, folder);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "No search index in {Root}: it will be built from the database")]
    private partial void LogMissing(string root);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The search index in {Root} is locked or unreadable: it will be rebuilt from the database")]
    private partial void LogUnusable(Exception ex, string root);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The search index in {Root} was built from database {Found}, not this one ({Expected}): it will be rebuilt")]
    private partial void LogOtherDatabase(string root, string found, string expected);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not remove the old index folder {Folder}")]
    private partial void LogCannotDelete(Exception ex, string folder);
}

