using System.Net;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Extensions.DependencyInjection;
using PublicitySite.MemberRecord;
using PublicitySite.Tests.Infrastructure;
using PublicitySite.Tests.MemberPortal;
using PublicitySite.Workflow;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace PublicitySite.Tests.MemberRecord;

/// <summary>履职报告: the printable page and the .docx, opened with DocumentFormat.OpenXml and checked against the database.</summary>
public sealed class DutyReportTests
{
    [Fact]
    public async Task The_report_docx_has_every_heading_and_the_numbers_the_database_gives()
    {
        using var site = new TestSite(seed: false);
        await DutyRecordTests.BusyYearAsync(site);
        using var member = await PortalTestData.SignInAsync(site, "wy-d1");
        var year = RecordTestData.ThisYear;

        var response = await member.Client.GetAsync($"/member/record/report.docx?year={year}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(DutyReportDocument.ContentType, response.Content.Headers.ContentType?.MediaType);
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var document = WordprocessingDocument.Open(stream, false);
        var paragraphs = document.MainDocumentPart!.Document!.Body!.Elements<W.Paragraph>().ToList();
        var headings = paragraphs.Where(p => p.ParagraphProperties?.OutlineLevel is not null).Select(p => p.InnerText).ToList();
        Assert.Equal(DutyReportDocument.Sections, headings);
        Assert.Equal(DutyReportDocument.Title(year), paragraphs[0].InnerText);

        await using var scope = site.Services.CreateAsyncScope();
        var expected = (await scope.ServiceProvider.GetRequiredService<DutyRecords>().MineAsync(new Actor("wy-d1", "Member"), year)).Value!;
        Assert.Equal(20, expected.Total);
        Assert.Contains(paragraphs, p => p.InnerText == DutyReportDocument.Summary(expected));
        Assert.Contains(paragraphs, p => p.InnerText == $"合计：{expected.Total} 分");
        var tables = document.MainDocumentPart.Document.Body.Elements<W.Table>().ToList();
        Assert.Equal(5, tables.Count); // 提案, 社情民意, 发言与文章, 会议与活动, 积分
        Assert.Equal(expected.Proposals.Count + 1, tables[0].Elements<W.TableRow>().Count());
        Assert.Contains(DutyRecordTests.Proposal, tables[0].InnerText, StringComparison.Ordinal);
        Assert.Equal(expected.Meetings.Count + 1, tables[3].Elements<W.TableRow>().Count());
        var pointRows = tables[4].Elements<W.TableRow>().Skip(1).Select(r => r.Elements<W.TableCell>().Select(c => c.InnerText).ToList()).ToList();
        Assert.Equal(expected.Points.Select(p => new List<string> { p.Label, p.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), p.Each.ToString(System.Globalization.CultureInfo.InvariantCulture), p.Points.ToString(System.Globalization.CultureInfo.InvariantCulture) }), pointRows);
        Assert.Contains(pointRows, r => r[0] == "立案提案" && r[3] == "10");
        Assert.Contains(pointRows, r => r[0] == "出席全体会议" && r[3] == "2");
    }

    [Fact]
    public async Task The_printable_report_states_the_year_in_sentences_and_tables()
    {
        using var site = new TestSite(seed: false);
        await DutyRecordTests.BusyYearAsync(site);
        using var member = await PortalTestData.SignInAsync(site, "wy-d1");
        var year = RecordTestData.ThisYear;
        var (status, html) = await member.GetAsync($"/member/record/report?year={year}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"{year} 年度委员履职报告", html, StringComparison.Ordinal);
        Assert.Contains("领衔提案 1 件，联名提案 0 件；报送社情民意 1 篇，被采用 1 篇；出席会议活动 2 次；发言与文章 1 篇。履职积分 20 分。", html, StringComparison.Ordinal);
        Assert.Contains("data-print", html, StringComparison.Ordinal);
        var (bad, _) = await member.GetAsync("/member/record/report.docx?year=20x6");
        Assert.Equal(HttpStatusCode.BadRequest, bad);
        using var anonymous = Admin.AdminSession.NewClient(site);
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync("/member/record/report.docx")).StatusCode);
    }
}
