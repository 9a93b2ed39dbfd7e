using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PublicitySite.Audit;
using PublicitySite.Contents;
using PublicitySite.Tests.Infrastructure;
using PublicitySite.Workflow;

namespace PublicitySite.Tests.Admin.Proposals;

/// <summary>发布 on the office page: one decision, the recipe's review (consent + 提案委负责人), the office record on the public page.</summary>
public sealed partial class ProposalPublicationPagesTests
{
    [Fact]
    public async Task One_publish_decision_by_the_office_head_puts_the_office_records_fields_on_the_public_page()
    {
        using var site = OfficeSite.Create();
        await OfficeSite.MemberAsync(site);
        using var clerk = await AdminSession.LoginAsync(site, "clerk-pub", "ProposalClerk");
        var id = await OfficeSite.FileAsync(clerk, "关于建设社区助餐点的提案");
        await Record(clerk, id, new() { ["Kind"] = "立案", ["Date"] = "2025-03-10" });
        await Record(clerk, id, new() { ["Kind"] = "交办", ["Date"] = "2025-03-15", ["Unit"] = "市民政局", ["CoUnits"] = "市财政局、市卫生健康委" });
        await Record(clerk, id, new() { ["Kind"] = "已答复", ["Date"] = "2025-05-01", ["Unit"] = "市民政局", ["ReplyClass"] = "A", ["ReplyText"] = "已在五个社区试点助餐点。" });
        await Record(clerk, id, new() { ["Kind"] = "评价", ["Date"] = "2025-05-10", ["Verdict"] = "满意" });

        using var head = await AdminSession.LoginAsync(site, "head-pub", "ProposalHead");
        var (_, office) = await head.GetAsync($"/admin/proposals/{id}");
        Assert.Contains("提案人意见：同意公开", office);
        Assert.Contains("审批：提案委负责人审批（提案委负责人）", office);
        Assert.Contains("<dd>委员（个人或联名）</dd>", office);

        var decided = await head.PostAsync($"/admin/proposals/{id}?handler=Publish", new() { ["opinion"] = "同意发布。" }, $"/admin/proposals/{id}");
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        var (_, after) = await head.GetAsync($"/admin/proposals/{id}");
        Assert.Contains("已发布，公开页面显示本页的办理信息", after);
        Assert.Contains("提案委负责人审批 通过 · head-pub：同意发布。", after);
        Assert.DoesNotContain("type=\"submit\">发布</button>", after);

        using var reader = site.CreateClient(new() { AllowAutoRedirect = false });
        var page = await reader.GetStringAsync("/proposals/t5-4-0001");
        Assert.Contains("<dt>提案者类别</dt><dd>委员（个人或联名）</dd>", page);
        Assert.Contains("<dt>主办单位</dt><dd>市民政局</dd>", page);
        Assert.Contains("<dt>协办单位</dt><dd>市财政局、市卫生健康委</dd>", page);
        Assert.Contains("<dt>委员评价</dt><dd>满意</dd>", page);
        Assert.DoesNotContain(">member<", page);

        var actions = await OfficeSite.DbAsync(site, db => db.Set<AuditEntry>().Where(a => a.Target == id).Select(a => a.Action).ToListAsync());
        Assert.Contains(AuditActions.ProposalPublished, actions);
        Assert.Contains(AuditActions.Published, actions);
        var steps = await OfficeSite.DbAsync(site, db => db.Set<ReviewStep>().Where(s => s.ContentItemId == id).OrderBy(s => s.Id).Select(s => s.Decision).ToListAsync());
        Assert.Equal([ReviewDecision.Submitted, ReviewDecision.Approved], steps);
    }

    [Fact]
    public async Task Publishing_without_the_proposers_consent_is_a_400_with_the_reason_and_changes_nothing()
    {
        using var site = OfficeSite.Create();
        await OfficeSite.MemberAsync(site);
        using var clerk = await AdminSession.LoginAsync(site, "clerk-noconsent", "ProposalClerk");
        var filing = OfficeSite.Filing("提案人不同意公开的提案");
        filing.Remove("Public");
        var created = await clerk.PostAsync("/admin/proposals/new", filing, "/admin/proposals/new");
        var id = created.Headers.Location!.ToString().Split('/').Last();

        using var head = await AdminSession.LoginAsync(site, "head-noconsent", "ProposalHead");
        var (_, office) = await head.GetAsync($"/admin/proposals/{id}");
        Assert.Contains("提案人未同意公开，不能发布", office);
        var refused = await head.PostAsync($"/admin/proposals/{id}?handler=Publish", new(), $"/admin/proposals/{id}");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("提案人未同意公开，不能发布", await refused.Content.ReadAsStringAsync());
        Assert.Equal(ContentStatus.Draft, await LatestStatusAsync(site, id));
    }

    [Fact]
    public async Task A_clerk_cannot_approve_and_nobody_publishes_a_proposal_they_filed_themselves()
    {
        using var site = OfficeSite.Create();
        await OfficeSite.MemberAsync(site);
        using var clerk = await AdminSession.LoginAsync(site, "clerk-self", "ProposalClerk");
        var id = await OfficeSite.FileAsync(clerk, "自己登记的提案");
        var (_, seen) = await clerk.GetAsync($"/admin/proposals/{id}");
        Assert.Contains("待提案委负责人在本页决定发布。", seen);
        Assert.DoesNotContain("handler=Publish", seen);
        var byClerk = await clerk.PostAsync($"/admin/proposals/{id}?handler=Publish", new(), $"/admin/proposals/{id}");
        Assert.Equal(HttpStatusCode.Forbidden, byClerk.StatusCode);
        Assert.Contains("须由提案委负责人办理", await byClerk.Content.ReadAsStringAsync());

        using var admin = await AdminSession.LoginAsync(site, "admin-self", "Administrator");
        var own = await OfficeSite.FileAsync(admin, "管理员自己登记的提案", "2025-03-02");
        var byAuthor = await admin.PostAsync($"/admin/proposals/{own}?handler=Publish", new(), $"/admin/proposals/{own}");
        Assert.Equal(HttpStatusCode.Forbidden, byAuthor.StatusCode);
        Assert.Contains("不能审批自己撰写或修改过的稿件", await byAuthor.Content.ReadAsStringAsync());

        // Both refusals are whole: the drafts were not left in review, and each refusal is audited.
        Assert.Equal(ContentStatus.Draft, await LatestStatusAsync(site, id));
        Assert.Equal(ContentStatus.Draft, await LatestStatusAsync(site, own));
        Assert.Equal(2, await OfficeSite.DbAsync(site, db => db.Set<AuditEntry>().CountAsync(a => a.Action == AuditActions.Denied && a.Detail!.StartsWith("proposal.publish"))));

        var byAdmin = await admin.PostAsync($"/admin/proposals/{id}?handler=Publish", new(), $"/admin/proposals/{id}");
        Assert.Equal(HttpStatusCode.Redirect, byAdmin.StatusCode);
        var again = await admin.PostAsync($"/admin/proposals/{id}?handler=Publish", new(), $"/admin/proposals/{id}");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("提案已发布", await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_overlong_opinion_or_an_unknown_proposal_is_refused_in_chinese_never_a_500()
    {
        using var site = OfficeSite.Create();
        await OfficeSite.MemberAsync(site);
        using var clerk = await AdminSession.LoginAsync(site, "clerk-long", "ProposalClerk");
        var id = await OfficeSite.FileAsync(clerk, "意见过长的提案");
        using var head = await AdminSession.LoginAsync(site, "head-long", "ProposalHead");
        var tooLong = await head.PostAsync($"/admin/proposals/{id}?handler=Publish", new() { ["opinion"] = new string('意', 2001) }, $"/admin/proposals/{id}");
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("审批意见不超过 2000 字", await tooLong.Content.ReadAsStringAsync());
        var missing = await head.PostAsync("/admin/proposals/nosuchproposal?handler=Publish", new(), $"/admin/proposals/{id}");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("提案不存在", await missing.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_member_profile_words_an_urged_late_proposal_as_the_list_does_never_as_the_urge_step()
    {
        using var site = OfficeSite.Create();
        await OfficeSite.MemberAsync(site);
        using var clerk = await AdminSession.LoginAsync(site, "clerk-late", "ProposalClerk");
        var id = await OfficeSite.FileAsync(clerk, "关于加快老旧小区加装电梯的提案");
        await Record(clerk, id, new() { ["Kind"] = "立案", ["Date"] = "2025-03-10" });
        await Record(clerk, id, new() { ["Kind"] = "交办", ["Date"] = "2025-03-15", ["Unit"] = "市住房城乡建设局" });
        await Record(clerk, id, new() { ["Kind"] = "催办", ["Date"] = "2025-07-01", ["Unit"] = "市住房城乡建设局" });
        using var head = await AdminSession.LoginAsync(site, "head-late", "ProposalHead");
        Assert.Equal(HttpStatusCode.Redirect, (await head.PostAsync($"/admin/proposals/{id}?handler=Publish", new(), $"/admin/proposals/{id}")).StatusCode);

        using var reader = site.CreateClient(new() { AllowAutoRedirect = false });
        var list = await reader.GetStringAsync("/proposals");
        var badges = Regex.Match(list, "<td data-label=\"状态\"><span class=\"pp-badge [^\"]+\">([^<]+)</span><span class=\"pp-badge st-overdue\">([^<]+)</span>");
        Assert.True(badges.Success, "the list shows no late badge");
        Assert.Equal("已超期", badges.Groups[2].Value);
        var profile = await reader.GetStringAsync("/members/lin-qing");
        Assert.Contains($"第五届第四次会议第0001号 · {badges.Groups[1].Value}（已超期）", profile);
        Assert.DoesNotContain("催办", profile);
    }

    private static async Task Record(AdminSession clerk, string id, Dictionary<string, string> fields)
    {
        var response = await OfficeSite.RecordAsync(clerk, id, fields);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{fields["Kind"]}: {response.StatusCode} {Regex.Match(await response.Content.ReadAsStringAsync(), "<div class=\"errors\"[^>]*>(.*?)</div>", RegexOptions.Singleline).Groups[1].Value}");
    }

    private static Task<ContentStatus> LatestStatusAsync(TestSite site, string id) =>
        OfficeSite.DbAsync(site, db => db.ContentItemVersions.Where(v => v.ContentItemId == id && v.Latest).Select(v => v.Status).SingleAsync());
}
