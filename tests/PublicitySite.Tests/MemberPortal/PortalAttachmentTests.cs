using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublicitySite.Audit;
using PublicitySite.Proposals;
using PublicitySite.Storage;
using PublicitySite.Tests.Admin;
using PublicitySite.Tests.Infrastructure;
using PublicitySite.Tests.Media;

namespace PublicitySite.Tests.MemberPortal;

/// <summary>附件 of a portal proposal: the media library's checks, private reading, drafts only, audited.</summary>
public sealed class PortalAttachmentTests
{
    [Fact]
    public async Task The_lead_co_signer_and_office_download_the_attached_pdf_and_png_and_no_one_else_finds_them()
    {
        using var site = new TestSite(seed: false);
        await PortalTestData.MemberAsync(site, "fj-a", "示例委员甲");
        await PortalTestData.MemberAsync(site, "fj-b", "示例委员乙");
        await PortalTestData.MemberAsync(site, "fj-c", "示例委员丙");
        using var lead = await PortalTestData.SignInAsync(site, "fj-a");
        using var cosigner = await PortalTestData.SignInAsync(site, "fj-b");
        using var other = await PortalTestData.SignInAsync(site, "fj-c");
        using var clerk = await AdminSession.LoginAsync(site, "fj-clerk", "ProposalClerk");
        using var anonymous = AdminSession.NewClient(site);
        var id = await PortalTestData.DraftAsync(lead, "关于社区养老的提案");
        Assert.Equal(HttpStatusCode.Redirect, (await lead.PostAsync($"/member/proposals/{id}/invite", new() { ["cosigner"] = "fj-b" })).StatusCode);
        var pdf = SampleFiles.Pdf();
        var png = SampleFiles.Png(40, 30);

        var pdfUpload = await PortalTestData.AttachAsync(lead, id, pdf, "调研报告.pdf");
        var pngUpload = await PortalTestData.AttachAsync(lead, id, png, "现场照片.png");
        var photo = await PortalTestData.AttachAsync(lead, id, SampleFiles.Jpeg(64, 48, withGps: true), "带定位的照片.jpg");

        Assert.Equal(HttpStatusCode.Redirect, pdfUpload.StatusCode);
        Assert.Equal($"/member/proposals/{id}/edit?attached=1#mp-files", pdfUpload.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, pngUpload.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, photo.StatusCode);
        var files = await PortalTestData.AttachmentsAsync(site, id);
        Assert.Equal(["调研报告.pdf", "现场照片.png", "带定位的照片.jpg"], files.Select(f => f.FileName));
        var (_, edit) = await lead.GetAsync($"/member/proposals/{id}/edit?attached=1");
        Assert.Contains("附件已上传", edit, StringComparison.Ordinal);
        Assert.Contains($"href=\"/member/proposals/{id}/attachments/{files[0].Id}\"", edit, StringComparison.Ordinal);
        Assert.Contains($"action=\"/member/proposals/{id}/attachments/{files[1].Id}/delete\"", edit, StringComparison.Ordinal);
        Assert.Contains("enctype=\"multipart/form-data\"", edit, StringComparison.Ordinal);

        var pdfUrl = $"/member/proposals/{id}/attachments/{files[0].Id}";
        var pngUrl = $"/member/proposals/{id}/attachments/{files[1].Id}";
        var byLead = await lead.Client.GetAsync(pdfUrl);
        Assert.Equal(HttpStatusCode.OK, byLead.StatusCode);
        Assert.Equal("application/pdf", byLead.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", byLead.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("attachment", byLead.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("调研报告.pdf", byLead.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Equal(pdf, await byLead.Content.ReadAsByteArrayAsync());
        var pngByCosigner = await cosigner.Client.GetAsync(pngUrl);
        Assert.Equal(HttpStatusCode.OK, pngByCosigner.StatusCode);
        Assert.Equal("image/png", pngByCosigner.Content.Headers.ContentType!.MediaType);
        Assert.Equal(PortalTestData.PngSignature, (await pngByCosigner.Content.ReadAsByteArrayAsync())[..8]);
        var stripped = await (await lead.Client.GetAsync($"/member/proposals/{id}/attachments/{files[2].Id}")).Content.ReadAsByteArrayAsync();
        Assert.DoesNotContain("PhoneMaker", Encoding.ASCII.GetString(stripped), StringComparison.Ordinal);
        var (_, cosignerPage) = await cosigner.GetAsync($"/member/proposals/{id}");
        Assert.Contains(pngUrl, cosignerPage, StringComparison.Ordinal);

        // A draft is the member's own: the office does not read it, nor does another member or the public.
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.Client.GetAsync(pdfUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync(pdfUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(pdfUrl)).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await lead.PostAsync($"/member/proposals/{id}/submit", new() { ["public"] = "yes" })).StatusCode);
        var itemId = (await PortalTestData.RowAsync(site, id)).ContentItemId!;
        await PortalTestData.OfficeAsync(site, itemId, new ProposalEventInput { Kind = "立案" });

        var (_, office) = await clerk.GetAsync($"/admin/proposals/{itemId}");
        Assert.Contains("委员提交的附件", office, StringComparison.Ordinal);
        Assert.Contains($"href=\"{pdfUrl}\"", office, StringComparison.Ordinal);
        var byClerk = await clerk.Client.GetAsync(pdfUrl);
        Assert.Equal(HttpStatusCode.OK, byClerk.StatusCode);
        Assert.Equal(pdf, await byClerk.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.OK, (await cosigner.Client.GetAsync(pngUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync(pdfUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(pngUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await lead.Client.GetAsync($"/member/proposals/{id}/attachments/{files[0].Id + 100}")).StatusCode);
        var (_, detail) = await lead.GetAsync($"/member/proposals/{id}");
        Assert.Contains("调研报告.pdf", detail, StringComparison.Ordinal);

        await using var scope = site.Services.CreateAsyncScope();
        var lines = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<AuditEntry>().AsNoTracking()
            .Where(e => e.Action == AuditActions.PortalAttachment).ToListAsync();
        Assert.Equal(3, lines.Count);
        Assert.All(lines, l => Assert.Equal("fj-a", l.Actor));
        Assert.Contains(lines, l => l.Detail!.Contains("添加附件 调研报告.pdf", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Renamed_scripted_oversized_and_surplus_files_are_refused_with_a_chinese_message()
    {
        using var site = new TestSite(seed: false, settings: new() { ["Media:MaxFileBytes"] = "8192" });
        await PortalTestData.MemberAsync(site, "fj-d", "示例委员丁");
        using var lead = await PortalTestData.SignInAsync(site, "fj-d");
        var id = await PortalTestData.DraftAsync(lead, "关于校园安全的提案");
        var refusals = new Dictionary<string, (byte[] File, string Expected)>
        {
            ["网页.pdf"] = (Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"), "附件只接受PDF 文档或 JPEG、PNG、WebP 图片"),
            ["程序.pdf"] = ([0x4D, 0x5A, 0x90, 0x00, .. new byte[300]], "附件只接受PDF 文档或 JPEG、PNG、WebP 图片"),
            ["带脚本.pdf"] = (SampleFiles.Pdf("/OpenAction << /S /JavaScript /JS (app.alert(1)) >> "), "未被接收"),
            ["动图.gif"] = (SampleFiles.Gif(), "是 GIF 文件，附件只接受"),
            ["超大.pdf"] = (SampleFiles.Pdf(new string(' ', 9000)), "附件超过 8 KB 的上限"),
            ["假图.png"] = (SampleFiles.LyingSignature(), "未被接收"),
        };

        foreach (var (name, (file, expected)) in refusals)
        {
            var response = await PortalTestData.AttachAsync(lead, id, file, name);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{name}: {(int)response.StatusCode}");
            Assert.Contains(expected, System.Net.WebUtility.HtmlDecode(body), StringComparison.Ordinal);
            Assert.Contains("修改提案草稿", body, StringComparison.Ordinal);
        }

        Assert.Empty(await PortalTestData.AttachmentsAsync(site, id));
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await PortalTestData.AttachAsync(lead, id, SampleFiles.Pdf($"/N{i} "), $"材料{i}.pdf")).StatusCode);
        }

        var surplus = await PortalTestData.AttachAsync(lead, id, SampleFiles.Pdf(), "第十一个.pdf");
        Assert.Equal(HttpStatusCode.BadRequest, surplus.StatusCode);
        Assert.Contains("每件提案最多 10 个附件", await surplus.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(10, (await PortalTestData.AttachmentsAsync(site, id)).Count);
        var (_, edit) = await lead.GetAsync($"/member/proposals/{id}/edit");
        Assert.Contains("已达到 10 个附件的上限", edit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_draft_attachment_is_removed_by_its_lead_only_and_nothing_changes_after_submission()
    {
        using var site = new TestSite(seed: false);
        await PortalTestData.MemberAsync(site, "fj-e", "示例委员戊");
        await PortalTestData.MemberAsync(site, "fj-f", "示例委员己");
        using var lead = await PortalTestData.SignInAsync(site, "fj-e");
        using var other = await PortalTestData.SignInAsync(site, "fj-f");
        var id = await PortalTestData.DraftAsync(lead, "关于河道治理的提案");
        Assert.Equal(HttpStatusCode.Redirect, (await PortalTestData.AttachAsync(lead, id, SampleFiles.Pdf(), "留下的.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PortalTestData.AttachAsync(lead, id, SampleFiles.Png(), "删掉的.png")).StatusCode);
        var files = await PortalTestData.AttachmentsAsync(site, id);

        var byOther = await other.PostAsync($"/member/proposals/{id}/attachments/{files[1].Id}/delete", []);
        var uploadByOther = await PortalTestData.AttachAsync(other, id, SampleFiles.Pdf(), "他人的.pdf");
        var removed = await lead.PostAsync($"/member/proposals/{id}/attachments/{files[1].Id}/delete", []);

        Assert.Equal(HttpStatusCode.NotFound, byOther.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, uploadByOther.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(["留下的.pdf"], (await PortalTestData.AttachmentsAsync(site, id)).Select(f => f.FileName));
        Assert.Equal(HttpStatusCode.NotFound, (await lead.Client.GetAsync($"/member/proposals/{id}/attachments/{files[1].Id}")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await lead.PostAsync($"/member/proposals/{id}/submit", new() { ["public"] = "no" })).StatusCode);
        var late = await PortalTestData.AttachAsync(lead, id, SampleFiles.Pdf(), "迟到的.pdf");
        var lateDelete = await lead.PostAsync($"/member/proposals/{id}/attachments/{files[0].Id}/delete", []);

        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("提案已提交，不能再添加附件", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, lateDelete.StatusCode);
        Assert.Contains("提案已提交，不能再删除附件", await lateDelete.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(["留下的.pdf"], (await PortalTestData.AttachmentsAsync(site, id)).Select(f => f.FileName));
        Assert.Equal(HttpStatusCode.OK, (await lead.Client.GetAsync($"/member/proposals/{id}/attachments/{files[0].Id}")).StatusCode);
        await using var scope = site.Services.CreateAsyncScope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<AuditEntry>()
            .AnyAsync(e => e.Action == AuditActions.PortalAttachment && e.Actor == "fj-e" && e.Detail == "删除附件 删掉的.png"));
    }
}
