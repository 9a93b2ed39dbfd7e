using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PublicitySite.Contents;
using PublicitySite.Storage;

namespace PublicitySite.Proposals;

/// <summary>
/// Keeps <see cref="ProposalRecord"/> and the proposer links in step with each proposal item and its events.
/// Runs after content changes are committed and after the office records an event. On the first save of an
/// item that carries a <c>timeline</c> (seed files, imports) the timeline becomes real events, once.
/// </summary>
public sealed partial class ProposalIndexer(
    AppDbContext db,
    ProposalLifecycle lifecycle,
    ProposalTimelineReader timelines,
    TimeProvider clock,
    ILogger<ProposalIndexer> logger) : IContentIndexSink
{
    private const string MemberType = "Member";

    public async ValueTask OnChangedAsync(ContentChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.ContentType == MemberType)
        {
            foreach (var id in await LinkedToMemberAsync(change.ContentItemId, cancellationToken))
            {
                await RefreshAsync(id, cancellationToken);
            }

            return;
        }

        if (change.ContentType != ProposalVisibility.ContentType)
        {
            return;
        }

        if (change.Kind == ContentChangeKind.Saved)
        {
            await ImportTimelineAsync(change.ContentItemId, cancellationToken);
        }

        await RefreshAsync(change.ContentItemId, cancellationToken);
    }

    /// <summary>
    /// Timelines become events as they would one change at a time; then each proposal concerned is recomputed
    /// once, in the order it first came up: a record is recomputed whole from what the item is now, so a second
    /// recomputation in the same batch found nothing new (a proposal saved then published was done twice).
    /// </summary>
    public async ValueTask OnBatchAsync(IReadOnlyList<ContentChange> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var refresh = new List<string>();
        foreach (var change in changes)
        {
            if (change.ContentType == MemberType)
            {
                refresh.AddRange(await LinkedToMemberAsync(change.ContentItemId, cancellationToken));
            }
            else if (change.ContentType == ProposalVisibility.ContentType)
            {
                if (change.Kind == ContentChangeKind.Saved)
                {
                    await ImportTimelineAsync(change.ContentItemId, cancellationToken);
                }

                refresh.Add(change.ContentItemId);
            }
        }

        foreach (var id in refresh.Distinct())
        {
            await RefreshAsync(id, cancellationToken);
        }
    }

    /// <summary>On an item's first save its <c>timeline</c> becomes events, once.</summary>
    private async Task ImportTimelineAsync(string contentItemId, CancellationToken cancellationToken)
    {
        if (await db.Set<ProposalEvent>().AnyAsync(e => e.ContentItemId == contentItemId, cancellationToken))
        {
            return;
        }

        var latest = await db.ContentItemVersions.AsNoTracking()
            .FirstOrDefaultAsync(v => v.ContentItemId == contentItemId && v.Latest, cancellationToken);
        if (latest is not null)
        {
            var events = timelines.Read(contentItemId, ContentData.Parse(latest.Data), out var problem);
            if (problem is not null)
            {
                LogTimelineProblem(contentItemId, problem);
            }

            db.Set<ProposalEvent>().AddRange(events);
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>Recomputes one proposal's record from its versions and events.</summary>
    public async Task RefreshAsync(string contentItemId, CancellationToken cancellationToken = default)
    {
        var item = await db.ContentItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == contentItemId, cancellationToken);
        var record = await db.Set<ProposalRecord>().FirstOrDefaultAsync(r => r.ContentItemId == contentItemId, cancellationToken);
        var proposers = await db.Set<ProposalProposer>().Where(p => p.ContentItemId == contentItemId).ToListAsync(cancellationToken);
        db.Set<ProposalProposer>().RemoveRange(proposers);
        if (item is null || item.Deleted || item.ContentType != ProposalVisibility.ContentType)
        {
            if (record is not null)
            {
                db.Set<ProposalRecord>().Remove(record);
            }

            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        var versions = await db.ContentItemVersions.AsNoTracking()
            .Where(v => v.ContentItemId == contentItemId && (v.Latest || v.Published))
            .ToListAsync(cancellationToken);
        var latest = versions.First(v => v.Latest);
        var published = versions.FirstOrDefault(v => v.Published);
        var source = published ?? latest;
        var data = ContentData.Parse(source.Data);
        var events = await EventsAsync(contentItemId, cancellationToken);
        var state = lifecycle.Fold(events);

        var (term, meeting, seq) = (Int(data, "Term"), Int(data, "Meeting"), Int(data, "Seq"));
        if (await db.Set<ProposalRecord>().AnyAsync(r => r.Term == term && r.Meeting == meeting && r.Seq == seq && r.ContentItemId != contentItemId, cancellationToken))
        {
            // The office services refuse duplicates before saving (a filing that loses a race to a number finds no
            // record here and tries again); otherwise this guards content saved some other way.
            LogDuplicateNumber(contentItemId, ProposalNumbering.Format(term, meeting, seq));
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        if (record is null)
        {
            record = new ProposalRecord { ContentItemId = contentItemId };
            db.Set<ProposalRecord>().Add(record);
        }

        var names = ContentData.GetList(data, ProposalVisibility.Part, "Proposers");
        record.Term = term;
        record.Meeting = meeting;
        record.Seq = seq;
        record.Number = ProposalNumbering.Format(term, meeting, seq);
        record.Title = source.Title;
        record.Path = item.Path;
        record.Published = published is not null;
        record.PublicConsent = ProposalVisibility.IsPublic(ContentData.Parse(latest.Data)) && (published is null || ProposalVisibility.IsPublic(data));
        record.Status = state.Status ?? ProposalStatus.Filed;
        record.Category = Text(data, "Category");
        record.Sector = Text(data, "Sector");
        record.ProposerType = Text(data, "ProposerType") ?? "member";
        record.Proposers = Trim(string.Join("、", names), 500);
        record.LeadUnit = state.LeadUnit ?? Text(data, "LeadUnit");
        var coUnits = state.CoUnits?.Split('、', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            ?? ContentData.GetList(data, ProposalVisibility.Part, "CoUnits");
        record.CoUnits = coUnits.Count > 0 ? Trim("|" + string.Join("|", coUnits) + "|", 500) : null;
        record.Key = ContentData.GetBool(data, ProposalVisibility.Part, "Key");
        record.Supervisor = record.Key ? Text(data, "Supervisor") : null;
        record.FiledOn = state.FiledOn;
        record.AssignedOn = state.AssignedOn;
        record.DueOn = state.DueOn;
        record.FirstRepliedOn = state.FirstRepliedOn;
        record.RepliedOnTime = state.RepliedOnTime;
        record.ReplyClass = state.LatestReply?.ReplyClass;
        record.Verdict = state.Verdict;
        record.Overdue = state.IsOverdue(ProposalDates.Today(clock));
        record.LastEventOn = state.LastEventOn;
        record.UpdatedUtc = events.Count > 0 && events.Max(e => e.RecordedUtc) is var last && last > source.ModifiedUtc ? last : source.ModifiedUtc;

        await AddProposersAsync(contentItemId, record.ProposerType, names, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Recomputes every proposal's record, e.g. after the deadline or session settings changed.</summary>
    public async Task<int> RebuildAllAsync(CancellationToken cancellationToken = default)
    {
        var ids = await db.ContentItems.AsNoTracking().Where(i => i.ContentType == ProposalVisibility.ContentType).Select(i => i.Id).ToListAsync(cancellationToken);
        foreach (var id in ids)
        {
            await RefreshAsync(id, cancellationToken);
            db.ChangeTracker.Clear();
        }

        return ids.Count;
    }

    public Task<List<ProposalEvent>> EventsAsync(string contentItemId, CancellationToken cancellationToken = default) =>
        db.Set<ProposalEvent>().AsNoTracking()
            .Where(e => e.ContentItemId == contentItemId)
            .OrderBy(e => e.Date).ThenBy(e => e.Id)
            .ToListAsync(cancellationToken);

    /// <summary>The proposals whose links follow a member created, renamed or removed after they named them.</summary>
    private async Task<List<string>> LinkedToMemberAsync(string memberId, CancellationToken cancellationToken)
    {
        var title = await db.ContentItemVersions.AsNoTracking()
            .Where(v => v.ContentItemId == memberId && v.Latest)
            .Select(v => v.Title)
            .FirstOrDefaultAsync(cancellationToken);
        return await db.Set<ProposalProposer>().AsNoTracking()
            .Where(p => p.MemberId == memberId || (title != null && p.Name == title))
            .Select(p => p.ContentItemId)
            .Distinct()
            .ToListAsync(cancellationToken);
    }

    private async Task AddProposersAsync(string contentItemId, string proposerType, IReadOnlyList<string> names, CancellationToken cancellationToken)
    {
        var members = proposerType == "member" && names.Count > 0
            ? await db.ContentItemVersions.AsNoTracking()
                .Where(v => v.Latest && v.ContentType == MemberType && names.Contains(v.Title))
                .Join(db.ContentItems.Where(i => !i.Deleted), v => v.ContentItemId, i => i.Id, (v, i) => new { v.Title, i.Id })
                .ToListAsync(cancellationToken)
            : [];
        for (var i = 0; i < names.Count; i++)
        {
            db.Set<ProposalProposer>().Add(new ProposalProposer
            {
                ContentItemId = contentItemId,
                Position = i,
                Name = Trim(names[i], 100),
                MemberId = members.FirstOrDefault(m => m.Title == names[i])?.Id,
            });
        }
    }

    private static int Int(JsonObject data, string field) =>
        ContentData.Get(data, ProposalVisibility.Part, field) is JsonValue v
        && decimal.TryParse(v.ToString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var n) ? (int)n : 0;

    private static string? Text(JsonObject data, string field) =>
        ContentData.GetString(data, ProposalVisibility.Part, field) is { Length: > 0 } s ? s.Trim() : null;

    private static string Trim(string s, int max) => s.Length <= max ? s : s[..max];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Proposal {Id}: timeline not fully imported: {Problem}")]
    private partial void LogTimelineProblem(string id, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Proposal {Id} has the number {Number} of another proposal; not listed until corrected")]
    private partial void LogDuplicateNumber(string id, string number);
}

/// <summary>The committee's local calendar date.</summary>
public static class ProposalDates
{
    public static DateOnly Today(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOnly.FromDateTime(SiteTime.ToLocal(clock.GetUtcNow().UtcDateTime).DateTime);
    }
}
