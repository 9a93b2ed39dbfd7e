using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PublicitySite.Audit;
using PublicitySite.Commands;
using PublicitySite.Contents;
using PublicitySite.Contents.Definitions;
using PublicitySite.Storage;
using PublicitySite.Workflow;

namespace PublicitySite.Proposals;

/// <summary>One row of a batch and what is wrong with it (empty when it can be imported).</summary>
public sealed record ProposalImportRow(int Row, string? Number, string? Title, IReadOnlyList<string> Problems);

public sealed record ProposalImportResult(bool DryRun, bool Committed, IReadOnlyList<ProposalImportRow> Rows, IReadOnlyList<string> Errors)
{
    public int ProblemCount => Errors.Count + Rows.Sum(r => r.Problems.Count);
}

/// <summary>A batch to import: the file's text, "csv" or "json", and whether to only check it.</summary>
public sealed record ProposalImportRequest(string Text, string Format, bool DryRun = true, bool Publish = false, string? FileName = null);

/// <summary>A real run that wrote nothing because rows have problems; the report says which.</summary>
public sealed record ProposalImportRefused : Failure.Invalid
{
    public ProposalImportRefused(ProposalImportResult report)
        : base([new FieldError("body", $"发现 {report?.ProblemCount} 个问题，未导入任何提案。请修正后重试。")], "导入未执行")
    {
        ArgumentNullException.ThrowIfNull(report);
        Report = report;
        Extensions = new Dictionary<string, object?> { ["rows"] = report.Rows, ["errors"] = report.Errors };
    }

    public ProposalImportResult Report { get; }
}

/// <summary>
/// Imports a batch of proposals exported by another proposal system, as CSV (a header row, English keys or
/// Chinese column names) or JSON (an array of objects, optionally with a <c>timeline</c>). Every row is
/// checked first and every problem reported in Chinese; a real run writes nothing unless every row is
/// clean, and then writes all rows in one transaction.
/// </summary>
public sealed class ProposalImporter(
    AppDbContext db,
    ContentManager contents,
    ProposalIndexer indexer,
    ProposalTimelineReader timelines,
    SiteDefinitionStore definitions,
    ProposalRules rules,
    CommandAccess access,
    AuditLog audit,
    TimeProvider clock)
{
    private static readonly Dictionary<string, string> Headers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["编号"] = "number", ["提案编号"] = "number", ["届"] = "term", ["届次"] = "term", ["次会议"] = "meeting", ["会议"] = "meeting",
        ["序号"] = "seq", ["案由"] = "title", ["标题"] = "title", ["正文"] = "body", ["内容"] = "body", ["提案者类别"] = "proposerType",
        ["提案者"] = "proposers", ["提案人"] = "proposers", ["界别"] = "sector", ["类别"] = "category", ["重点提案"] = "key",
        ["督办领导"] = "supervisor", ["主办单位"] = "leadUnit", ["协办单位"] = "coUnits", ["同意公开"] = "public", ["提交日期"] = "filedOn",
    };

    private static readonly string[] PassThrough = ["leadUnit", "coUnits", "timeline", "reply", "verdict", "notAcceptedReason", "summary", "tags"];
    private static readonly string[] ProposerTypes = ["member", "party", "sector", "committee", "group"];

    /// <summary>Reads CSV or JSON (chosen by <paramref name="format"/>: "csv" or "json").</summary>
    public static List<JsonObject> Read(string text, string format)
    {
        if (format.Equals("json", StringComparison.OrdinalIgnoreCase))
        {
            var node = JsonNode.Parse(text);
            var array = node as JsonArray ?? (node as JsonObject)?["proposals"] as JsonArray
                ?? throw new FormatException("JSON 应为提案对象的数组，或含 proposals 数组的对象");
            return array.Select((n, i) => n as JsonObject ?? throw new FormatException($"第 {i + 1} 项不是对象")).ToList();
        }

        var rows = ProposalCsv.Parse(text);
        if (rows.Count == 0)
        {
            return [];
        }

        var keys = rows[0].Select(h => Headers.TryGetValue(h.Trim(), out var k) ? k : h.Trim()).ToList();
        return rows.Skip(1).Select(r =>
        {
            var o = new JsonObject();
            for (var i = 0; i < keys.Count && i < r.Count; i++)
            {
                if (r[i].Trim().Length > 0)
                {
                    o[keys[i]] = keys[i] is "proposers" or "coUnits"
                        ? new JsonArray([.. r[i].Split(['；', ';', '、', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => (JsonNode?)s)])
                        : r[i].Trim();
                }
            }

            return o;
        }).ToList();
    }

    /// <summary>
    /// Checks a batch (a dry run writes nothing) or imports it whole; an imported batch is audited in its own
    /// commit. A real run with problems is refused with the report.
    /// </summary>
    public async Task<Result<ProposalImportResult>> ImportAsync(Actor actor, ProposalImportRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (access.Check(actor, Permissions.RecordProposals) is { } denied)
        {
            return denied;
        }

        if (request.Format is not ("csv" or "json"))
        {
            return new Failure.Invalid("format", "format 应为 csv 或 json");
        }

        var result = await RunAsync(actor, request, cancellationToken);
        return result.DryRun || result.Committed ? result : new ProposalImportRefused(result);
    }

    private async Task<ProposalImportResult> RunAsync(Actor actor, ProposalImportRequest request, CancellationToken cancellationToken)
    {
        var (text, format, dryRun, publish) = (request.Text, request.Format, request.DryRun, request.Publish);
        var user = actor.Name;
        List<JsonObject> input;
        try
        {
            input = Read(text, format);
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return new ProposalImportResult(dryRun, false, [], [$"文件无法读取：{ex.Message}"]);
        }

        if (input.Count == 0)
        {
            return new ProposalImportResult(dryRun, false, [], ["文件中没有提案"]);
        }

        var checkedRows = await CheckAsync(input, cancellationToken);
        var reports = checkedRows.Select(r => r.Report).ToList();
        if (dryRun || reports.Any(r => r.Problems.Count > 0))
        {
            return new ProposalImportResult(dryRun, false, reports, []);
        }

        // On SQLite this is BEGIN IMMEDIATE (Microsoft.Data.Sqlite's default, as for a filing): no filing commits
        // from here on, so the re-check below is final. On PostgreSQL a filing may still commit one of the numbers
        // before a row is written; the unique index then refuses the row and the whole batch is undone.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await FirstTakenAsync(checkedRows, cancellationToken) is { } taken)
        {
            await transaction.RollbackAsync(cancellationToken);
            return NumberTaken(reports, taken);
        }

        foreach (var row in checkedRows)
        {
            string? failure;
            try
            {
                failure = await WriteAsync(row, user, publish, cancellationToken);
            }
            catch (Exception ex) when (StorageErrors.IsUniqueViolation(ex))
            {
                failure = Taken(row);
            }

            if (failure is not null)
            {
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                return new ProposalImportResult(false, false, reports, [$"第 {row.Report.Row} 行写入失败，已全部撤销：{failure}"]);
            }

            // Each row is saved; without this the tracker grows with the batch and every save scans all of it.
            db.ChangeTracker.Clear();
        }

        await audit.WriteAsync(user, AuditActions.ProposalImported, request.FileName, $"导入 {reports.Count} 件提案", address: actor.Address, cancellationToken: cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await contents.NotifyCommittedAsync(cancellationToken);
        return new ProposalImportResult(false, true, reports, []);
    }

    /// <summary>Writes one checked row inside the batch's transaction; the reason in Chinese when it cannot be.</summary>
    private async Task<string?> WriteAsync(CheckedRow row, string user, bool publish, CancellationToken cancellationToken)
    {
        var created = await contents.CreateAsync(ProposalVisibility.ContentType, row.Values, user, $"proposal-import:{row.Number.Term}-{row.Number.Meeting}-{row.Number.Seq}", cancellationToken);
        if (created.Failure is { } failure)
        {
            return failure.Detail;
        }

        var id = created.Value!.ContentItemId;
        if (row.Values["timeline"] is null)
        {
            db.Set<ProposalEvent>().Add(new ProposalEvent
            {
                ContentItemId = id, Kind = ProposalEventKind.Filed, Date = row.FiledOn,
                RecordedUtc = clock.GetUtcNow().UtcDateTime, RecordedBy = user, Note = ProposalNames.FiledNote,
            });
            await db.SaveChangesAsync(cancellationToken);
            await indexer.RefreshAsync(id, cancellationToken);
        }

        // The indexer writes no record for a number another proposal holds; without one the item would be a
        // proposal nobody can find by its number.
        if (!await db.Set<ProposalRecord>().AnyAsync(r => r.ContentItemId == id, cancellationToken))
        {
            return Taken(row);
        }

        return publish && await contents.PublishAsync(id, cancellationToken: cancellationToken) is { Failure: { } notPublished }
            ? notPublished.Detail
            : null;
    }

    /// <summary>The first row (in file order) whose number a proposal now holds, read inside the transaction.</summary>
    private async Task<CheckedRow?> FirstTakenAsync(List<CheckedRow> rows, CancellationToken cancellationToken)
    {
        var seqs = rows.Select(r => r.Number.Seq).Distinct().ToList();
        var held = (await db.Set<ProposalRecord>().AsNoTracking().Where(r => seqs.Contains(r.Seq))
            .Select(r => new { r.Term, r.Meeting, r.Seq }).ToListAsync(cancellationToken))
            .Select(r => (r.Term, r.Meeting, r.Seq)).ToHashSet();
        return rows.FirstOrDefault(r => held.Contains(r.Number));
    }

    private static ProposalImportResult NumberTaken(List<ProposalImportRow> reports, CheckedRow row) =>
        new(false, false, reports, [$"第 {row.Report.Row} 行写入失败，已全部撤销：{Taken(row)}"]);

    private static string Taken(CheckedRow row) =>
        $"编号{ProposalNumbering.Format(row.Number.Term, row.Number.Meeting, row.Number.Seq)}已被占用（检查之后刚由其他登记取得），请重新检查后再导入";

    private async Task<List<CheckedRow>> CheckAsync(List<JsonObject> input, CancellationToken cancellationToken)
    {
        var site = definitions.Current;
        var type = site.FindType(ProposalVisibility.ContentType) ?? throw new InvalidOperationException("The recipe defines no Proposal type.");
        var taken = (await db.Set<ProposalRecord>().Select(r => new { r.Term, r.Meeting, r.Seq }).ToListAsync(cancellationToken))
            .Select(r => (r.Term, r.Meeting, r.Seq)).ToHashSet();
        var memberNames = (await db.ContentItemVersions.Where(v => v.Latest && v.ContentType == "Member")
            .Join(db.ContentItems.Where(i => !i.Deleted), v => v.ContentItemId, i => i.Id, (v, i) => v.Title)
            .ToListAsync(cancellationToken)).ToHashSet();
        var seen = new Dictionary<(int, int, int), int>();
        var today = ProposalDates.Today(clock);
        var result = new List<CheckedRow>();
        for (var i = 0; i < input.Count; i++)
        {
            var row = input[i];
            var line = i + 1;
            var problems = new List<string>();
            var title = Str(row, "title");
            if (title is null)
            {
                problems.Add("缺少案由（title）");
            }

            var number = NumberOf(row, problems);
            DateOnly filedOn = default;
            if (Str(row, "filedOn") is not { } filedText)
            {
                problems.Add("缺少提交日期（filedOn）");
            }
            else if (!DateOnly.TryParseExact(filedText, ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out filedOn))
            {
                problems.Add($"提交日期“{filedText}”无效，应为 2024-01-08 这样的日期");
            }
            else if (filedOn > today)
            {
                problems.Add($"提交日期 {filedOn:yyyy-MM-dd} 晚于今天");
            }
            else if (number is { } n && ProposalNumbering.SessionFor(rules.Sessions, filedOn) is { } session && (session.Term, session.Meeting) != (n.Term, n.Meeting))
            {
                problems.Add($"按提交日期 {filedOn:yyyy-MM-dd}（截止日期规则）应属{ProposalNumbering.Session(session.Term, session.Meeting)}，与编号{ProposalNumbering.Format(n.Term, n.Meeting, n.Seq)}不符");
            }

            if (number is { } num)
            {
                if (taken.Contains(num))
                {
                    problems.Add($"编号{ProposalNumbering.Format(num.Term, num.Meeting, num.Seq)}已存在");
                }
                else if (seen.TryGetValue(num, out var first))
                {
                    problems.Add($"编号{ProposalNumbering.Format(num.Term, num.Meeting, num.Seq)}与第 {first} 行重复");
                }
                else
                {
                    seen[num] = line;
                }
            }

            var proposerType = Str(row, "proposerType") ?? "member";
            if (!ProposerTypes.Contains(proposerType))
            {
                problems.Add($"提案者类别“{proposerType}”无效，可为 {string.Join("、", ProposerTypes)}");
            }

            var proposers = row["proposers"] is JsonArray list ? list.Select(n => n?.ToString().Trim() ?? "").Where(s => s.Length > 0).ToList()
                : Str(row, "proposers") is { } one ? [one] : [];
            if (proposers.Count == 0)
            {
                problems.Add("缺少提案者（proposers）");
            }

            if (proposerType == "member")
            {
                problems.AddRange(proposers.Where(p => !memberNames.Contains(p)).Select(p => $"未知的委员“{p}”（委员库中没有此人）"));
            }

            var filing = new ProposalFiling
            {
                Title = title ?? "", Body = Str(row, "body"), FiledOn = filedOn, ProposerType = proposerType, Proposers = proposers,
                Sector = Str(row, "sector"), Category = Str(row, "category"), Key = Bool(row, "key", problems, "重点提案"),
                Supervisor = Str(row, "supervisor"), Public = Bool(row, "public", problems, "同意公开"),
            };
            var values = ProposalOffice.Values(filing, number?.Term ?? 0, number?.Meeting ?? 0, number?.Seq ?? 0);
            foreach (var key in PassThrough)
            {
                if (row.FirstOrDefault(kv => kv.Key.Equals(key, StringComparison.OrdinalIgnoreCase)).Value is { } value)
                {
                    values[key] = value.DeepClone();
                }
            }

            if (title is not null && number is not null)
            {
                var errors = new List<string>();
                var data = ContentMapper.ToParts(site, type, values, errors);
                problems.AddRange(errors);
                if (errors.Count == 0)
                {
                    timelines.Read("check", data, out var timelineProblem);
                    if (timelineProblem is not null)
                    {
                        problems.Add("办理进程：" + timelineProblem);
                    }
                }
            }

            var shown = number is { } k ? ProposalNumbering.Format(k.Term, k.Meeting, k.Seq) : null;
            result.Add(new CheckedRow(new ProposalImportRow(line, shown, title, problems), values, number ?? default, filedOn));
        }

        return result;
    }

    private static (int Term, int Meeting, int Seq)? NumberOf(JsonObject row, List<string> problems)
    {
        if (Str(row, "number") is { } text)
        {
            if (ProposalNumbering.TryParse(text, out var parsed) && parsed.Seq > 0)
            {
                return parsed;
            }

            problems.Add($"提案编号“{text}”无效，应如 第五届第一次会议第0012号");
            return null;
        }

        if (Str(row, "term") is { } t && Str(row, "meeting") is { } m && Str(row, "seq") is { } s)
        {
            if (int.TryParse(t, CultureInfo.InvariantCulture, out var term) && int.TryParse(m, CultureInfo.InvariantCulture, out var meeting)
                && int.TryParse(s, CultureInfo.InvariantCulture, out var seq) && term > 0 && meeting > 0 && seq > 0)
            {
                return (term, meeting, seq);
            }

            problems.Add($"届、次会议、序号应为正整数（收到 {t}、{m}、{s}）");
            return null;
        }

        problems.Add("缺少提案编号（number，或 term、meeting、seq）");
        return null;
    }

    private static bool Bool(JsonObject row, string key, List<string> problems, string label)
    {
        var text = Str(row, key)?.ToLowerInvariant();
        switch (text)
        {
            case null or "false" or "否" or "0" or "no": return false;
            case "true" or "是" or "1" or "yes": return true;
            default:
                problems.Add($"{label}应为“是”或“否”（收到“{text}”）");
                return false;
        }
    }

    private static string? Str(JsonObject row, string key) =>
        row.FirstOrDefault(kv => kv.Key.Equals(key, StringComparison.OrdinalIgnoreCase)).Value is JsonValue v && v.ToString().Trim() is { Length: > 0 } s ? s : null;

    private sealed record CheckedRow(ProposalImportRow Report, JsonObject Values, (int Term, int Meeting, int Seq) Number, DateOnly FiledOn);
}
