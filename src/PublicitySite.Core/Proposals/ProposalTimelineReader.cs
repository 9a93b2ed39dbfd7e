using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PublicitySite.Contents;

namespace PublicitySite.Proposals;

/// <summary>
/// Turns the <c>timeline</c> a proposal file carries (seed files, exports of other systems) into events:
/// <c>{ status, date, note, unit }</c> entries, oldest first, with the item's <c>reply</c> and <c>verdict</c>
/// attached to the last reply and evaluation. Stops at the first entry the lifecycle refuses.
/// </summary>
public sealed partial class ProposalTimelineReader(ProposalLifecycle lifecycle, TimeProvider clock)
{
    public const string ImportedBy = "import";

    public List<ProposalEvent> Read(string contentItemId, JsonObject data, out string? problem)
    {
        problem = null;
        var events = new List<ProposalEvent>();
        if (ContentData.Get(data, ProposalVisibility.Part, "Timeline") is not JsonArray timeline)
        {
            return events;
        }

        var part = data[ProposalVisibility.Part] as JsonObject ?? [];
        var reply = part["Reply"] as JsonObject;
        var entries = timeline.OfType<JsonObject>().ToList();
        var lastReply = entries.FindLastIndex(e => Str(e, "Status") == ProposalNames.Of(ProposalEventKind.Reply));
        var lastEvaluation = entries.FindLastIndex(e => Str(e, "Status") == ProposalNames.Of(ProposalEventKind.Evaluate));
        var state = new ProposalState();
        var now = clock.GetUtcNow().UtcDateTime;
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            if (!ProposalNames.TryParseKind(Str(entry, "Status"), out var kind))
            {
                problem = $"第 {i + 1} 条：未知的状态“{Str(entry, "Status")}”";
                break;
            }

            if (!DateOnly.TryParse(Str(entry, "Date"), CultureInfo.InvariantCulture, out var date))
            {
                problem = $"第 {i + 1} 条：日期无效";
                break;
            }

            var note = Str(entry, "Note");
            var unit = Str(entry, "Unit");
            var e = new ProposalEvent
            {
                ContentItemId = contentItemId,
                Kind = kind,
                Date = date,
                RecordedUtc = now,
                RecordedBy = ImportedBy,
                Unit = kind == ProposalEventKind.Assign ? Str(part, "LeadUnit") ?? unit : unit,
                Role = kind == ProposalEventKind.Assign ? unit : null,
                Note = kind == ProposalEventKind.Reject && Str(part, "NotAcceptedReason") is { } reason ? $"{note}理由：{reason}" : note,
                CoUnits = kind == ProposalEventKind.Assign && part["CoUnits"] is JsonArray co && co.Count > 0
                    ? string.Join("、", co.Select(n => n?.ToString()).Where(n => !string.IsNullOrWhiteSpace(n)))
                    : null,
                MergedInto = kind == ProposalEventKind.Merge ? (note is null ? null : NumberInText().Match(note) is { Success: true } m ? m.Value : null) ?? "（见说明）" : null,
                DueOn = kind == ProposalEventKind.Extend ? DueInText(note) : null,
                ReplyClass = kind == ProposalEventKind.Reply && i == lastReply ? Str(reply, "Class") : null,
                ReplyRefNo = kind == ProposalEventKind.Reply && i == lastReply ? Str(reply, "RefNo") : null,
                ReplyText = kind == ProposalEventKind.Reply && i == lastReply ? Str(reply, "Text") : null,
                Verdict = kind == ProposalEventKind.Evaluate ? VerdictOf(entries, i, lastEvaluation, part, note) : null,
            };
            if (lifecycle.Check(state, e, DateOnly.MaxValue, requireDetails: false) is { } refused)
            {
                problem = $"第 {i + 1} 条：{refused}";
                break;
            }

            state = lifecycle.Apply(state, e);
            events.Add(e);
        }

        return events;
    }

    /// <summary>An evaluation followed by 再办理 was 不满意; the last one is the item's verdict; otherwise the note says.</summary>
    private static string? VerdictOf(List<JsonObject> entries, int i, int lastEvaluation, JsonObject part, string? note)
    {
        if (i + 1 < entries.Count && Str(entries[i + 1], "Status") == ProposalNames.Of(ProposalEventKind.Reopen))
        {
            return ProposalNames.Unsatisfied;
        }

        if (i == lastEvaluation && Str(part, "Verdict") is { } verdict)
        {
            return verdict;
        }

        return note switch
        {
            null => null,
            _ when note.Contains(ProposalNames.Unsatisfied, StringComparison.Ordinal) => ProposalNames.Unsatisfied,
            _ when note.Contains(ProposalNames.FairlySatisfied, StringComparison.Ordinal) => ProposalNames.FairlySatisfied,
            _ when note.Contains(ProposalNames.Satisfied, StringComparison.Ordinal) => ProposalNames.Satisfied,
            _ => null,
        };
    }

    private static DateOnly? DueInText(string? note)
    {
        var match = note is null ? Match.Empty : DueDate().Match(note);
        return match.Success
            ? new DateOnly(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture))
            : null;
    }

    private static string? Str(JsonObject? o, string key) =>
        o?[key] is JsonValue v && v.ToString() is { Length: > 0 } s ? s.Trim() : null;

    [GeneratedRegex("延至(\\d{4})年(\\d{1,2})月(\\d{1,2})日")]
    private static partial Regex DueDate();

    [GeneratedRegex("第.{1,4}届第.{1,4}次会议第\\d+号")]
    private static partial Regex NumberInText();
}
