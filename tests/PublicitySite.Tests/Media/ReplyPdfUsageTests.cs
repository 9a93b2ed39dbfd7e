using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PublicitySite.Media;
using PublicitySite.Tests.Admin;
using PublicitySite.Tests.Admin.Proposals;

namespace PublicitySite.Tests.Media;

/// <summary>
/// A reply PDF linked from a proposal's timeline is in use like any image in an article: the library lists the
/// proposal (number and 案由) and refuses to delete the file, so the public proposal page keeps its link.
/// </summary>
public sealed partial class ReplyPdfUsageTests
{
    [Fact]
    public async Task A_reply_pdf_lists_its_proposal_as_a_user_and_cannot_be_deleted()
    {
        using var site = OfficeSite.Create();
        await OfficeSite.MemberAsync(site);
        using var clerk = await AdminSession.LoginAsync(site, "clerk-reply-usage", "ProposalClerk");
        using var admin = await AdminSession.LoginAsync(site, "admin-reply-usage", "Administrator");
        var id = await OfficeSite.FileAsync(clerk, "关于完善社区养老服务的提案");
        Assert.Equal(HttpStatusCode.Redirect, (await OfficeSite.RecordAsync(clerk, id, new() { ["Kind"] = "立案", ["Date"] = "2025-03-10" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await OfficeSite.RecordAsync(clerk, id, new() { ["Kind"] = "交办", ["Date"] = "2025-03-15", ["Unit"] = "市民政局" })).StatusCode);
        var reply = await clerk.PostFileAsync($"/admin/proposals/{id}?handler=Record", new() { ["Kind"] = "已答复", ["Date"] = "2025-05-01", ["ReplyClass"] = "A" }, "pdf", SampleFiles.Pdf(), "答复.pdf", $"/admin/proposals/{id}");
        Assert.Equal(HttpStatusCode.Redirect, reply.StatusCode);
        var (_, office) = await clerk.GetAsync($"/admin/proposals/{id}");
        var mediaId = PdfLink().Match(office).Groups[1].Value;
        Assert.NotEmpty(mediaId);

        var detail = await admin.Client.GetAsync(new Uri($"/api/media/{mediaId}", UriKind.Relative));
        var refused = await admin.Client.DeleteAsync(new Uri($"/api/media/{mediaId}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, detail.StatusCode);
        var usedBy = Assert.Single(JsonDocument.Parse(await detail.Content.ReadAsStringAsync()).RootElement.GetProperty("usedBy").EnumerateArray());
        Assert.Equal(id, usedBy.GetProperty("contentItemId").GetString());
        Assert.Equal("第五届第四次会议第0001号", usedBy.GetProperty("number").GetString());
        Assert.Equal("关于完善社区养老服务的提案", usedBy.GetProperty("title").GetString());
        Assert.Equal("提案答复", usedBy.GetProperty("use").GetString());

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains("提案第五届第四次会议第0001号“关于完善社区养老服务的提案”的答复", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("第五届第四次会议第0001号", problem.GetProperty("usedBy")[0].GetProperty("number").GetString());
        Assert.Equal(1, await OfficeSite.DbAsync(site, db => db.Set<MediaAsset>().CountAsync(a => a.Id == mediaId)));

        using var reader = site.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Redirect, (await reader.GetAsync($"/media/{mediaId}")).StatusCode);
    }

    [Fact]
    public async Task A_pdf_no_reply_links_to_is_still_deleted()
    {
        using var site = OfficeSite.Create();
        await OfficeSite.MemberAsync(site);
        using var clerk = await AdminSession.LoginAsync(site, "clerk-unused-pdf", "ProposalClerk");
        using var admin = await AdminSession.LoginAsync(site, "admin-unused-pdf", "Administrator");
        // A proposal with a text-only reply: the library's other PDF has nothing to do with it.
        var id = await OfficeSite.FileAsync(clerk, "关于文字答复的提案");
        await OfficeSite.RecordAsync(clerk, id, new() { ["Kind"] = "立案" });
        await OfficeSite.RecordAsync(clerk, id, new() { ["Kind"] = "交办", ["Unit"] = "市民政局" });
        await OfficeSite.RecordAsync(clerk, id, new() { ["Kind"] = "已答复", ["ReplyClass"] = "B", ["ReplyText"] = "已列入计划。" });
        var upload = await admin.Client.PostAsync(new Uri("/api/media", UriKind.Relative), MediaEndpointsTests.Form(SampleFiles.Pdf(), "无关文件.pdf", alt: null, contentType: "application/pdf"));
        var mediaId = JsonDocument.Parse(await upload.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();

        var detail = JsonDocument.Parse(await admin.Client.GetStringAsync(new Uri($"/api/media/{mediaId}", UriKind.Relative))).RootElement;
        var deleted = await admin.Client.DeleteAsync(new Uri($"/api/media/{mediaId}", UriKind.Relative));

        Assert.Equal(0, detail.GetProperty("usedBy").GetArrayLength());
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
    }

    [GeneratedRegex("href=\"/media/([0-9A-Za-z]+)\"")]
    private static partial Regex PdfLink();
}
