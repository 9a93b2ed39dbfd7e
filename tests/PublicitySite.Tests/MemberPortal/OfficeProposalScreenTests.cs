using System.Net;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using PublicitySite.Proposals;
using PublicitySite.Tests.Admin;
using PublicitySite.Tests.Infrastructure;
using X = DocumentFormat.OpenXml.Spreadsheet;

namespace PublicitySite.Tests.MemberPortal;

/// <summary>提案办理 in the admin: the 提案汇编 export from the list with its filters, and the member's evaluation comment.</summary>
public sealed class OfficeProposalScreenTests
{
    [Fact]
    public async Task The_clerk_exports_the_filtered_list_from_the_screen_and_reads_the_members_evaluation_comment()
    {
        using var site = new TestSite(seed: false);
        await PortalTestData.MemberAsync(site, "os-a", "示例委员甲");
        using var member = await PortalTestData.SignInAsync(site, "os-a");
        var other = await PortalTestData.DraftAsync(member, "关于增加停车位的提案");
        Assert.Equal(HttpStatusCode.Redirect, (await member.PostAsync($"/member/proposals/{other}/submit", new() { ["public"] = "yes" })).StatusCode);
        var id = await PortalTestData.DraftAsync(member, "关于完善垃圾分类的提案");
        Assert.Equal(HttpStatusCode.Redirect, (await member.PostAsync($"/member/proposals/{id}/submit", new() { ["public"] = "yes" })).StatusCode);
        var itemId = (await PortalTestData.RowAsync(site, id)).ContentItemId!;
        await PortalTestData.OfficeAsync(site, itemId, new ProposalEventInput { Kind = "立案" });
        await PortalTestData.OfficeAsync(site, itemId, new ProposalEventInput { Kind = "交办", Unit = "市城管局" });
        await PortalTestData.OfficeAsync(site, itemId, new ProposalEventInput { Kind = "已答复", ReplyClass = "B", ReplyText = "正在推进。" });
        Assert.Equal(HttpStatusCode.Redirect, (await member.PostAsync($"/member/proposals/{id}/evaluate", new() { ["verdict"] = "基本满意", ["comment"] = "希望加快小区分类设施建设进度。" })).StatusCode);
        using var clerk = await AdminSession.LoginAsync(site, "os-clerk", "ProposalClerk");

        var (_, list) = await clerk.GetAsync("/admin/proposals?status=" + Uri.EscapeDataString("已评价"));
        var export = Regex.Match(list, "<form method=\"get\" action=\"/api/proposals/export\"[^>]*>(.*?)</form>", RegexOptions.Singleline);
        Assert.True(export.Success, "no export form on the list");
        Assert.Contains("name=\"status\" value=\"已评价\"", export.Groups[1].Value, StringComparison.Ordinal);
        Assert.Contains("value=\"docx\"", export.Groups[1].Value, StringComparison.Ordinal);
        var xlsx = await clerk.Client.GetAsync("/api/proposals/export?status=" + Uri.EscapeDataString("已评价") + "&format=xlsx");
        var docx = await clerk.Client.GetAsync("/api/proposals/export?status=" + Uri.EscapeDataString("已评价") + "&format=docx");
        var bad = await clerk.Client.GetAsync("/api/proposals/export?status=" + Uri.EscapeDataString("没有这种状态") + "&format=xlsx");

        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using (var sheet = SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), false))
        {
            var rows = sheet.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<X.Row>().ToList();
            Assert.Equal(2, rows.Count);
            Assert.Contains("关于完善垃圾分类的提案", rows[1].InnerText, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        using (var word = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false))
        {
            var text = word.MainDocumentPart!.Document.Body!.InnerText;
            Assert.Contains("关于完善垃圾分类的提案", text, StringComparison.Ordinal);
            Assert.DoesNotContain("关于增加停车位的提案", text, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("未知的状态", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var (status, office) = await clerk.GetAsync($"/admin/proposals/{itemId}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("基本满意", office, StringComparison.Ordinal);
        Assert.Contains("希望加快小区分类设施建设进度。", office, StringComparison.Ordinal);
    }
}
