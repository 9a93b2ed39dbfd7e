using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PublicitySite.Audit;
using PublicitySite.Commands;
using PublicitySite.Contents;
using PublicitySite.Contents.Definitions;
using PublicitySite.Storage;
using PublicitySite.Workflow;

namespace PublicitySite.Proposals;

/// <summary>An event as the office types it (one form per kind; fields a kind does not use are ignored).</summary>
public sealed record ProposalEventInput
{
    public required string Kind { get; init; }

    public DateOnly? Date { get; init; }

    public string? Note { get; init; }

    public string? Unit { get; init; }

    public string? Role { get; init; }

    public IReadOnlyList<string>? CoUnits { get; init; }

    public string? MergedInto { get; init; }

    public DateOnly? DueOn { get; init; }

    public string? ReplyClass { get; init; }

    public string? ReplyRefNo { get; init; }

    public string? ReplyText { get; init; }

    public string? ReplyPdf { get; init; }

    public string? Verdict { get; init; }
}

/// <summary>A new proposal as the office registers it; the number comes from the filing date and the session cut-offs.</summary>
public sealed record ProposalFiling
{
    public required string Title { get; init; }

    public string? Body { get; init; }

    public DateOnly FiledOn { get; init; }

    public string ProposerType { get; init; } = "member";

    public IReadOnlyList<string> Proposers { get; init; } = [];

    public string? Sector { get; init; }

    public string? Category { get; init; }

    public bool Key { get; init; }

    public string? Supervisor { get; init; }

    public bool Public { get; init; }
}

/// <summary>What a filing or a recorded event did: the proposal, its number and its status after the change.</summary>
public sealed record ProposalChange(string ContentItemId, string Number, ProposalStatus? Status)
{
    /// <summary>The status in Chinese (已立案), empty when the proposal has none yet.</summary>
    public string StatusName => Status is { } s ? ProposalNames.Of(s) : "";

    /// <summary>After a 发布 decision: the text is on the public site now.</summary>
    public bool Published { get; init; }

    /// <summary>After a 发布 decision the recipe's review has not finished: the stage that decides next.</summary>
    public string? NextStage { get; init; }
}

/// <summary>The office's queue, as the dashboard shows it.</summary>
public sealed record ProposalQueue(
    IReadOnlyList<ProposalRecord> AwaitingReview,
    IReadOnlyList<ProposalRecord> AwaitingAssignment,
    IReadOnlyList<ProposalRecord> DueSoon,
    IReadOnlyList<ProposalRecord> Overdue,
    IReadOnlyList<ProposalRecord> AwaitingVerdict);

/// <summary>
/// What the proposal office does: register proposals, record their events, see its queue. The only way these
/// change: every command checks <c>proposals.record</c> and writes its audit line in the same commit.
/// </summary>
public sealed class ProposalOffice(
    AppDbContext db,
    ContentManager contents,
    ProposalIndexer indexer,
    ProposalLifecycle lifecycle,
    ProposalRules rules,
    CommandAccess access,
    ProposalDirectory directory,
    AuditLog audit,
    TimeProvider clock,
    IEnumerable<IProposalStatusSink> statusSinks,
    IEnumerable<IProposalEventStager> eventStagers)
{
    private static readonly ProposalStatus[] Awaiting = [ProposalStatus.Assigned, ProposalStatus.InProgress, ProposalStatus.Reopened];

    /// <summary>Records one event after checking it against the lifecycle; an illegal one is refused with the reason.</summary>
    public async Task<Result<ProposalChange>> RecordAsync(Actor actor, string contentItemId, ProposalEventInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (access.Check(actor, Permissions.RecordProposals) is { } denied)
        {
            return denied;
        }

        return await RecordEventAsync(actor, contentItemId, input, audited: true, cancellationToken);
    }

    /// <summary>
    /// Records an event once the caller has decided the actor may (the office by its permission; a member's
    /// portal for the member's own verdict). Inside the caller's transaction the status sinks wait for
    /// <see cref="NotifyStatusAsync"/> after its commit.
    /// </summary>
    internal async Task<Result<ProposalChange>> RecordEventAsync(Actor actor, string contentItemId, ProposalEventInput input, bool audited, CancellationToken cancellationToken)
    {
        if (!ContentIds.IsValid(contentItemId)
            || !await db.ContentItems.AnyAsync(i => i.Id == contentItemId && !i.Deleted && i.ContentType == ProposalVisibility.ContentType, cancellationToken))
        {
            return new Failure.NotFound(ProposalTexts.Missing);
        }

        if (!ProposalNames.TryParseKind(input.Kind, out var kind))
        {
            return Invalid("kind", $"未知的办理环节“{input.Kind}”。可用：{string.Join("、", ProposalNames.AllKinds)}");
        }

        var today = ProposalDates.Today(clock);
        var mergedInto = input.MergedInto?.Trim();
        if (kind == ProposalEventKind.Merge && mergedInto is { Length: > 0 })
        {
            if (!ProposalNumbering.TryParse(mergedInto, out var n))
            {
                return Invalid("mergedInto", $"并入的提案编号“{mergedInto}”格式不对，应如 第五届第一次会议第0012号");
            }

            if (!await db.Set<ProposalRecord>().AnyAsync(r => r.Term == n.Term && r.Meeting == n.Meeting && r.Seq == n.Seq && r.ContentItemId != contentItemId, cancellationToken))
            {
                return Invalid("mergedInto", $"并入的提案 {ProposalNumbering.Format(n.Term, n.Meeting, n.Seq)} 不存在");
            }

            mergedInto = ProposalNumbering.Format(n.Term, n.Meeting, n.Seq);
        }

        if (kind == ProposalEventKind.Assign)
        {
            foreach (var (label, name) in (input.CoUnits ?? []).Select(c => ("协办单位", (string?)c)).Prepend(("主办单位", input.Unit)))
            {
                if (await directory.RefuseAsync(ProposalDirectoryKind.Unit, label, name, cancellationToken) is { } notListed)
                {
                    return Invalid(label == "主办单位" ? "unit" : "coUnits", notListed);
                }
            }
        }

        var e = new ProposalEvent
        {
            ContentItemId = contentItemId,
            Kind = kind,
            Date = input.Date ?? today,
            RecordedUtc = clock.GetUtcNow().UtcDateTime,
            RecordedBy = actor.Name,
            Role = Clean(input.Role),
            Unit = Clean(input.Unit),
            Note = Clean(input.Note),
            CoUnits = input.CoUnits is { Count: > 0 } co ? string.Join("、", co.Select(c => c.Trim()).Where(c => c.Length > 0)) : null,
            MergedInto = kind == ProposalEventKind.Merge ? mergedInto : null,
            DueOn = kind == ProposalEventKind.Extend ? input.DueOn : null,
            ReplyClass = kind == ProposalEventKind.Reply ? Clean(input.ReplyClass)?.ToUpperInvariant() : null,
            ReplyRefNo = kind == ProposalEventKind.Reply ? Clean(input.ReplyRefNo) : null,
            ReplyText = kind == ProposalEventKind.Reply ? Clean(input.ReplyText) : null,
            ReplyPdf = kind == ProposalEventKind.Reply ? Clean(input.ReplyPdf) : null,
            Verdict = kind == ProposalEventKind.Evaluate ? Clean(input.Verdict) : null,
        };
        var state = lifecycle.Fold(await indexer.EventsAsync(contentItemId, cancellationToken));
        if (lifecycle.Check(state, e, today) is { } refused)
        {
            return Invalid("kind", refused);
        }

        var after = lifecycle.Apply(state, e).Status;
        var number = await db.Set<ProposalRecord>().Where(r => r.ContentItemId == contentItemId)
            .Select(r => new { r.Term, r.Meeting, r.Seq }).FirstOrDefaultAsync(cancellationToken) is { } n2
            ? ProposalNumbering.Format(n2.Term, n2.Meeting, n2.Seq)
            : "";
        db.Set<ProposalEvent>().Add(e);
        await ProposalWebhooks.StageAsync(db, e, state.Status, after, e.RecordedUtc, cancellationToken);
        foreach (var stager in eventStagers)
        {
            await stager.StageAsync(e, cancellationToken);
        }
        if (audited)
        {
            audit.Stage(actor.Name, AuditActions.ProposalEvent, contentItemId, $"{number}：{input.Kind}（{e.Date:yyyy-MM-dd}）→ {(after is { } now ? ProposalNames.Of(now) : "")}", address: actor.Address);
        }

        await db.SaveChangesAsync(cancellationToken);
        if (after != state.Status)
        {
            // Saved with the refreshed proposal record below, which is what search reads the status from.
            PublicitySite.Changes.ChangeLog.Stage(db, contentItemId, PublicitySite.Changes.ChangeLog.StatusKind, 0, e.RecordedUtc);
        }

        await indexer.RefreshAsync(contentItemId, cancellationToken);
        // Inside a filing's own transaction the item is a new draft: its commit tells search and the caches.
        if (after != state.Status && db.Database.CurrentTransaction is null)
        {
            foreach (var sink in statusSinks)
            {
                await sink.OnStatusChangedAsync(contentItemId, cancellationToken);
            }
        }

        return new ProposalChange(contentItemId, number, after);
    }

    /// <summary>Tells search, the caches and the read cache that a proposal's status changed, after its commit.</summary>
    internal async Task NotifyStatusAsync(string contentItemId, CancellationToken cancellationToken)
    {
        foreach (var sink in statusSinks)
        {
            await sink.OnStatusChangedAsync(contentItemId, cancellationToken);
        }
    }

    /// <summary>
    /// How many times a filing is tried while other filings keep taking its number at the same moment: each
    /// round at least one of them wins, so this covers that many clerks filing into one session at once.
    /// </summary>
    public const int NumberingAttempts = 10;

    /// <summary>
    /// Registers a proposal as a draft (its public text then goes through review like any item) with the
    /// next number of the session its filing date belongs to, and records 待审查. Two filings at the same
    /// moment may read the same maximum: the unique index on (届, 次, 序号) lets one of them through, and the
    /// other, rolled back whole, tries again with a fresh maximum.
    /// </summary>
    public async Task<Result<ProposalChange>> FileAsync(Actor actor, ProposalFiling filing, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filing);
        if (access.Check(actor, Permissions.RecordProposals) is { } denied)
        {
            return denied;
        }

        return await FileCheckedAsync(actor, filing, null, cancellationToken);
    }

    /// <summary>
    /// A filing once the caller has decided the actor may file (the office; a member submitting from the
    /// portal). <paramref name="sameCommit"/> stages the caller's own rows and audit in the filing's transaction;
    /// it runs again on each numbering attempt, since a lost attempt is rolled back whole.
    /// </summary>
    internal async Task<Result<ProposalChange>> FileCheckedAsync(Actor actor, ProposalFiling filing, Func<ProposalChange, CancellationToken, Task>? sameCommit, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(filing.Title))
        {
            return Invalid("title", ProposalTexts.TitleRequired);
        }

        if (filing.FiledOn > ProposalDates.Today(clock))
        {
            return Invalid("filedOn", $"提交日期 {filing.FiledOn:yyyy-MM-dd} 晚于今天");
        }

        if (await directory.RefuseAsync(ProposalDirectoryKind.Sector, "界别", filing.Sector, cancellationToken) is { } notListed)
        {
            return Invalid("sector", notListed);
        }

        if (ProposalNumbering.SessionFor(rules.Sessions, filing.FiledOn) is not { } session)
        {
            return Invalid("filedOn", $"提交日期 {filing.FiledOn:yyyy-MM-dd} 之后没有已设置的会议，请先在“提案”设置中添加会议及截止日期");
        }

        for (var attempt = 1; attempt <= NumberingAttempts; attempt++)
        {
            try
            {
                if (await TryFileAsync(actor, filing, session, sameCommit, cancellationToken) is { } outcome)
                {
                    return outcome;
                }
            }
            catch (DbUpdateException ex) when (StorageErrors.IsUniqueViolation(ex))
            {
                // Another filing committed the same number first; this attempt's transaction was rolled back.
            }

            db.ChangeTracker.Clear();
            // Real time, not the site clock: a short, uneven pause so the losers of one round do not collide again.
            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20) * attempt), cancellationToken);
        }

        return new Failure.Conflict("同一时间登记的提案较多，提案编号未能分配，请稍后重新提交（本次未登记任何内容）", "编号冲突");
    }

    /// <summary>
    /// One filing in one transaction: the item, the record that holds its number and 待审查 commit together or
    /// not at all. Null when another proposal already holds the number. On SQLite the transaction takes the
    /// write lock at once (BEGIN IMMEDIATE), so filings queue and the maximum read here is final; on PostgreSQL
    /// the unique index decides, raising the violation the caller retries on.
    /// </summary>
    private async Task<Result<ProposalChange>?> TryFileAsync(Actor actor, ProposalFiling filing, ProposalSession session, Func<ProposalChange, CancellationToken, Task>? sameCommit, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var seq = (await db.Set<ProposalRecord>().Where(r => r.Term == session.Term && r.Meeting == session.Meeting)
            .MaxAsync(r => (int?)r.Seq, cancellationToken) ?? 0) + 1;
        var values = Values(filing, session.Term, session.Meeting, seq);
        var created = await contents.CreateAsync(ProposalVisibility.ContentType, values, actor.Name, cancellationToken: cancellationToken);
        if (created.Failure is { } failure)
        {
            return new Failure.Invalid([.. failure.Messages.Select(e => new FieldError("body", e))]);
        }

        // The indexer, told of the new item inside this transaction, has written its record unless the number was taken.
        var id = created.Value!.ContentItemId;
        if (!await db.Set<ProposalRecord>().AnyAsync(r => r.ContentItemId == id, cancellationToken))
        {
            return null;
        }

        var outcome = await RecordEventAsync(actor, id, new ProposalEventInput { Kind = ProposalNames.Of(ProposalEventKind.Filed), Date = filing.FiledOn, Note = ProposalNames.FiledNote }, audited: false, cancellationToken);
        if (outcome.Value is { } filed)
        {
            if (sameCommit is not null)
            {
                await sameCommit(filed, cancellationToken);
            }

            await audit.WriteAsync(actor.Name, AuditActions.ProposalFiled, id, $"{filed.Number} {filing.Title.Trim()}", address: actor.Address, cancellationToken: cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            await contents.NotifyCommittedAsync(cancellationToken);
        }

        return outcome;
    }

    public async Task<ProposalQueue> QueueAsync(CancellationToken cancellationToken = default)
    {
        var today = ProposalDates.Today(clock);
        var soon = today.AddDays(rules.DueSoonDays);
        var open = await db.Set<ProposalRecord>().AsNoTracking()
            .Where(r => r.Status == ProposalStatus.Filed || r.Status == ProposalStatus.Accepted || r.Status == ProposalStatus.Returned
                || r.Status == ProposalStatus.Replied || Awaiting.Contains(r.Status))
            .OrderBy(r => r.DueOn).ThenBy(r => r.Term).ThenBy(r => r.Meeting).ThenBy(r => r.Seq)
            .ToListAsync(cancellationToken);
        return new ProposalQueue(
            open.Where(r => r.Status == ProposalStatus.Filed).ToList(),
            open.Where(r => r.Status is ProposalStatus.Accepted or ProposalStatus.Returned).ToList(),
            open.Where(r => Awaiting.Contains(r.Status) && !r.Overdue && r.DueOn is { } due && due >= today && due <= soon).ToList(),
            open.Where(r => Awaiting.Contains(r.Status) && r.Overdue).ToList(),
            open.Where(r => r.Status == ProposalStatus.Replied).ToList());
    }

    /// <summary>The flat values a proposal item is created from (also used by the batch import).</summary>
    internal static JsonObject Values(ProposalFiling filing, int term, int meeting, int seq)
    {
        var values = new JsonObject
        {
            ["title"] = filing.Title.Trim(),
            ["body"] = filing.Body ?? "",
            ["slug"] = Slug(term, meeting, seq),
            ["term"] = term,
            ["meeting"] = meeting,
            ["seq"] = seq,
            ["proposerType"] = filing.ProposerType,
            ["proposers"] = new JsonArray([.. filing.Proposers.Select(p => (JsonNode?)JsonValue.Create(p))]),
            ["key"] = filing.Key,
            ["public"] = filing.Public,
        };
        if (!string.IsNullOrWhiteSpace(filing.Sector))
        {
            values["sector"] = filing.Sector;
        }

        if (!string.IsNullOrWhiteSpace(filing.Category))
        {
            values["category"] = filing.Category;
        }

        if (filing.Key && !string.IsNullOrWhiteSpace(filing.Supervisor))
        {
            values["supervisor"] = filing.Supervisor;
        }

        return values;
    }

    internal static string Slug(int term, int meeting, int seq) =>
        string.Create(CultureInfo.InvariantCulture, $"t{term}-{meeting}-{seq:D4}");

    private static Failure.Invalid Invalid(string field, string message) => new(field, message);

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
