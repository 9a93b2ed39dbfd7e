using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublicitySite.Audit;
using PublicitySite.MemberPortal;
using PublicitySite.Proposals;
using PublicitySite.Storage;
using PublicitySite.Tests.Infrastructure;

namespace PublicitySite.Tests.MemberPortal;

/// <summary>A proposal from the member's portal to the office and back, over real HTTP with real sign-in.</summary>
public sealed class PortalProposalTests
{
    [Fact]
    public async Task A_member_writes_and_submits_a_proposal_a_co_signer_confirms_and_the_member_evaluates_the_reply()
    {
        using var site = new TestSite(seed: false);
        await PortalTestData.MemberAsync(site, "wy-jia", "示例委员甲");
        await PortalTestData.MemberAsync(site, "wy-yi", "示例委员乙");
        using var lead = await PortalTestData.SignInAsync(site, "wy-jia");
        using var cosigner = await PortalTestData.SignInAsync(site, "wy-yi");

        var id = await PortalTestData.DraftAsync(lead, "关于加强社区养老服务的提案");
        var (_, found) = await lead.GetAsync($"/member/proposals/{id}?q=乙");
        Assert.Contains("示例委员乙", found, StringComparison.Ordinal);
        Assert.Contains("value=\"wy-yi\"", found, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await lead.PostAsync($"/member/proposals/{id}/invite", new() { ["cosigner"] = "wy-yi" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await lead.PostAsync($"/member/proposals/{id}/submit", new() { ["public"] = "yes" })).StatusCode);

        var row = await PortalTestData.RowAsync(site, id);
        Assert.Equal(PortalProposalState.Submitted, row.State);
        Assert.True(row.PublicConsent);
        var itemId = row.ContentItemId!;
        var filed = await PortalTestData.RecordAsync(site, itemId);
        Assert.Equal(ProposalStatus.Filed, filed.Status);
        Assert.Equal("示例委员甲", filed.Proposers); // the co-signer has not confirmed yet: not listed
        Assert.Contains(filed.ContentItemId, (await QueueAsync(site)).Select(r => r.ContentItemId));

        var (_, inbox) = await cosigner.GetAsync("/member");
        Assert.Contains("关于加强社区养老服务的提案", inbox, StringComparison.Ordinal);
        Assert.Contains("mp-badge", inbox, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await cosigner.PostAsync($"/member/proposals/{id}/cosign", new() { ["answer"] = "confirm" })).StatusCode);
        Assert.Equal("示例委员甲、示例委员乙", (await PortalTestData.RecordAsync(site, itemId)).Proposers);
        Assert.Equal(HttpStatusCode.Conflict, (await cosigner.PostAsync($"/member/proposals/{id}/cosign", new() { ["answer"] = "decline" })).StatusCode);

        await PortalTestData.OfficeAsync(site, itemId, new ProposalEventInput { Kind = "立案" });
        await PortalTestData.OfficeAsync(site, itemId, new ProposalEventInput { Kind = "交办", Unit = "市民政局" });
        await PortalTestData.OfficeAsync(site, itemId, new ProposalEventInput { Kind = "已答复", Unit = "市民政局", ReplyClass = "B", ReplyText = "已列入明年民生实事计划。" });
        var (_, replied) = await lead.GetAsync($"/member/proposals/{id}");
        Assert.Contains("立案", replied, StringComparison.Ordinal);
        Assert.Contains("主办单位：市民政局", replied, StringComparison.Ordinal);
        Assert.Contains("已列入明年民生实事计划。", replied, StringComparison.Ordinal);
        Assert.Contains("提交评价", replied, StringComparison.Ordinal);

        var evaluated = await lead.PostAsync($"/member/proposals/{id}/evaluate", new() { ["verdict"] = "不满意", ["comment"] = "资金来源未落实" });

        Assert.Equal(HttpStatusCode.Redirect, evaluated.StatusCode);
        var reopened = await PortalTestData.RecordAsync(site, itemId);
        Assert.Equal(ProposalStatus.Reopened, reopened.Status);
        Assert.Equal("不满意", reopened.Verdict);
        var (_, leadView) = await lead.GetAsync($"/member/proposals/{id}");
        Assert.Contains("资金来源未落实", leadView, StringComparison.Ordinal);
        var (_, cosignerView) = await cosigner.GetAsync($"/member/proposals/{id}");
        Assert.Contains("关于加强社区养老服务的提案", cosignerView, StringComparison.Ordinal);
        Assert.DoesNotContain("资金来源未落实", cosignerView, StringComparison.Ordinal);
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var actions = await db.Set<AuditEntry>().Where(a => a.Actor == "wy-jia" || a.Actor == "wy-yi").Select(a => a.Action).ToListAsync();
        Assert.Contains(AuditActions.PortalDraftSaved, actions);
        Assert.Contains(AuditActions.PortalSubmitted, actions);
        Assert.Contains(AuditActions.ProposalFiled, actions);
        Assert.Contains(AuditActions.PortalEvaluated, actions);
        Assert.Equal(2, actions.Count(a => a == AuditActions.PortalCosign)); // the invitation and the confirmation
        Assert.Equal(2, actions.Count(a => a == AuditActions.ProposalEvent)); // 评价 and 再办理
        Assert.DoesNotContain(await db.Set<ProposalEvent>().Where(e => e.ContentItemId == itemId).Select(e => e.Note).ToListAsync(), n => n != null && n.Contains("资金来源", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_refusal_by_the_office_is_shown_to_the_member_with_its_reason()
    {
        using var site = new TestSite(seed: false);
        await PortalTestData.MemberAsync(site, "wy-bing", "示例委员丙");
        using var member = await PortalTestData.SignInAsync(site, "wy-bing");
        var id = await PortalTestData.DraftAsync(member, "关于设立城市吉祥物的提案");
        Assert.Equal(HttpStatusCode.Redirect, (await member.PostAsync($"/member/proposals/{id}/submit", new() { ["public"] = "no" })).StatusCode);
        var itemId = (await PortalTestData.RecordAsync(site, (await PortalTestData.RowAsync(site, id)).ContentItemId!)).ContentItemId;

        var (_, before) = await member.GetAsync("/member");
        await PortalTestData.OfficeAsync(site, itemId, new ProposalEventInput { Kind = "不立案", Note = "属于一般性意见，不符合立案条件" });
        var (_, news) = await member.GetAsync("/member");

        var (status, html) = await member.GetAsync($"/member/proposals/{id}");
        var (_, seen) = await member.GetAsync("/member");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("不立案", html, StringComparison.Ordinal);
        Assert.Contains("理由：属于一般性意见，不符合立案条件", html, StringComparison.Ordinal);
        Assert.False((await PortalTestData.RecordAsync(site, itemId)).PublicConsent);
        Assert.DoesNotContain("mp-badge", before, StringComparison.Ordinal);
        Assert.Contains("提案不予立案", news, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"1 条新消息\"", news, StringComparison.Ordinal);
        Assert.DoesNotContain("提案不予立案", seen, StringComparison.Ordinal); // opened: no longer news
        Assert.DoesNotContain("mp-badge", seen, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_input_gets_a_chinese_message_and_changes_nothing()
    {
        using var site = new TestSite(seed: false);
        await PortalTestData.MemberAsync(site, "wy-ding", "示例委员丁");
        using var member = await PortalTestData.SignInAsync(site, "wy-ding");

        var untitled = await member.PostAsync("/member/proposals", new() { ["title"] = " ", ["grounds"] = "案据" });
        var badCategory = await member.PostAsync("/member/proposals", new() { ["title"] = "关于某事的提案", ["category"] = "不存在的类别" });
        var id = await PortalTestData.DraftAsync(member, "关于只有标题的提案", grounds: "", suggestions: "");
        var noConsent = await member.PostAsync($"/member/proposals/{id}/submit", []);
        var empty = await member.PostAsync($"/member/proposals/{id}/submit", new() { ["public"] = "yes" });
        var badVerdict = await member.PostAsync($"/member/proposals/{id}/evaluate", new() { ["verdict"] = "很好" });
        var self = await member.PostAsync($"/member/proposals/{id}/invite", new() { ["cosigner"] = "wy-ding" });

        Assert.Equal(HttpStatusCode.BadRequest, untitled.StatusCode);
        Assert.Contains("请填写案由", await untitled.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badCategory.StatusCode);
        Assert.Contains("不在可选范围内", await badCategory.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, noConsent.StatusCode);
        Assert.Contains("请选择是否同意公开", await noConsent.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("提交前请填写案据", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, badVerdict.StatusCode); // a draft has no reply to evaluate
        Assert.Equal(HttpStatusCode.BadRequest, self.StatusCode);
        Assert.Equal(PortalProposalState.Draft, (await PortalTestData.RowAsync(site, id)).State);
        await using var scope = site.Services.CreateAsyncScope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<PortalProposal>().CountAsync());
    }

    private static async Task<IReadOnlyList<ProposalRecord>> QueueAsync(TestSite site)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<ProposalOffice>().QueueAsync()).AwaitingReview;
    }
}
