namespace PublicitySite.Changes;

/// <summary>
/// A reader's position in the change log. Ids are handed out when a row is inserted but become visible when
/// its transaction commits, so on PostgreSQL a later id can be seen before an earlier one: the earlier one is
/// a gap, remembered and looked for again until it shows up or, after <c>gapTimeout</c>, is taken for a
/// rolled-back transaction. The <see cref="Checkpoint"/> is the point below which nothing can still arrive:
/// it is what is stored with the index, so a restart re-reads everything after it (re-reading is harmless:
/// an entry only means "look at this item again").
/// </summary>
public sealed class ChangeLogCursor
{
    /// <summary>Gaps further than this behind the newest id are not tracked: a huge rolled-back import, not a straggler.</summary>
    private const int MaxTrackedGaps = 10_000;
    private readonly Dictionary<long, DateTime> missing = [];
    private readonly TimeSpan gapTimeout;

    public ChangeLogCursor(long checkpoint, TimeSpan gapTimeout, IEnumerable<long>? missingIds = null, DateTime? now = null)
    {
        Head = checkpoint;
        this.gapTimeout = gapTimeout;
        foreach (var id in missingIds ?? [])
        {
            missing[id] = now ?? DateTime.UtcNow;
        }
    }

    /// <summary>The newest id read.</summary>
    public long Head { get; private set; }

    /// <summary>Every entry up to here has been read (or given up for rolled back).</summary>
    public long Checkpoint => missing.Count == 0 ? Head : Math.Min(Head, missing.Keys.Min() - 1);

    public IReadOnlyCollection<long> Missing => missing.Keys;

    /// <summary>Takes entries read after <see cref="Head"/>, oldest first; ids skipped over become gaps.</summary>
    public void Advance(IEnumerable<long> ids, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(ids);
        foreach (var id in ids)
        {
            if (id <= Head)
            {
                missing.Remove(id);
                continue;
            }

            for (var gap = Math.Max(Head + 1, id - MaxTrackedGaps); gap < id; gap++)
            {
                missing[gap] = now;
            }

            Head = id;
        }
    }

    /// <summary>Gaps that have since committed.</summary>
    public void Found(IEnumerable<long> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        foreach (var id in ids)
        {
            missing.Remove(id);
        }
    }

    /// <summary>Gaps older than the timeout are taken for rolled back (a later consistency check repairs any mistake).</summary>
    public void Expire(DateTime now)
    {
        foreach (var (id, since) in missing.ToList())
        {
            if (now - since >= gapTimeout)
            {
                missing.Remove(id);
            }
        }
    }

    public ChangeLogCursor Clone()
    {
        var copy = new ChangeLogCursor(Head, gapTimeout);
        foreach (var (id, since) in missing)
        {
            copy.missing[id] = since;
        }

        return copy;
    }
}
