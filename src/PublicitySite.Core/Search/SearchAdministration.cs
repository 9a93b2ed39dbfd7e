using PublicitySite.Audit;
using PublicitySite.Commands;
using PublicitySite.Contents.Definitions;
using PublicitySite.Storage;
using PublicitySite.Workflow;

namespace PublicitySite.Search;

/// <summary>Starts a background rebuild of the index, at most one at a time (the host runs it).</summary>
public interface IReindexStarter
{
    /// <summary>False, starting nothing, when a rebuild is already in hand.</summary>
    bool TryStart();
}

/// <summary>
/// The office's changes to search: a rebuild of the index (<c>search.reindex</c>) and the synonym list
/// (<c>settings.manage</c>). The admin page and the API both come here, so both audit the same line.
/// </summary>
public sealed class SearchAdministration(SynonymStore synonyms, AppDbContext db, AuditLog audit, CommandAccess access, IReindexStarter reindex)
{
    public const string AlreadyRunning = "正在重建索引，请等待本次重建完成，没有重复启动。";

    /// <summary>Starts a rebuild; a refused start (one is running) started nothing and is not audited.</summary>
    public async Task<Result<Done>> StartReindexAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        if (access.Check(actor, Permissions.Reindex) is { } denied)
        {
            return denied;
        }

        if (!reindex.TryStart())
        {
            return new Failure.Conflict(AlreadyRunning, "索引正在重建");
        }

        await audit.WriteAsync(actor.Name, AuditActions.SearchReindex, "search-index", "开始重建搜索索引", address: actor.Address, cancellationToken: cancellationToken);
        return Done.Result;
    }

    /// <summary>Replaces the synonym list; the audit line commits with the list, or neither does.</summary>
    public async Task<Result<IReadOnlyList<IReadOnlyList<string>>>> SaveSynonymsAsync(Actor actor, IReadOnlyList<IReadOnlyList<string>> groups, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(groups);
        if (access.Check(actor, Permissions.ManageSettings) is { } denied)
        {
            return denied;
        }

        var entry = audit.Stage(actor.Name, AuditActions.SynonymsChanged, SynonymStore.DocumentKey, Describe(synonyms.Groups, groups), address: actor.Address);
        var errors = await synonyms.SaveAsync(db, groups, cancellationToken);
        if (errors.Count > 0)
        {
            db.Remove(entry);
            return new Failure.Invalid([.. errors.Select(e => new FieldError("groups", e))]);
        }

        return Result<IReadOnlyList<IReadOnlyList<string>>>.Ok(synonyms.Groups);
    }

    /// <summary>Added and removed lines, so the trail says what changed, not only that something did.</summary>
    private static string Describe(IReadOnlyList<IReadOnlyList<string>> before, IReadOnlyList<IReadOnlyList<string>> after)
    {
        var old = before.Select(g => string.Join(' ', g)).ToHashSet(StringComparer.Ordinal);
        var now = after.Select(g => string.Join(' ', g)).ToHashSet(StringComparer.Ordinal);
        var added = now.Where(l => !old.Contains(l)).ToList();
        var removed = old.Where(l => !now.Contains(l)).ToList();
        return $"{before.Count} 组 → {after.Count} 组；新增：{(added.Count > 0 ? string.Join("；", added) : "无")}；删除：{(removed.Count > 0 ? string.Join("；", removed) : "无")}";
    }
}
