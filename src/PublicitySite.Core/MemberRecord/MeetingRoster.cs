using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PublicitySite.Audit;
using PublicitySite.Commands;
using PublicitySite.Contents.Definitions;
using PublicitySite.Members;
using PublicitySite.Storage;
using PublicitySite.Workflow;

namespace PublicitySite.MemberRecord;

/// <summary>A meeting or activity as the office types it.</summary>
public sealed record MeetingInput(string? Title, string? Date, string? Kind);

/// <summary>A member the roster can list: the published member profiles, in pinyin order.</summary>
public sealed record RosterMember(string MemberId, string Name, string? Sector);

/// <summary>
/// 会议活动: the office records meetings and activities and who attended (出席/请假/缺席). The only write path:
/// each command checks <c>duties.record</c> and writes its audit line in the same commit.
/// </summary>
public sealed class MeetingRoster(AppDbContext db, CommandAccess access, SiteDefinitionStore definitions, AuditLog audit, TimeProvider clock)
{
    public const int MaxTitle = 200;

    /// <summary>The Chinese name of each state, the words the forms send.</summary>
    public static IReadOnlyDictionary<Attendance, string> Names { get; } = new Dictionary<Attendance, string>
    {
        [Attendance.Present] = DutyRules.Present,
        [Attendance.Leave] = DutyRules.Leave,
        [Attendance.Absent] = DutyRules.Absent,
    };

    public IReadOnlyList<string> Kinds => definitions.Current.Duties.MeetingKinds;

    /// <summary>Adds a meeting (<paramref name="id"/> null) or changes its title, date and kind.</summary>
    public async Task<Result<Meeting>> SaveAsync(Actor actor, long? id, MeetingInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        if (access.Check(actor, Permissions.RecordDuties) is { } denied)
        {
            return denied;
        }

        var errors = new List<FieldError>();
        var title = input.Title?.Trim() ?? "";
        if (title.Length == 0)
        {
            errors.Add(new FieldError("title", "请填写会议活动名称"));
        }
        else if (title.Length > MaxTitle)
        {
            errors.Add(new FieldError("title", $"名称不能超过 {MaxTitle} 字"));
        }

        if (!DateOnly.TryParseExact(input.Date?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            errors.Add(new FieldError("date", "请按“2026-03-01”的格式填写日期"));
        }

        var kind = input.Kind?.Trim() ?? "";
        if (!Kinds.Contains(kind))
        {
            errors.Add(new FieldError("kind", $"请选择类型：{string.Join("、", Kinds)}"));
        }

        if (errors.Count > 0)
        {
            return new Failure.Invalid(errors);
        }

        Meeting meeting;
        if (id is { } existing)
        {
            if (await db.Set<Meeting>().FirstOrDefaultAsync(m => m.Id == existing, cancellationToken) is not { } found)
            {
                return new Failure.NotFound(MemberRecordTexts.MeetingMissing);
            }

            meeting = found;
        }
        else
        {
            meeting = new Meeting { CreatedBy = actor.Name };
            db.Set<Meeting>().Add(meeting);
        }

        meeting.Title = title;
        meeting.Date = date;
        meeting.Kind = kind;
        meeting.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        audit.Stage(actor.Name, AuditActions.MeetingRecorded, Target(meeting.Id), $"{date:yyyy-MM-dd} {kind} {title}", address: actor.Address);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return meeting;
    }

    /// <summary>
    /// Replaces the roster: each member id with 出席, 请假 or 缺席; a member left out or with an empty answer is
    /// not on the roster. Every id must be a published member.
    /// </summary>
    public async Task<Result<Meeting>> SetRosterAsync(Actor actor, long id, IReadOnlyDictionary<string, string?> answers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(answers);
        if (access.Check(actor, Permissions.RecordDuties) is { } denied)
        {
            return denied;
        }

        if (await db.Set<Meeting>().Include(m => m.Roster).FirstOrDefaultAsync(m => m.Id == id, cancellationToken) is not { } meeting)
        {
            return new Failure.NotFound(MemberRecordTexts.MeetingMissing);
        }

        var wanted = new Dictionary<string, Attendance>();
        var errors = new List<FieldError>();
        foreach (var (memberId, answer) in answers)
        {
            if (string.IsNullOrWhiteSpace(answer))
            {
                continue;
            }

            var state = Names.FirstOrDefault(n => n.Value == answer.Trim());
            if (state.Value is null)
            {
                errors.Add(new FieldError("roster", $"出席情况“{answer}”无法识别，请选择出席、请假或缺席"));
                continue;
            }

            wanted[memberId] = state.Key;
        }

        var ids = wanted.Keys.ToList();
        var members = await db.Set<MemberIndexEntry>().AsNoTracking().Where(m => ids.Contains(m.ContentItemId))
            .ToDictionaryAsync(m => m.ContentItemId, m => m.Name, cancellationToken);
        if (ids.FirstOrDefault(i => !members.ContainsKey(i)) is { } unknown)
        {
            errors.Add(new FieldError("roster", $"委员 {unknown} 不存在或未发布"));
        }

        if (errors.Count > 0)
        {
            return new Failure.Invalid(errors);
        }

        meeting.Roster.RemoveAll(r => !wanted.ContainsKey(r.MemberId));
        foreach (var (memberId, state) in wanted)
        {
            if (meeting.Roster.FirstOrDefault(r => r.MemberId == memberId) is { } row)
            {
                row.State = state;
            }
            else
            {
                meeting.Roster.Add(new MeetingAttendance { MeetingId = meeting.Id, MemberId = memberId, Name = members[memberId], State = state });
            }
        }

        meeting.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        var counts = string.Join("，", Names.Select(n => $"{n.Value} {wanted.Values.Count(v => v == n.Key)}"));
        audit.Stage(actor.Name, AuditActions.MeetingRecorded, Target(meeting.Id), $"{meeting.Title} 名单：{counts}", address: actor.Address);
        await db.SaveChangesAsync(cancellationToken);
        return meeting;
    }

    public async Task<IReadOnlyList<Meeting>> ListAsync(int? year, CancellationToken cancellationToken = default)
    {
        var query = db.Set<Meeting>().AsNoTracking().Include(m => m.Roster).AsQueryable();
        if (year is { } y)
        {
            query = query.Where(m => m.Date >= new DateOnly(y, 1, 1) && m.Date < new DateOnly(y + 1, 1, 1));
        }

        return await query.OrderByDescending(m => m.Date).ThenByDescending(m => m.Id).ToListAsync(cancellationToken);
    }

    public Task<Meeting?> FindAsync(long id, CancellationToken cancellationToken = default) =>
        db.Set<Meeting>().AsNoTracking().Include(m => m.Roster).FirstOrDefaultAsync(m => m.Id == id, cancellationToken);

    /// <summary>Everyone the roster can name: published members, in pinyin order.</summary>
    public async Task<IReadOnlyList<RosterMember>> MembersAsync(CancellationToken cancellationToken = default) =>
        await db.Set<MemberIndexEntry>().AsNoTracking().OrderBy(m => m.SortKey)
            .Select(m => new RosterMember(m.ContentItemId, m.Name, m.Sector)).ToListAsync(cancellationToken);

    private static string Target(long id) => "meeting/" + id.ToString(CultureInfo.InvariantCulture);
}
