using System.Net;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublicitySite.Proposals;
using PublicitySite.Storage;
using PublicitySite.Tests.Infrastructure;
using PublicitySite.Tests.Workflow;
using PublicitySite.Workflow;
using W = DocumentFormat.OpenXml.Wordprocessing;
using X = DocumentFormat.OpenXml.Spreadsheet;

namespace PublicitySite.Tests.Proposals;

/// <summary><c>GET /api/proposals/export?format=docx|xlsx</c>: the files are opened and checked against the database.</summary>
public sealed class ProposalExportTests
{
    [Fact]
    public async Task The_register_and_the_compilation_hold_the_proposals_the_filters_select()
    {
        using var site = new TestSite(seed: false);
        var clerk = await site.Services.UserAsync("clerk-export", "ProposalClerk");
        var replied = await FileAsync(site, clerk, "关于完善社区养老服务的提案", "社会建设", isPublic: false);
        await FileAsync(site, clerk, "关于保护古村落的提案", "文化建设");
        await FileAsync(site, clerk, "关于推进垃圾分类的提案", "生态文明建设");
        await RecordAsync(site, clerk, replied, new ProposalEventInput { Kind = "立案" });
        await RecordAsync(site, clerk, replied, new ProposalEventInput { Kind = "交办", Unit = "市民政局" });
        await RecordAsync(site, clerk, replied, new ProposalEventInput { Kind = "已答复", Unit = "市民政局", ReplyClass = "A", ReplyText = "已在三个街道试点社区食堂。" });
        using var office = await site.ClientAsync("clerk-export", "ProposalClerk");

        var xlsx = await office.GetAsync("/api/proposals/export?format=xlsx");
        var docx = await office.GetAsync($"/api/proposals/export?format=docx&status={Uri.EscapeDataString("已答复")}");

        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        var records = await RecordsAsync(site);
        using (var sheet = SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), false))
        {
            var rows = sheet.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<X.Row>().Select(r => r.Elements<X.Cell>().Select(c => c.InnerText).ToList()).ToList();
            Assert.Equal(ProposalExport.Columns, rows[0]);
            Assert.Equal(records.Count + 1, rows.Count);
            Assert.Equal(records.Select(r => r.Number), rows.Skip(1).Select(r => r[0]));
            var row = rows.Single(r => r[1] == "关于完善社区养老服务的提案");
            Assert.Equal(["已答复", "市民政局", "A"], [row[6], row[8], row[15]]);
        }

        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.Content.Headers.ContentType?.MediaType);
        using var word = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false);
        var paragraphs = word.MainDocumentPart!.Document.Body!.Elements<W.Paragraph>().ToList();
        var headings = paragraphs.Where(p => p.ParagraphProperties?.OutlineLevel?.Val?.Value == 0).Select(p => p.InnerText).ToList();
        Assert.Equal([records.Single(r => r.ContentItemId == replied).Number], headings);
        var text = string.Join("\n", paragraphs.Select(p => p.InnerText));
        Assert.Contains("提案汇编", text, StringComparison.Ordinal);
        Assert.Contains("目录", text, StringComparison.Ordinal);
        Assert.Contains("共 1 件", text, StringComparison.Ordinal);
        Assert.Contains("已在三个街道试点社区食堂。", text, StringComparison.Ordinal);
        Assert.DoesNotContain("关于保护古村落的提案", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_office_gets_the_export_and_a_wrong_format_or_filter_is_a_chinese_400()
    {
        using var site = new TestSite(seed: false);
        using var office = await site.ClientAsync("clerk-x", "ProposalClerk");
        using var editor = await site.ClientAsync("editor-x", "Editor");
        using var member = await site.ClientAsync("member-x", "Member");
        using var anonymous = site.CreateClient();

        var pdf = await office.GetAsync("/api/proposals/export?format=pdf");
        var badStatus = await office.GetAsync("/api/proposals/export?format=xlsx&status=unknown");

        Assert.Equal(HttpStatusCode.BadRequest, pdf.StatusCode);
        Assert.Contains("format=docx", await pdf.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);
        Assert.Contains("未知的状态", await badStatus.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync("/api/proposals/export?format=xlsx")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync("/api/proposals/export?format=docx")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/proposals/export?format=docx")).StatusCode);
    }

    private static async Task<string> FileAsync(TestSite site, Actor clerk, string title, string category, bool isPublic = true)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var filed = await scope.ServiceProvider.GetRequiredService<ProposalOffice>().FileAsync(clerk, new ProposalFiling
        {
            Title = title, Body = "## 案据\n\n现状。\n\n## 建议\n\n措施。", FiledOn = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)), Proposers = ["示例委员甲"], Category = category, Public = isPublic,
        });
        Assert.True(filed.Succeeded, filed.Failure?.Detail);
        return filed.Value!.ContentItemId;
    }

    private static async Task RecordAsync(TestSite site, Actor clerk, string id, ProposalEventInput input)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ProposalOffice>().RecordAsync(clerk, id, input);
        Assert.True(result.Succeeded, result.Failure?.Detail);
    }

    private static async Task<List<ProposalRecord>> RecordsAsync(TestSite site)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<ProposalRecord>().AsNoTracking()
            .OrderBy(r => r.Term).ThenBy(r => r.Meeting).ThenBy(r => r.Seq).ToListAsync();
    }
}
