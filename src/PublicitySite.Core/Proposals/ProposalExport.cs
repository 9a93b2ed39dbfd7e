using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using PublicitySite.Commands;
using PublicitySite.Contents;
using PublicitySite.Contents.Definitions;
using PublicitySite.Storage;
using PublicitySite.Workflow;
using W = DocumentFormat.OpenXml.Wordprocessing;
using X = DocumentFormat.OpenXml.Spreadsheet;

namespace PublicitySite.Proposals;

/// <summary>One proposal as the 提案汇编 prints it.</summary>
public sealed record ProposalExportRow(ProposalRecord Record, string Body, ProposalEvent? Reply);

/// <summary>
/// 提案汇编 for the office: the proposals the list's filters select, every one of them (published or not, with or
/// without consent: this is the office's own record), as a Word document (cover, contents, each proposal's
/// number, 案由, proposers, text and reply summary) or an Excel register (one row per proposal, every office
/// field). For <c>proposals.record</c> holders only.
/// </summary>
public sealed class ProposalExport(AppDbContext db, CommandAccess access, TimeProvider clock)
{
    public const int ReplySummaryLength = 200;

    public static readonly IReadOnlyList<string> Columns =
    [
        "编号", "案由", "提案者", "提案者类别", "界别", "类别", "状态", "重点提案", "主办单位", "协办单位",
        "提交日期", "交办日期", "答复期限", "首次答复日期", "按期答复", "办理结果", "委员评价", "已超期",
    ];

    public async Task<Result<IReadOnlyList<ProposalExportRow>>> RowsAsync(Actor actor, ProposalFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (access.Check(actor, Permissions.RecordProposals) is { } denied)
        {
            return denied;
        }

        var rows = db.Set<ProposalRecord>().AsNoTracking();
        if (filter.Term is { } term)
        {
            rows = rows.Where(r => r.Term == term);
        }

        if (filter.Meeting is { } meeting)
        {
            rows = rows.Where(r => r.Meeting == meeting);
        }

        if (filter.Status is { } status)
        {
            rows = rows.Where(r => r.Status == status);
        }

        if (!string.IsNullOrEmpty(filter.Category))
        {
            rows = rows.Where(r => r.Category == filter.Category);
        }

        if (!string.IsNullOrEmpty(filter.Unit))
        {
            var wrapped = "|" + filter.Unit + "|";
            rows = rows.Where(r => r.LeadUnit == filter.Unit || (r.CoUnits != null && r.CoUnits.Contains(wrapped)));
        }

        if (filter.Key is { } key)
        {
            rows = rows.Where(r => r.Key == key);
        }

        if (!string.IsNullOrEmpty(filter.Sector))
        {
            rows = rows.Where(r => r.Sector == filter.Sector);
        }

        var records = await rows.OrderBy(r => r.Term).ThenBy(r => r.Meeting).ThenBy(r => r.Seq).ToListAsync(cancellationToken);
        var ids = records.Select(r => r.ContentItemId).ToList();
        var bodies = await db.ContentItemVersions.AsNoTracking().Where(v => ids.Contains(v.ContentItemId) && v.Latest)
            .Select(v => new { v.ContentItemId, v.Data }).ToDictionaryAsync(v => v.ContentItemId, v => v.Data, cancellationToken);
        var replies = (await db.Set<ProposalEvent>().AsNoTracking().Where(e => ids.Contains(e.ContentItemId) && e.Kind == ProposalEventKind.Reply)
            .ToListAsync(cancellationToken)).GroupBy(e => e.ContentItemId).ToDictionary(g => g.Key, g => g.OrderBy(e => e.Date).ThenBy(e => e.Id).Last());
        return records.Select(r => new ProposalExportRow(r,
            bodies.TryGetValue(r.ContentItemId, out var data) ? ContentData.GetString(ContentData.Parse(data), BuiltInParts.MarkdownBody, "Markdown") ?? "" : "",
            replies.GetValueOrDefault(r.ContentItemId))).ToList();
    }

    /// <summary>The register: a header row and one row per proposal, all cells inline text.</summary>
    public static void WriteXlsx(IReadOnlyList<ProposalExportRow> rows, Stream output)
    {
        ArgumentNullException.ThrowIfNull(rows);
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new X.Workbook();
        var sheetPart = workbook.AddNewPart<WorksheetPart>();
        var data = new X.SheetData();
        data.Append(Row(Columns));
        foreach (var row in rows)
        {
            data.Append(Row(Cells(row)));
        }

        sheetPart.Worksheet = new X.Worksheet(data);
        workbook.Workbook.AppendChild(new X.Sheets(new X.Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "提案登记表" }));
        workbook.Workbook.Save();
    }

    /// <summary>The compilation: cover, contents, then each proposal under its own heading.</summary>
    public void WriteDocx(IReadOnlyList<ProposalExportRow> rows, string scope, Stream output)
    {
        ArgumentNullException.ThrowIfNull(rows);
        using var document = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        var body = new W.Body();
        body.Append(Paragraph("提案汇编", "Title"));
        body.Append(Paragraph(scope));
        body.Append(Paragraph($"共 {rows.Count} 件 · 编印日期 {ProposalDates.Today(clock):yyyy年M月d日}"));
        body.Append(new W.Paragraph(new W.Run(new W.Break { Type = W.BreakValues.Page })));
        body.Append(Paragraph("目录", "TOCHeading"));
        foreach (var row in rows)
        {
            body.Append(Paragraph($"{row.Record.Number}　{row.Record.Title}"));
        }

        foreach (var row in rows)
        {
            var r = row.Record;
            body.Append(new W.Paragraph(new W.Run(new W.Break { Type = W.BreakValues.Page })));
            body.Append(Paragraph(r.Number, "Heading1", outline: 0));
            body.Append(Paragraph(r.Title, "Heading2", outline: 1));
            body.Append(Paragraph($"提案者：{r.Proposers}"));
            body.Append(Paragraph($"类别：{r.Category ?? "—"}　状态：{ProposalNames.Of(r.Status)}"));
            foreach (var line in row.Body.Split('\n').Select(l => l.TrimEnd('\r').TrimStart('#', ' ')).Where(l => l.Length > 0))
            {
                body.Append(Paragraph(line));
            }

            body.Append(Paragraph("答复摘要", "Heading3", outline: 2));
            body.Append(Paragraph(ReplySummary(row)));
        }

        main.Document = new W.Document(body);
        main.Document.Save();
    }

    public static string ReplySummary(ProposalExportRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.Reply is not { } reply)
        {
            return "尚未答复";
        }

        var text = reply.ReplyText ?? reply.Note ?? "";
        var cut = text.Length > ReplySummaryLength ? text[..ReplySummaryLength] + "……" : text;
        return $"{reply.Date:yyyy-MM-dd} {reply.Unit}（办理结果 {reply.ReplyClass}）：{cut}".Trim();
    }

    public static IReadOnlyList<string> Cells(ProposalExportRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var r = row.Record;
        return
        [
            r.Number, r.Title, r.Proposers, ProposalNames.ProposerType(r.ProposerType), r.Sector ?? "", r.Category ?? "",
            ProposalNames.Of(r.Status), r.Key ? "是" : "否", r.LeadUnit ?? "", r.CoUnits?.Trim('|').Replace("|", "、", StringComparison.Ordinal) ?? "",
            Date(r.FiledOn), Date(r.AssignedOn), Date(r.DueOn), Date(r.FirstRepliedOn),
            r.RepliedOnTime is { } onTime ? (onTime ? "是" : "否") : "", r.ReplyClass ?? "", r.Verdict ?? "", r.Overdue ? "是" : "否",
        ];
    }

    private static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    private static X.Row Row(IEnumerable<string> values) =>
        new(values.Select(v => new X.Cell(new X.InlineString(new X.Text(v) { Space = SpaceProcessingModeValues.Preserve })) { DataType = X.CellValues.InlineString }));

    /// <summary>A paragraph; headings carry an outline level so Word's navigation pane and contents field find them.</summary>
    private static W.Paragraph Paragraph(string text, string? style = null, int? outline = null)
    {
        var properties = new W.ParagraphProperties();
        if (style is not null)
        {
            properties.Append(new W.ParagraphStyleId { Val = style });
        }

        if (outline is { } level)
        {
            properties.Append(new W.OutlineLevel { Val = level });
        }

        return new W.Paragraph(properties, new W.Run(new W.Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }
}
