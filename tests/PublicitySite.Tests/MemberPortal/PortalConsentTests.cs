using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublicitySite.Audit;
using PublicitySite.Contents;
using PublicitySite.Storage;
using PublicitySite.Tests.Infrastructure;

namespace PublicitySite.Tests.MemberPortal;

/// <summary>同意公开 can be withdrawn by the lead until the proposal is published, and not after.</summary>
public sealed class PortalConsentTests
{
    [Fact]
    public async Task The_lead_withdraws_consent_before_publication_and_the_proposal_is_no_longer_public()
    {
        using var site = new TestSite(seed: false);
        await PortalTestData.MemberAsync(site, "pc-a", "示例委员甲");
        await PortalTestData.MemberAsync(site, "pc-b", "示例委员乙");
        using var lead = await PortalTestData.SignInAsync(site, "pc-a");
        using var other = await PortalTestData.SignInAsync(site, "pc-b");
        var id = await PortalTestData.DraftAsync(lead, "关于夜间经济的提案");
        Assert.Equal(HttpStatusCode.Redirect, (await lead.PostAsync($"/member/proposals/{id}/submit", new() { ["public"] = "yes" })).StatusCode);
        var itemId = (await PortalTestData.RowAsync(site, id)).ContentItemId!;
        var (_, before) = await lead.GetAsync($"/member/proposals/{id}");
        Assert.Contains("撤回同意公开", before, StringComparison.Ordinal);
        Assert.True((await PortalTestData.RecordAsync(site, itemId)).PublicConsent);

        var byOther = await other.PostAsync($"/member/proposals/{id}/consent", []);
        var withdrawn = await lead.PostAsync($"/member/proposals/{id}/consent", []);
        var again = await lead.PostAsync($"/member/proposals/{id}/consent", []);

        Assert.Equal(HttpStatusCode.NotFound, byOther.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("您未同意公开本提案，无需撤回", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False((await PortalTestData.RowAsync(site, id)).PublicConsent);
        Assert.False((await PortalTestData.RecordAsync(site, itemId)).PublicConsent);
        var (_, after) = await lead.GetAsync($"/member/proposals/{id}?withdrawn=1");
        Assert.Contains("已撤回同意公开", after, StringComparison.Ordinal);
        Assert.Contains("不同意公开", after, StringComparison.Ordinal);
        await using var scope = site.Services.CreateAsyncScope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<AuditEntry>().AnyAsync(e => e.Action == AuditActions.PortalConsent && e.Actor == "pc-a"));
    }

    [Fact]
    public async Task After_publication_the_portal_says_consent_can_no_longer_be_withdrawn_and_refuses_it()
    {
        using var site = new TestSite(seed: false);
        await PortalTestData.MemberAsync(site, "pc-c", "示例委员丙");
        using var lead = await PortalTestData.SignInAsync(site, "pc-c");
        var id = await PortalTestData.DraftAsync(lead, "关于城市绿道的提案");
        Assert.Equal(HttpStatusCode.Redirect, (await lead.PostAsync($"/member/proposals/{id}/submit", new() { ["public"] = "yes" })).StatusCode);
        var itemId = (await PortalTestData.RowAsync(site, id)).ContentItemId!;
        await using (var scope = site.Services.CreateAsyncScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<ContentManager>().PublishAsync(itemId)).Succeeded);
        }

        var (_, page) = await lead.GetAsync($"/member/proposals/{id}");
        var refused = await lead.PostAsync($"/member/proposals/{id}/consent", []);

        Assert.Contains("提案已在网站公开，不能再撤回同意公开", page, StringComparison.Ordinal);
        Assert.DoesNotContain(">撤回同意公开</button>", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("提案已公开发布，不能再撤回同意公开", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True((await PortalTestData.RecordAsync(site, itemId)).PublicConsent);
    }
}
