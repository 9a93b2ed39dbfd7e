using System.Net;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;
using PublicitySite.Commands;
using PublicitySite.Contents.Definitions;
using PublicitySite.Mail;
using PublicitySite.MemberRecord;
using PublicitySite.Tests.Infrastructure;
using PublicitySite.Web.Admin;
using PublicitySite.Workflow;

namespace PublicitySite.Tests.Admin;

/// <summary>
/// Every admin page declares the permission it needs (<see cref="AdminPermissionAttribute"/>), and the gate
/// answers as the pages did by hand: 403 with the page's Chinese reason, or the page for a role holding it.
/// </summary>
public sealed class PageGateTests(BlankSiteFixture fixture) : IClassFixture<BlankSiteFixture>
{
    /// <summary>Pages every signed-in user may open: their own work, account and tokens.</summary>
    private static readonly string[] OpenToEverySignedInUser =
    [
        "PublicitySite.Web.Admin.Pages.IndexModel",
        "PublicitySite.Web.Admin.Pages.Account.IndexModel",
        "PublicitySite.Web.Admin.Pages.Account.PasswordModel",
        "PublicitySite.Web.Admin.Pages.Account.TwoFactorModel",
        "PublicitySite.Web.Admin.Pages.TokensModel",
    ];

    /// <summary>
    /// Pages whose every handler judges the item it shows (type- and column-scoped permissions, owner, stage).
    /// </summary>
    private static readonly string[] CheckedAgainstTheItem =
    [
        "PublicitySite.Web.Admin.Pages.Content.EditModel",
        "PublicitySite.Web.Admin.Pages.Content.ViewModel",
        "PublicitySite.Web.Admin.Pages.Content.ReviewModel",
        "PublicitySite.Web.Admin.Pages.Content.HistoryModel",
        "PublicitySite.Web.Admin.Pages.Content.SignOffModel",
        "PublicitySite.Web.Admin.Pages.Content.CurateModel",
    ];

    /// <summary>Signing in and out come before there is anyone to check.</summary>
    private static readonly string[] SignedOut =
    [
        "PublicitySite.Web.Admin.Pages.LoginModel",
        "PublicitySite.Web.Admin.Pages.LoginTwoFactorModel",
        "PublicitySite.Web.Admin.Pages.LogoutModel",
    ];

    private readonly TestSite site = fixture.Site;

    [Fact]
    public void Every_admin_page_declares_its_permission_or_is_listed_as_open_or_item_checked()
    {
        var pages = typeof(AdminPage).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, Namespace: not null } && t.IsSubclassOf(typeof(PageModel))
                && t.Namespace.StartsWith("PublicitySite.Web.Admin.Pages", StringComparison.Ordinal))
            .ToList();
        var exempt = OpenToEverySignedInUser.Concat(CheckedAgainstTheItem).ToHashSet(StringComparer.Ordinal);

        var ungated = pages.Where(t => t.IsSubclassOf(typeof(AdminPage)) && t.GetCustomAttribute<AdminPermissionAttribute>(inherit: true) is null && !exempt.Contains(t.FullName!));
        var listedButGated = pages.Where(t => exempt.Contains(t.FullName!) && t.GetCustomAttribute<AdminPermissionAttribute>(inherit: true) is not null);
        var outsideAdminPage = pages.Where(t => !t.IsSubclassOf(typeof(AdminPage)) && !SignedOut.Contains(t.FullName!));

        Assert.True(pages.Count > 30, $"only {pages.Count} page models found");
        Assert.Empty(ungated.Select(t => t.FullName));
        Assert.Empty(listedButGated.Select(t => t.FullName));
        Assert.Empty(outsideAdminPage.Select(t => t.FullName));
        Assert.Empty(exempt.Concat(SignedOut).Except(pages.Select(t => t.FullName!), StringComparer.Ordinal));
    }

    [Fact]
    public void Every_declared_permission_is_a_recipe_permission_and_every_reason_is_written_out()
    {
        var gates = typeof(AdminPage).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Instance | BindingFlags.Public | BindingFlags.DeclaredOnly).Cast<MemberInfo>().Prepend(t))
            .Select(m => (Member: m.DeclaringType?.Name + "." + m.Name, Gate: m.GetCustomAttribute<AdminPermissionAttribute>(inherit: false)))
            .Where(g => g.Gate is not null)
            .ToList();

        Assert.True(gates.Count > 15, $"only {gates.Count} gates found");
        Assert.All(gates, g => Assert.True(g.Gate!.AnyOf.Count > 0 && g.Gate.AnyOf.All(Permissions.All.Contains), g.Member));
        Assert.All(gates, g => Assert.True(g.Gate!.Reason is null || g.Gate.Reason.Trim().Length > 0, g.Member));
    }

    [Theory]
    [InlineData("/admin/settings", "Editor", "Administrator", "您的角色无权修改网站设置（仅管理员可操作）")]
    [InlineData("/admin/meetings", "Publisher", "ProposalClerk", MemberRecordTexts.MeetingsRefused)]
    [InlineData("/admin/mail", "Editor", "ProposalClerk", MailOutbox.Refusal)]
    public async Task A_role_without_the_permission_gets_403_with_the_pages_reason_and_a_role_holding_it_gets_the_page(string page, string refused, string admitted, string reason)
    {
        using var without = await AdminSession.LoginAsync(site, "gate-" + refused.ToLowerInvariant(), refused);
        using var with = await AdminSession.LoginAsync(site, "gate-" + admitted.ToLowerInvariant(), admitted);

        var (deniedStatus, deniedHtml) = await without.GetAsync(page);
        var (status, html) = await with.GetAsync(page);

        Assert.Equal(HttpStatusCode.Forbidden, deniedStatus);
        Assert.Contains($"<li>{reason}</li>", deniedHtml);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.DoesNotContain(reason, html);
    }

    [Fact]
    public async Task Without_a_reason_of_its_own_a_page_refuses_in_the_words_core_uses()
    {
        using var editor = await AdminSession.LoginAsync(site, "gate-duties-editor", "Editor");
        var expected = site.Services.GetRequiredService<CommandAccess>().Check(new Actor("gate-duties-editor", "Editor"), Permissions.RecordDuties)!.Detail;

        var (status, html) = await editor.GetAsync("/admin/duties");

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains($"<li>{expected}</li>", html);
        Assert.Contains("没有", expected);
    }

    [Fact]
    public async Task A_handler_that_answers_json_is_refused_in_json()
    {
        using var editor = await AdminSession.LoginAsync(site, "gate-json-editor", "Editor");
        using var admin = await AdminSession.LoginAsync(site, "gate-json-admin", "Administrator");

        var refused = await editor.Client.GetAsync(new Uri("/admin/search?handler=Status", UriKind.Relative));
        var admitted = await admin.Client.GetAsync(new Uri("/admin/search?handler=Status", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/json", refused.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal("您的角色无权管理搜索（仅管理员可操作）", body.RootElement.GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.OK, admitted.StatusCode);
        Assert.Equal("application/json", admitted.Content.Headers.ContentType?.MediaType);
    }
}
