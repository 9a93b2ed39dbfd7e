using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using PublicitySite.Proposals;
using PublicitySite.Tests.Admin;
using PublicitySite.Tests.Infrastructure;
using PublicitySite.Users;

namespace PublicitySite.Tests.MemberPortal;

/// <summary>
/// The Member role × portal action matrix with two members: every path another member could take to a member's
/// draft, submitted text or evaluation (portal pages and forms, REST, GraphQL, search) finds nothing.
/// </summary>
public sealed partial class PortalPrivacyTests
{
    private const string DraftTitle = "关于甲委员草稿独有题目的提案";
    private const string DraftWords = "甲草稿独有案据词";
    private const string SubmittedTitle = "关于甲委员已提交独有题目的提案";
    private const string Comment = "甲评价独有意见词";
    private const string AttachmentName = "甲草稿独有附件名.pdf";
    private static readonly byte[] AttachmentBytes = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R /Marker (jia-only-attachment-bytes) >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    [Fact]
    public async Task Another_member_reaches_none_of_a_members_drafts_or_evaluations_through_any_path()
    {
        using var site = new TestSite(seed: false);
        await PortalTestData.MemberAsync(site, "wy-a", "示例委员子");
        await PortalTestData.MemberAsync(site, "wy-b", "示例委员丑");
        using var a = await PortalTestData.SignInAsync(site, "wy-a");
        using var b = await PortalTestData.SignInAsync(site, "wy-b");
        var draft = await PortalTestData.DraftAsync(a, DraftTitle, grounds: DraftWords);
        var submitted = await PortalTestData.DraftAsync(a, SubmittedTitle);
        Assert.Equal(HttpStatusCode.Redirect, (await PortalTestData.AttachAsync(a, draft, AttachmentBytes, AttachmentName)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PortalTestData.AttachAsync(a, submitted, AttachmentBytes, AttachmentName)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await a.PostAsync($"/member/proposals/{submitted}/submit", new() { ["public"] = "yes" })).StatusCode);
        var itemId = (await PortalTestData.RowAsync(site, submitted)).ContentItemId!;
        await PortalTestData.OfficeAsync(site, itemId, new ProposalEventInput { Kind = "立案" });
        await PortalTestData.OfficeAsync(site, itemId, new ProposalEventInput { Kind = "交办", Unit = "市住建局" });
        await PortalTestData.OfficeAsync(site, itemId, new ProposalEventInput { Kind = "已答复", ReplyClass = "A", ReplyText = "已解决。" });
        Assert.Equal(HttpStatusCode.Redirect, (await a.PostAsync($"/member/proposals/{submitted}/evaluate", new() { ["verdict"] = "满意", ["comment"] = Comment })).StatusCode);

        var refused = new List<string>();
        using var anonymous = AdminSession.NewClient(site);
        async Task ExpectNotFound(string what, Task<HttpResponseMessage> request)
        {
            var response = await request;
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.NotFound || Leaks(body))
            {
                refused.Add($"{what}: {(int)response.StatusCode}");
            }
        }

        foreach (var id in new[] { draft, submitted })
        {
            await ExpectNotFound($"page {id}", b.Client.GetAsync($"/member/proposals/{id}"));
            await ExpectNotFound($"edit {id}", b.Client.GetAsync($"/member/proposals/{id}/edit"));
            await ExpectNotFound($"save {id}", b.PostAsync($"/member/proposals/{id}", new() { ["title"] = "改写他人草稿" }));
            await ExpectNotFound($"invite {id}", b.PostAsync($"/member/proposals/{id}/invite", new() { ["cosigner"] = "wy-b" }));
            await ExpectNotFound($"submit {id}", b.PostAsync($"/member/proposals/{id}/submit", new() { ["public"] = "yes" }));
            await ExpectNotFound($"cosign {id}", b.PostAsync($"/member/proposals/{id}/cosign", new() { ["answer"] = "confirm" }));
            await ExpectNotFound($"evaluate {id}", b.PostAsync($"/member/proposals/{id}/evaluate", new() { ["verdict"] = "不满意" }));
            await ExpectNotFound($"consent {id}", b.PostAsync($"/member/proposals/{id}/consent", []));
            var file = (await PortalTestData.AttachmentsAsync(site, id)).Single();
            var address = $"/member/proposals/{id}/attachments/{file.Id}";
            await ExpectNotFound($"attachment {id}", b.Client.GetAsync(address));
            await ExpectNotFound($"attachment {id} signed out", anonymous.GetAsync(address));
            await ExpectNotFound($"attach {id}", PortalTestData.AttachAsync(b, id, AttachmentBytes, "乙上传.pdf"));
            await ExpectNotFound($"remove attachment {id}", b.PostAsync($"{address}/delete", []));
            Assert.Equal(HttpStatusCode.OK, (await a.Client.GetAsync(address)).StatusCode); // the owner does read it: the checks above could fail
        }

        foreach (var id in new[] { draft, submitted })
        {
            Assert.Single(await PortalTestData.AttachmentsAsync(site, id));
        }

        // The office's screens that name proposals or members (mails, accounts, the 提案汇编) are closed to members.
        foreach (var office in new[] { "/admin/mail", "/admin/members/accounts", "/admin/proposals", "/api/proposals/export?format=xlsx" })
        {
            var response = await b.Client.GetAsync(office);
            if (response.StatusCode == HttpStatusCode.OK || Leaks(await response.Content.ReadAsStringAsync()))
            {
                refused.Add($"{office}: {(int)response.StatusCode}");
            }
        }

        Assert.Empty(refused);
        var (_, home) = await b.GetAsync("/member");
        Assert.False(Leaks(home));
        Assert.Equal(DraftTitle, (await PortalTestData.RowAsync(site, draft)).Title);
        Assert.Equal("满意", (await PortalTestData.RecordAsync(site, itemId)).Verdict);

        using var token = await TokenClientAsync(site, "wy-b");
        var reads = new Dictionary<string, HttpResponseMessage>
        {
            ["content"] = await token.GetAsync($"/api/content/{itemId}"),
            ["proposals"] = await token.GetAsync("/api/proposals?pageSize=100"),
            ["versions"] = await token.GetAsync($"/api/content/{itemId}/versions"),
            ["search"] = await token.GetAsync($"/api/search?q={Uri.EscapeDataString("甲委员")}"),
            ["admin search"] = await token.GetAsync($"/api/admin/search?q={Uri.EscapeDataString("甲委员")}"),
            ["graphql drafts"] = await token.PostAsJsonAsync("/api/graphql", new { query = "{ proposalList(drafts: true, pageSize: 100) { total items { title } } }" }),
            ["graphql"] = await token.PostAsJsonAsync("/api/graphql", new { query = "{ proposalList(pageSize: 100) { total items { title } } }" }),
            ["site search"] = await b.Client.GetAsync($"/search?q={Uri.EscapeDataString("甲委员")}"),
            ["export"] = await token.GetAsync("/api/proposals/export?format=docx"),
        };
        foreach (var (path, response) in reads)
        {
            Assert.False(Leaks(await response.Content.ReadAsStringAsync()), path);
        }

        Assert.Equal(HttpStatusCode.NotFound, reads["content"].StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, reads["export"].StatusCode);
        var (_, own) = await a.GetAsync($"/member/proposals/{submitted}");
        Assert.Contains(Comment, own, StringComparison.Ordinal); // the member's own page does show it: the check above could fail
    }

    [Fact]
    public async Task Another_member_reaches_none_of_a_members_points_opinions_or_record_through_any_path()
    {
        using var site = new TestSite(seed: false);
        var (a, _) = await MemberRecord.DutyRecordTests.BusyYearAsync(site);
        await MemberAsync(site, "wy-c", "示例委员寅");
        using var owner = await PortalTestData.SignInAsync(site, "wy-d1");
        using var other = await PortalTestData.SignInAsync(site, "wy-c");
        var opinion = (await owner.GetAsync("/member/opinions")).Html;
        var opinionId = OpinionLink().Match(opinion).Groups[1].Value;
        Assert.NotEmpty(opinionId);
        var (_, ownRecord) = await owner.GetAsync("/member/record");
        Assert.Equal("20", MemberRecord.DutyRecordTests.Total(ownRecord)); // the owner does see it: the checks below could fail

        static bool RecordLeaks(string body) =>
            body.Contains(MemberRecord.DutyRecordTests.Opinion, StringComparison.Ordinal) || body.Contains(MemberRecord.DutyRecordTests.Speech, StringComparison.Ordinal)
            || body.Contains("政协全体会议", StringComparison.Ordinal) || body.Contains("id=\"rc-total\">20<", StringComparison.Ordinal);

        var paths = new[]
        {
            "/member/record", $"/member/record?member={a}", $"/member/record?memberId={a}&year=2026", "/member/record/report",
            $"/member/record/report?member={a}", $"/member/opinions/{opinionId}", "/member/opinions", "/member", "/admin/duties",
            $"/admin/opinions/adopt/{a}", "/admin/opinions", "/admin/meetings",
        };
        foreach (var path in paths)
        {
            var (status, body) = await other.GetAsync(path);
            Assert.False(RecordLeaks(body), $"{path}: {(int)status}");
        }

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/member/opinions/{opinionId}")).Status);
        Assert.Equal("0", MemberRecord.DutyRecordTests.Total((await other.GetAsync($"/member/record?member={a}")).Html));
        var docx = await other.Client.GetAsync("/member/record/report.docx");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        using (var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false))
        {
            Assert.False(RecordLeaks(document.MainDocumentPart!.Document!.Body!.InnerText));
            Assert.Contains("履职积分 0 分", document.MainDocumentPart.Document.Body.InnerText, StringComparison.Ordinal);
        }

        using var token = await TokenClientAsync(site, "wy-c");
        var reads = new[]
        {
            await token.GetAsync($"/api/search?q={Uri.EscapeDataString("共享单车")}"),
            await token.GetAsync($"/api/admin/search?q={Uri.EscapeDataString("共享单车")}"),
            await token.GetAsync("/api/content?type=SocialOpinion&pageSize=100"),
            await token.PostAsJsonAsync("/api/graphql", new { query = "{ socialOpinionList(drafts: true, pageSize: 100) { total items { title } } }" }),
            await other.Client.GetAsync($"/search?q={Uri.EscapeDataString("共享单车")}"),
        };
        foreach (var response in reads)
        {
            Assert.False(RecordLeaks(await response.Content.ReadAsStringAsync()), response.RequestMessage!.RequestUri!.PathAndQuery);
        }
    }

    private static Task<string> MemberAsync(TestSite site, string user, string name) => PortalTestData.MemberAsync(site, user, name);

    [System.Text.RegularExpressions.GeneratedRegex(@"/member/opinions/(\d+)")]
    private static partial System.Text.RegularExpressions.Regex OpinionLink();

    private static bool Leaks(string body) =>
        body.Contains(DraftTitle, StringComparison.Ordinal) || body.Contains(DraftWords, StringComparison.Ordinal)
        || body.Contains(SubmittedTitle, StringComparison.Ordinal) || body.Contains(Comment, StringComparison.Ordinal)
        || body.Contains(AttachmentName, StringComparison.Ordinal) || body.Contains("jia-only-attachment-bytes", StringComparison.Ordinal);

    /// <summary>The member's API token with every scope the token service will grant, sent through the real Bearer scheme.</summary>
    private static async Task<HttpClient> TokenClientAsync(TestSite site, string name)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserService>().FindAsync(name);
        var (_, secret) = await scope.ServiceProvider.GetRequiredService<TokenService>().CreateAsync(user!, "test", null, TokenScopes.All);
        var client = site.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }
}
