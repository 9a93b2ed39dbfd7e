using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublicitySite.Audit;
using PublicitySite.Storage;
using PublicitySite.Tests.Infrastructure;
using PublicitySite.Tests.Workflow;

namespace PublicitySite.Tests.Admin;

/// <summary>我的账户 → 修改密码 for every user, and the change a generated password forces at first sign-in.</summary>
public sealed partial class AccountPasswordTests
{
    private static Task<HttpResponseMessage> ChangeAsync(AdminSession session, string current, string password, string repeat) =>
        session.PostAsync("/admin/account/password", new() { ["current"] = current, ["password"] = password, ["repeat"] = repeat }, "/admin/account/password");

    private static async Task<AdminSession> PasswordOnlyAsync(TestSite site, string name, string password)
    {
        var session = new AdminSession(AdminSession.NewClient(site));
        var response = await session.PostAsync("/admin/login", new() { ["name"] = name, ["password"] = password }, "/admin/login");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return session;
    }

    [Fact]
    public async Task Changing_ones_own_password_keeps_this_session_ends_the_others_and_is_audited()
    {
        using var site = new TestSite(seed: false);
        using var here = await AdminSession.LoginAsync(site, "pw-self", "Contributor");
        using var elsewhere = await PasswordOnlyAsync(site, "pw-self", Editorial.Password);
        Assert.Equal(HttpStatusCode.OK, (await elsewhere.GetAsync("/admin")).Status);

        var changed = await ChangeAsync(here, Editorial.Password, "violet-harbour-27", "violet-harbour-27");

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/admin/account")).Status);
        var other = await elsewhere.Client.GetAsync("/admin");
        Assert.StartsWith("/admin/login", other.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        using var fresh = await PasswordOnlyAsync(site, "pw-self", "violet-harbour-27");
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync("/admin")).Status);
        await using var scope = site.Services.CreateAsyncScope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<AuditEntry>()
            .AnyAsync(e => e.Action == AuditActions.PasswordSet && e.Actor == "pw-self" && e.Target == "pw-self"));
    }

    [Theory]
    [InlineData("wrong-current-9", "violet-harbour-27", "violet-harbour-27", "当前密码不正确")]
    [InlineData(Editorial.Password, "violet-harbour-27", "violet-harbour-28", "两次输入的新密码不一致")]
    [InlineData(Editorial.Password, "short1", "short1", "密码至少 12 位")]
    [InlineData(Editorial.Password, "zhengxie2024", "zhengxie2024", "常见")]
    [InlineData(Editorial.Password, Editorial.Password, Editorial.Password, "不能与当前密码相同")]
    public async Task A_refused_change_says_why_in_Chinese_and_keeps_the_old_password(string current, string password, string repeat, string message)
    {
        using var site = new TestSite(seed: false);
        using var session = await AdminSession.LoginAsync(site, "pw-refused", "Editor");

        var refused = await ChangeAsync(session, current, password, repeat);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains(message, await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/admin")).Status);
        using var old = await PasswordOnlyAsync(site, "pw-refused", Editorial.Password);
        Assert.Equal(HttpStatusCode.OK, (await old.GetAsync("/admin")).Status);
    }

    [Fact]
    public async Task A_password_generated_on_the_users_page_must_be_changed_before_anything_else()
    {
        using var site = new TestSite(seed: false);
        using var admin = await AdminSession.LoginAsync(site, "pw-admin", "Administrator");
        await site.Services.UserAsync("pw-new", "Editor");

        var generated = await admin.PostAsync("/admin/users?handler=GeneratePassword", new() { ["name"] = "pw-new" }, "/admin/users");
        var html = await generated.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, generated.StatusCode);
        var password = GeneratedPassword().Match(html).Groups[1].Value;
        Assert.NotEmpty(password);

        using var user = await PasswordOnlyAsync(site, "pw-new", password);
        Assert.Equal("/admin/account/password", (await user.Client.GetAsync("/admin")).Headers.Location?.OriginalString);
        Assert.Equal("/admin/account/password", (await user.Client.GetAsync("/admin/account/two-factor")).Headers.Location?.OriginalString);
        var (status, page) = await user.GetAsync("/admin/account/password");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("系统生成的初始密码", page, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await ChangeAsync(user, password, "amber-lantern-83", "amber-lantern-83")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/admin")).Status);
    }

    [Fact]
    public async Task A_user_added_on_the_users_page_without_a_password_gets_a_generated_one_to_change()
    {
        using var site = new TestSite(seed: false);
        using var admin = await AdminSession.LoginAsync(site, "pw-adder", "Administrator");

        var added = await admin.PostAsync("/admin/users?handler=Add", new() { ["name"] = "pw-added", ["role"] = "Editor", ["password"] = "" }, "/admin/users");
        var password = GeneratedPassword().Match(await added.Content.ReadAsStringAsync()).Groups[1].Value;

        using var user = await PasswordOnlyAsync(site, "pw-added", password);
        Assert.Equal("/admin/account/password", (await user.Client.GetAsync("/admin/content")).Headers.Location?.OriginalString);
    }

    [GeneratedRegex("id=\"generated-password\">.*?<code>([^<]+)</code>", RegexOptions.Singleline)]
    private static partial Regex GeneratedPassword();
}
