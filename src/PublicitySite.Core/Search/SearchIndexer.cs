using Lucene.Net.Documents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PublicitySite.Changes;
using PublicitySite.Contents;
using PublicitySite.Proposals;
using PublicitySite.Storage;

namespace PublicitySite.Search;

/// <summary>
/// Keeps this node's index in step with the database by working through the change log (<see cref="ChangeLog"/>)
/// to a checkpoint committed with the index. A commit here, or a message from another node, only nudges it to
/// read early; it also reads on its own every <see cref="SearchIndexOptions.PollInterval"/>, so correctness
/// never rests on a nudge arriving. Each entry means "read this item again": the loop re-reads it from the
/// database and replaces its documents, so the index ends at what the database holds whatever the order.
/// A failed write (a full disk) throws away what was not committed and resumes from the last checkpoint.
/// </summary>
public sealed partial class SearchIndexer(
    SearchIndex index,
    IServiceScopeFactory scopes,
    IOptions<SearchIndexOptions> options,
    ILogger<SearchIndexer> logger) : IContentChangeSink, IProposalStatusSink, INodeLocalSink
{
    private const int MaxBatch = 500;

    // Gaps are timed against the real clock, not the site's TimeProvider: they measure real transactions.
    private static readonly TimeProvider Wall = TimeProvider.System;
    private readonly SemaphoreSlim nudge = new(0, 1);
    private readonly HashSet<string> repairs = [];
    private readonly Lock sync = new();
    private ChangeLogCursor? cursor;
    private long appliedHead = -1;
    private volatile string? problem;
    private DateTime? failingSince;

    /// <summary>Why the last attempt to index failed (Chinese, for /healthz and the admin); null while all is well.</summary>
    public string? Problem => problem;

    /// <summary>When indexing started failing; null while all is well.</summary>
    public DateTime? FailingSince => failingSince;

    /// <summary>The change-log position of the last commit, and the newest entry read.</summary>
    public (long Checkpoint, long Head) Position
    {
        get
        {
            lock (sync)
            {
                return cursor is null ? (index.Checkpoint, index.Checkpoint) : (cursor.Checkpoint, cursor.Head);
            }
        }
    }

    /// <summary>Items the consistency check found wrong and that are not yet repaired.</summary>
    public int PendingRepairs
    {
        get
        {
            lock (sync)
            {
                return repairs.Count;
            }
        }
    }

    /// <summary>Change-log entries read and not yet committed to the index: how far search lags the database.</summary>
    public long Pending
    {
        get
        {
            var (checkpoint, head) = Position;
            return Math.Max(0, head - checkpoint);
        }
    }

    public ValueTask OnChangedAsync(ContentChange change, CancellationToken cancellationToken)
    {
        Nudge();
        return ValueTask.CompletedTask;
    }

    public ValueTask OnStatusChangedAsync(string contentItemId, CancellationToken cancellationToken)
    {
        Nudge();
        return ValueTask.CompletedTask;
    }

    /// <summary>Read the log now rather than at the next poll (a local commit, a message from another node).</summary>
    public void Nudge()
    {
        try
        {
            nudge.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already nudged: one read picks up everything.
        }
    }

    /// <summary>Items to read again whatever the log says (the consistency check's findings).</summary>
    public void Repair(IEnumerable<string> ids)
    {
        lock (sync)
        {
            repairs.UnionWith(ids);
        }

        Nudge();
    }

    /// <summary>
    /// Opens this node's index for the database it serves. Returns where to start reading the log, and
    /// whether the index must be built first: it is missing, unreadable, made from another database, or
    /// claims a checkpoint beyond the log's head (a database restored from an older backup).
    /// </summary>
    public async Task<(ChangeLogCursor Start, bool Rebuild)> OpenAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        index.DatabaseId = await DatabaseIdentity.GetOrCreateAsync(db, cancellationToken);
        if (index.TryOpenExisting(index.DatabaseId))
        {
            var head = await ChangeLog.HeadAsync(db, cancellationToken);
            if (index.Checkpoint <= head)
            {
                return (new ChangeLogCursor(index.Checkpoint, options.Value.GapTimeout), false);
            }

            LogAhead(index.Checkpoint, head);
        }

        return (await StartAtHeadAsync(db, options.Value.GapTimeout, cancellationToken), true);
    }

    /// <summary>Where to start when the index is new: the log's head, with the recent ids not yet visible as gaps.</summary>
    public static async Task<ChangeLogCursor> StartAtHeadAsync(AppDbContext db, TimeSpan gapTimeout, CancellationToken cancellationToken)
    {
        var head = await ChangeLog.HeadAsync(db, cancellationToken);
        var window = Math.Max(0, head - 1000);
        var present = (await ChangeLog.IdsBetweenAsync(db, window, head, cancellationToken)).ToHashSet();
        var gaps = new List<long>();
        for (var id = window + 1; id <= head; id++)
        {
            if (!present.Contains(id))
            {
                gaps.Add(id);
            }
        }

        return new ChangeLogCursor(head, gapTimeout, gaps);
    }

    /// <summary>The loop: runs until <paramref name="stoppingToken"/> fires, never throws on a bad item or a failed write.</summary>
    public async Task RunAsync(ChangeLogCursor start, CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(start);
        lock (sync)
        {
            cursor = start;
            appliedHead = -1;
        }

        var wait = options.Value.PollInterval;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                bool more;
                try
                {
                    more = await StepAsync(stoppingToken);
                    if (problem is not null)
                    {
                        LogRecovered();
                    }

                    problem = null;
                    failingSince = null;
                    wait = options.Value.PollInterval;
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    more = false;
                    failingSince ??= Wall.GetUtcNow().UtcDateTime;
                    problem = DiskErrors.IsDiskFull(ex) ? "磁盘空间已满，搜索索引暂停更新，腾出空间后会自动补上" : "搜索索引更新失败，正在重试";
                    LogFailed(ex);
                    await ResumeFromCommitAsync(stoppingToken);
                    wait = TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, TimeSpan.FromSeconds(5).Ticks));
                }

                if (!more)
                {
                    await nudge.WaitAsync(wait, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Waits until every change committed so far is searchable (and the index is ready). For tests and tools.</summary>
    public async Task WaitForIdleAsync(TimeSpan timeout)
    {
        long target;
        await using (var scope = scopes.CreateAsyncScope())
        {
            target = await ChangeLog.HeadAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), CancellationToken.None);
        }

        Nudge();
        var deadline = DateTime.UtcNow + timeout;
        while (!await IsPastAsync(target) || !index.IsReady || PendingRepairs > 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The search index did not catch up within {timeout} (state {index.State}, at {Position}, log {target}, {problem}).");
            }

            await Task.Delay(5);
        }
    }

    /// <summary>
    /// Whether every entry up to <paramref name="target"/> that has committed is in the index: the cursor has
    /// read past it, and none of the gaps it still waits for below it has committed meanwhile (a rolled-back
    /// id never will, so the wait does not sit out the gap timeout).
    /// </summary>
    private async Task<bool> IsPastAsync(long target)
    {
        long[] waiting;
        lock (sync)
        {
            if (cursor is null || appliedHead < target)
            {
                return false;
            }

            waiting = cursor.Missing.Where(id => id <= target).ToArray();
        }

        if (waiting.Length == 0)
        {
            return true;
        }

        await using var scope = scopes.CreateAsyncScope();
        var committed = await ChangeLog.ReadIdsAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), waiting, CancellationToken.None);
        if (committed.Count > 0)
        {
            Nudge();
        }

        return committed.Count == 0;
    }

    /// <summary>One read of the log and the commit that follows. True when the read was full and more may wait.</summary>
    private async Task<bool> StepAsync(CancellationToken cancellationToken)
    {
        ChangeLogCursor next;
        string[] repairing;
        lock (sync)
        {
            next = cursor!.Clone();
            repairing = [.. repairs];
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var entries = await ChangeLog.ReadAsync(db, next.Head, MaxBatch, cancellationToken);
        var found = next.Missing.Count > 0 ? await ChangeLog.ReadIdsAsync(db, next.Missing.ToList(), cancellationToken) : [];
        var now = Wall.GetUtcNow().UtcDateTime;
        next.Advance(entries.Select(e => e.Id), now);
        next.Found(found.Select(e => e.Id));
        next.Expire(now);
        var ids = entries.Concat(found).Select(e => e.ContentItemId).Concat(repairing).Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0 && next.Checkpoint == index.Checkpoint)
        {
            Publish(next, repairing);
            return false;
        }

        var builder = scope.ServiceProvider.GetRequiredService<SearchDocumentBuilder>();
        foreach (var id in ids)
        {
            var docs = await LoadAsync(db, builder, id, cancellationToken);
            await index.ApplyAsync(id, docs, cancellationToken);
        }

        await index.CommitAsync(next.Checkpoint, cancellationToken);
        Publish(next, repairing);
        return entries.Count == MaxBatch;
    }

    private void Publish(ChangeLogCursor next, string[] repaired)
    {
        lock (sync)
        {
            cursor = next;
            appliedHead = next.Head;
            repairs.ExceptWith(repaired);
        }
    }

    /// <summary>After a failure: what was applied but not committed is gone, so read again from the committed checkpoint.</summary>
    private async Task ResumeFromCommitAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (index.IsReady)
            {
                await index.ReopenAsync(cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(ex);
        }

        lock (sync)
        {
            // Gaps are forgotten too: everything after the checkpoint is read again, and found again.
            cursor = new ChangeLogCursor(Math.Min(index.Checkpoint, cursor!.Checkpoint), options.Value.GapTimeout);
            appliedHead = -1;
        }
    }

    /// <summary>The documents an item should have in the index now, read fresh from the database.</summary>
    internal static async Task<IReadOnlyList<Document>> LoadAsync(AppDbContext db, SearchDocumentBuilder builder, string id, CancellationToken cancellationToken)
    {
        var item = await db.ContentItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (item is null || item.Deleted)
        {
            return [];
        }

        var versions = await db.ContentItemVersions.AsNoTracking()
            .Where(v => v.ContentItemId == id && (v.Published || v.Latest))
            .ToListAsync(cancellationToken);
        var status = item.ContentType == ProposalVisibility.ContentType ? await ProposalStatuses.OfAsync(db, [id], cancellationToken) : null;
        return builder.Build(item, versions, status?.GetValueOrDefault(id)?.Status);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Indexing from the change log failed; it resumes from the index's last checkpoint")]
    private partial void LogFailed(Exception ex);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The search index is at change {Checkpoint}, beyond the database's last change {Head}: it will be rebuilt")]
    private partial void LogAhead(long checkpoint, long head);

    [LoggerMessage(Level = LogLevel.Information, Message = "Indexing from the change log works again")]
    private partial void LogRecovered();
}
