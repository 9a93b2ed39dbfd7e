using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PublicitySite.Audit;
using PublicitySite.Commands;
using PublicitySite.Contents;
using PublicitySite.Contents.Definitions;
using PublicitySite.Storage;
using PublicitySite.Workflow;

namespace PublicitySite.Curation;

/// <summary>
/// The one way to set 头条, 置顶, 推荐 and title highlights. Only roles that may sign off (签发, the publish
/// permission for the item's type and column) may, and only on published items. Each item's flags are a
/// stored document of their own (<c>curation:{id}</c>), written with an audit line in the same commit; after
/// the commit the sinks empty cached pages and reads, so home and columns follow at once.
/// </summary>
public sealed class CurationService(
    AppDbContext db,
    SiteDefinitionStore definitions,
    CurationCache cache,
    IEnumerable<ICurationChangeSink> sinks,
    TimeProvider clock)
{
    public const string KeyPrefix = "curation:";

    public async Task<CurationBoard> GetAsync(CancellationToken cancellationToken = default)
    {
        if (cache.Board is { } board)
        {
            return board;
        }

        var generation = cache.Generation;
        var rows = await db.Documents.AsNoTracking().Where(d => d.Key.StartsWith(KeyPrefix)).ToListAsync(cancellationToken);
        var loaded = new CurationBoard(rows
            .Select(r => (Id: r.Key[KeyPrefix.Length..], Flags: JsonSerializer.Deserialize<CurationFlags>(r.Json, StorageJson.Options)))
            .Where(r => r.Flags is { IsEmpty: false })
            .ToDictionary(r => r.Id, r => r.Flags!, StringComparer.Ordinal));
        cache.Set(loaded, generation);
        return loaded;
    }

    /// <summary>Changes the flags of a published item; its flags as they now are, or why nothing changed.</summary>
    public async Task<Result<CurationFlags>> UpdateAsync(Actor actor, string contentItemId, CurationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        var item = await db.ContentItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == contentItemId && !i.Deleted, cancellationToken);
        if (item is null)
        {
            return new Failure.NotFound();
        }

        var column = await db.ContentItemVersions.AsNoTracking()
            .Where(v => v.ContentItemId == item.Id && v.Number == (item.PublishedVersion ?? item.LatestVersion))
            .Select(v => v.Column)
            .FirstOrDefaultAsync(cancellationToken);
        var policy = new WorkflowPolicy(definitions.Current);
        if (!policy.Has(actor, Permissions.PublishContent, item.ContentType, column))
        {
            return new Failure.Forbidden($"设置头条、置顶、推荐和标题样式须由有签发权限的角色办理，您的角色（{policy.RoleLabel(actor.Role)}）无此权限");
        }

        if (item.PublishedVersion is null)
        {
            return new Failure.Invalid("body", "只能对已发布的内容设置头条、置顶、推荐和标题样式");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (Check(request, now) is { } problem)
        {
            return new Failure.Invalid([problem]);
        }

        var key = KeyPrefix + item.Id;
        var document = await db.Documents.FirstOrDefaultAsync(d => d.Key == key, cancellationToken);
        var before = document is null ? new CurationFlags() : JsonSerializer.Deserialize<CurationFlags>(document.Json, StorageJson.Options) ?? new CurationFlags();
        var after = Apply(before, request, now);
        var json = JsonSerializer.Serialize(after, StorageJson.Options);
        if (document is null)
        {
            db.Documents.Add(new StoredDocument { Key = key, Json = json, UpdatedUtc = now });
        }
        else
        {
            document.Json = json;
            document.UpdatedUtc = now;
        }

        new AuditLog(db, clock).Stage(actor.Name, AuditActions.Curated, item.Id, Describe(before, after), address: actor.Address);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (StorageErrors.IsUniqueViolation(e))
        {
            return new Failure.Conflict("该内容的设置刚被他人修改，请刷新后重试");
        }

        cache.Clear();
        foreach (var sink in sinks)
        {
            await sink.OnCurationChangedAsync(item.Id, cancellationToken);
        }

        return after;
    }

    private static FieldError? Check(CurationRequest request, DateTime now)
    {
        if (request.TitleColor is { Length: > 0 } color && !TitleColors.IsKnown(color))
        {
            return new FieldError("titleColor", $"标题颜色只能是{string.Join("、", TitleColors.All.Select(c => c.Label))}之一");
        }

        if (request.Pinned == true && request.PinnedUntilUtc is { } until && until <= now)
        {
            return new FieldError("pinnedUntil", "置顶截止时间应晚于现在");
        }

        return null;
    }

    private static CurationFlags Apply(CurationFlags before, CurationRequest request, DateTime now) => before with
    {
        Headline = request.Headline ?? before.Headline,
        Pinned = request.Pinned ?? before.Pinned,
        PinnedUntilUtc = request.Pinned is { } pinned ? (pinned ? request.PinnedUntilUtc : null) : before.PinnedUntilUtc,
        Featured = request.Featured ?? before.Featured,
        TitleColor = request.TitleColor is null ? before.TitleColor : request.TitleColor.Length == 0 ? null : request.TitleColor,
        TitleBold = request.TitleBold ?? before.TitleBold,
        UpdatedUtc = now,
    };

    private static string Describe(CurationFlags before, CurationFlags after)
    {
        var parts = new List<string>();
        void Flag(string label, bool was, bool now)
        {
            if (was != now)
            {
                parts.Add(now ? "设为" + label : "取消" + label);
            }
        }

        Flag("头条", before.Headline, after.Headline);
        Flag("置顶", before.Pinned, after.Pinned);
        if (after.Pinned && before.PinnedUntilUtc != after.PinnedUntilUtc)
        {
            parts.Add("置顶截止：" + (after.PinnedUntilUtc is { } u ? SiteTime.ToLocal(u).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "不限"));
        }

        Flag("推荐", before.Featured, after.Featured);
        Flag("标题加粗", before.TitleBold, after.TitleBold);
        if (before.TitleColor != after.TitleColor)
        {
            parts.Add("标题颜色：" + (TitleColors.All.FirstOrDefault(c => c.Key == after.TitleColor).Label ?? "默认"));
        }

        return parts.Count == 0 ? "无变化" : string.Join("；", parts);
    }
}

/// <summary>This node's snapshot of every item's flags, replaced whole after each change.</summary>
public sealed class CurationCache
{
    private CurationBoard? board;
    private long generation;

    public CurationBoard? Board => Volatile.Read(ref board);

    public long Generation => Interlocked.Read(ref generation);

    /// <summary>Keeps a loaded board unless a change happened while it was being read.</summary>
    public void Set(CurationBoard value, long loadedAt)
    {
        if (Interlocked.Read(ref generation) == loadedAt)
        {
            Volatile.Write(ref board, value);
        }
    }

    public void Clear()
    {
        Interlocked.Increment(ref generation);
        Volatile.Write(ref board, null);
    }
}

