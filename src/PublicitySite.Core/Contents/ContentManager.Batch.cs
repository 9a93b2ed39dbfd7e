namespace PublicitySite.Contents;

public sealed partial class ContentManager
{
    private List<ContentChange>? batch;

    /// <summary>
    /// Runs many changes as one: a single transaction, committed when <paramref name="work"/> returns and undone
    /// entirely when it throws. Each change is made and staged exactly as alone; only the telling differs. The
    /// index sinks (<see cref="IContentIndexSink"/>) hear every change at the end, inside the transaction; the
    /// other sinks (search, caches, webhooks, other nodes) hear them after the commit, so none of them ever
    /// sees what might still be undone. A commit per change and a recomputation per change made a seed import
    /// of a few dozen items take seconds.
    /// </summary>
    public async Task RunBatchAsync(Func<CancellationToken, Task> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (batch is not null || db.Database.CurrentTransaction is not null)
        {
            throw new InvalidOperationException("A batch cannot run inside another transaction.");
        }

        List<ContentChange> changes = [];
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            batch = changes;
            try
            {
                await work(cancellationToken);
                foreach (var sink in sinks.OfType<IContentIndexSink>())
                {
                    await sink.OnBatchAsync(changes, cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
            }
            catch
            {
                // Nothing was kept: the context must not hold on to entities the database no longer has.
                pending.Clear();
                db.ChangeTracker.Clear();
                throw;
            }
            finally
            {
                batch = null;
            }
        }

        foreach (var change in changes)
        {
            foreach (var sink in sinks.Where(s => s is not IContentIndexSink))
            {
                await sink.OnChangedAsync(change, cancellationToken);
            }
        }
    }
}
