using System.Net;
using PublicitySite.Tests.Admin;
using PublicitySite.Tests.Infrastructure;

namespace PublicitySite.Tests.MemberPortal;

/// <summary>Who reaches 委员之家: members only, signed in, each to their own things.</summary>
public sealed class MemberAccessTests
{
    [Fact]
    public async Task A_signed_out_visitor_is_sent_to_sign_in_and_a_member_lands_in_the_portal_after_signing_in()
    {
        using var site = new TestSite(seed: false);
        await PortalTestData.MemberAsync(site, "wy-wu", "示例委员戊");
        using var anonymous = new AdminSession(AdminSession.NewClient(site));

        var (signedOut, _) = await anonymous.GetAsync("/member");
        var location = (await anonymous.Client.GetAsync("/member/proposals/1")).Headers.Location;
        using var member = await PortalTestData.SignInAsync(site, "wy-wu");
        var admin = await member.Client.GetAsync("/admin");
        var (home, html) = await member.GetAsync("/member");

        Assert.Equal(HttpStatusCode.Redirect, signedOut);
        Assert.Equal("/admin/login", location?.OriginalString);
        Assert.Equal("/member", admin.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, home);
        Assert.Contains("示例委员戊 委员，您好", html, StringComparison.Ordinal);
        Assert.Matches("/themes/publicity/css/site\\.[0-9a-f]{12}\\.css", html); // the public theme's look, not the admin's
        Assert.Contains("长者模式", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_without_its_antiforgery_token_is_refused_and_changes_nothing()
    {
        using var site = new TestSite(seed: false);
        await PortalTestData.MemberAsync(site, "wy-geng", "示例委员庚");
        using var member = await PortalTestData.SignInAsync(site, "wy-geng");

        var forged = await member.Client.PostAsync("/member/proposals", new FormUrlEncodedContent(new Dictionary<string, string> { ["title"] = "伪造的提案" }));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("页面已过期", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var (_, home) = await member.GetAsync("/member");
        Assert.DoesNotContain("伪造的提案", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_user_who_is_no_member_is_refused_the_portal()
    {
        using var site = new TestSite(seed: false);
        using var editor = await AdminSession.LoginAsync(site, "bianji", "Editor");

        var (status, html) = await editor.GetAsync("/member");

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("委员之家仅供委员使用", html, StringComparison.Ordinal);
    }
}
