using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace PublicitySite.MemberRecord;

/// <summary>
/// 履职报告 as a Word document: the same sections as the printable page (概况, 提案, 社情民意, 发言与文章, 会议与活动,
/// 履职积分), headings with outline levels so Word's navigation pane finds them, tables for the lists.
/// </summary>
public static class DutyReportDocument
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static readonly IReadOnlyList<string> Sections = ["一、履职概况", "二、提案", "三、社情民意", "四、发言与文章", "五、会议与活动", "六、履职积分"];

    public static string Title(int year) => $"{year} 年度委员履职报告";

    public static string Summary(DutyYear r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return $"{r.Year} 年，领衔提案 {r.Led} 件，联名提案 {r.Cosigned} 件；报送社情民意 {r.Opinions.Count} 篇，被采用 {r.Adopted} 篇；"
            + $"出席会议活动 {r.Attended} 次；发言与文章 {r.Speeches.Count} 篇。履职积分 {r.Total} 分。";
    }

    public static byte[] Write(DutyYear record, string? sector)
    {
        ArgumentNullException.ThrowIfNull(record);
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new W.Body();
            body.Append(Paragraph(Title(record.Year), "Title", center: true));
            body.Append(Paragraph(sector is null ? record.Name : $"{record.Name}（{sector}）", center: true));
            body.Append(Heading(Sections[0]));
            body.Append(Paragraph(Summary(record)));

            body.Append(Heading(Sections[1]));
            Append(body, ["编号", "案由", "身份", "状态"], record.Proposals.Select(p => new[] { p.Number, p.Title, p.Role, p.Status }));
            body.Append(Heading(Sections[2]));
            Append(body, ["报送日期", "标题", "采用情况"], record.Opinions.Select(o => new[] { Day(o.Date), o.Title, (o.Adoption ?? "待审核") + (o.Remark is null ? "" : $"（{o.Remark}）") }));
            body.Append(Heading(Sections[3]));
            Append(body, ["日期", "标题"], record.Speeches.Select(s => new[] { Day(s.Date), s.Title }));
            body.Append(Heading(Sections[4]));
            Append(body, ["日期", "名称", "类型", "出席情况"], record.Meetings.Select(m => new[] { Day(m.Date), m.Title, m.Kind, m.Attendance }));
            body.Append(Heading(Sections[5]));
            Append(body, ["项目", "次数", "每次", "积分"], record.Points.Select(p => new[] { p.Label, Number(p.Count), Number(p.Each), Number(p.Points) }));
            body.Append(Paragraph($"合计：{record.Total} 分"));
            main.Document = new W.Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    /// <summary>A table with a header row, or "无。" when there is nothing to list.</summary>
    private static void Append(W.Body body, string[] header, IEnumerable<string[]> rows)
    {
        var list = rows.ToList();
        if (list.Count == 0)
        {
            body.Append(Paragraph("无。"));
            return;
        }

        var border = new W.TableBorders(
            new W.TopBorder { Val = W.BorderValues.Single, Size = 4 }, new W.BottomBorder { Val = W.BorderValues.Single, Size = 4 },
            new W.LeftBorder { Val = W.BorderValues.Single, Size = 4 }, new W.RightBorder { Val = W.BorderValues.Single, Size = 4 },
            new W.InsideHorizontalBorder { Val = W.BorderValues.Single, Size = 4 }, new W.InsideVerticalBorder { Val = W.BorderValues.Single, Size = 4 });
        var table = new W.Table(new W.TableProperties(border, new W.TableWidth { Type = W.TableWidthUnitValues.Pct, Width = "5000" }));
        table.Append(Row(header, bold: true));
        foreach (var row in list)
        {
            table.Append(Row(row, bold: false));
        }

        body.Append(table);
    }

    private static W.TableRow Row(IEnumerable<string> cells, bool bold) =>
        new(cells.Select(text => new W.TableCell(new W.Paragraph(Run(text, bold)))));

    private static W.Paragraph Heading(string text) =>
        new(new W.ParagraphProperties(new W.ParagraphStyleId { Val = "Heading1" }, new W.OutlineLevel { Val = 0 }), Run(text, bold: true));

    private static W.Paragraph Paragraph(string text, string? style = null, bool center = false)
    {
        var properties = new W.ParagraphProperties();
        if (style is not null)
        {
            properties.Append(new W.ParagraphStyleId { Val = style });
        }

        if (center)
        {
            properties.Append(new W.Justification { Val = W.JustificationValues.Center });
        }

        return new W.Paragraph(properties, Run(text, style is not null));
    }

    private static W.Run Run(string text, bool bold)
    {
        var run = new W.Run();
        if (bold)
        {
            run.Append(new W.RunProperties(new W.Bold()));
        }

        run.Append(new W.Text(text) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
}
