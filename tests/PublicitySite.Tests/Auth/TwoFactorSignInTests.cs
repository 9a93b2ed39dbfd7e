using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublicitySite.Audit;
using PublicitySite.Storage;
using PublicitySite.Tests.Admin;
using PublicitySite.Tests.Infrastructure;
using PublicitySite.Tests.Workflow;
using PublicitySite.Users;

namespace PublicitySite.Tests.Auth;

/// <summary>Two-step sign-in (TOTP) through the real pages: enrolment, the second step, recovery codes, reset.</summary>
public sealed class TwoFactorSignInTests
{
    private static readonly Dictionary<string, string?> DefaultRoles = new() { ["Admin:TwoFactor:RequiredRoles"] = "Administrator,Publisher" };

    private static async Task<List<AuditEntry>> AuditAsync(TestSite site, string target)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<AuditEntry>().Where(e => e.Target == target).OrderBy(e => e.Id).ToListAsync();
    }

    private static bool HasSessionCookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("publicity.admin=", StringComparison.Ordinal) && !c.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase));

    [Fact]
    public async Task Enrolment_shows_a_qr_code_and_the_key_and_a_code_from_the_key_turns_it_on_with_ten_recovery_codes_shown_once()
    {
        using var site = new TestSite(seed: false);
        using var session = await AdminSession.LoginAsync(site, "tf-enrol", "Editor");

        var (_, page) = await session.GetAsync("/admin/account/two-factor");
        Assert.Contains("src=\"data:image/png;base64,", page, StringComparison.Ordinal);
        var (key, codes, html) = await TwoFactorSteps.EnrolAsync(session);

        Assert.Equal(await TwoFactorSteps.StoredKeyAsync(site, "tf-enrol"), key, ignoreCase: true);
        Assert.Equal(10, codes.Count);
        Assert.Equal(10, codes.Distinct().Count());
        Assert.Contains("只显示这一次", html, StringComparison.Ordinal);
        var (status, after) = await session.GetAsync("/admin/account/two-factor"); // this session goes on after the stamp changed
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("两步验证已启用", after, StringComparison.Ordinal);
        Assert.Empty(TwoFactorSteps.RecoveryCodes(after));
        Assert.Contains(await AuditAsync(site, "tf-enrol"), e => e.Action == AuditActions.TwoFactorEnabled);
    }

    [Fact]
    public async Task A_wrong_confirmation_code_does_not_turn_it_on()
    {
        using var site = new TestSite(seed: false);
        using var session = await AdminSession.LoginAsync(site, "tf-wrong-enrol", "Editor");
        await session.GetAsync("/admin/account/two-factor");

        var response = await session.PostAsync("/admin/account/two-factor?handler=Confirm", new() { ["code"] = "12345" }, "/admin/account/two-factor");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("验证码不正确", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var scope = site.Services.CreateAsyncScope();
        Assert.False((await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByNameAsync("tf-wrong-enrol"))!.TwoFactorEnabled);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task After_the_password_no_session_cookie_is_issued_until_the_code_and_admin_is_not_reachable_meanwhile(Db db)
    {
        using var site = new TestSite(seed: false, db: db);
        string key;
        using (var enrolling = await AdminSession.LoginAsync(site, "tf-signin", "Editor"))
        {
            (key, _, _) = await TwoFactorSteps.EnrolAsync(enrolling);
        }

        using var session = new AdminSession(AdminSession.NewClient(site));
        var password = await session.PostAsync("/admin/login", new() { ["name"] = "tf-signin", ["password"] = Editorial.Password }, "/admin/login");
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        Assert.Equal("/admin/login/two-factor", password.Headers.Location!.OriginalString);
        Assert.False(HasSessionCookie(password));
        var skipped = await session.Client.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.Redirect, skipped.StatusCode);
        Assert.StartsWith("/admin/login", skipped.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        var second = await session.PostSecondStepAsync(TwoFactorSteps.CodeFor(key, 1));

        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.True(HasSessionCookie(second));
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/admin")).Status);
        Assert.Contains(await AuditAsync(site, "tf-signin"), e => e.Action == AuditActions.Login && (e.Detail ?? "").Contains("验证器应用", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_wrong_code_is_refused_counted_and_audited_and_a_used_code_is_not_taken_twice()
    {
        using var site = new TestSite(seed: false);
        string key;
        using (var enrolling = await AdminSession.LoginAsync(site, "tf-guess", "Editor"))
        {
            (key, _, _) = await TwoFactorSteps.EnrolAsync(enrolling);
        }

        using var session = new AdminSession(AdminSession.NewClient(site));
        await session.PostAsync("/admin/login", new() { ["name"] = "tf-guess", ["password"] = Editorial.Password }, "/admin/login");
        var right = TwoFactorSteps.CodeFor(key, 1);
        var wrong = await session.PostSecondStepAsync(right == "000000" ? "111111" : "000000");

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.False(HasSessionCookie(wrong));
        Assert.Contains("验证码不正确", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(await AuditAsync(site, "tf-guess"), e => e.Action == AuditActions.LoginFailed && (e.Detail ?? "").Contains("两步验证码错误（15 分钟内第 1 次）", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Redirect, (await session.PostSecondStepAsync(right)).StatusCode);

        // The same code, seen over someone's shoulder, does not sign in a second browser.
        using var other = new AdminSession(AdminSession.NewClient(site));
        await other.PostAsync("/admin/login", new() { ["name"] = "tf-guess", ["password"] = Editorial.Password }, "/admin/login");
        var replayed = await other.PostSecondStepAsync(right);
        Assert.Equal(HttpStatusCode.Unauthorized, replayed.StatusCode);
        Assert.False(HasSessionCookie(replayed));
    }

    [Fact]
    public async Task Five_wrong_codes_drop_the_password_step_and_bring_the_question_at_the_next_sign_in()
    {
        using var site = new TestSite(seed: false, settings: new() { ["Admin:Login:MaxDelaySeconds"] = "1" });
        using (var enrolling = await AdminSession.LoginAsync(site, "tf-five", "Editor"))
        {
            await TwoFactorSteps.EnrolAsync(enrolling);
        }

        using var session = new AdminSession(AdminSession.NewClient(site));
        await session.PostAsync("/admin/login", new() { ["name"] = "tf-five", ["password"] = Editorial.Password }, "/admin/login");
        HttpResponseMessage last = null!;
        for (var i = 0; i < 5; i++)
        {
            last = await session.PostSecondStepAsync("abcdef");
        }

        Assert.Contains("请重新登录", await last.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var gone = await session.Client.GetAsync("/admin/login/two-factor");
        Assert.Equal("/admin/login", gone.Headers.Location?.OriginalString);
        var (_, login) = await session.GetAsync("/admin/login");
        Assert.Contains("验证问题", login, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once_and_never_again()
    {
        using var site = new TestSite(seed: false);
        IReadOnlyList<string> codes;
        using (var enrolling = await AdminSession.LoginAsync(site, "tf-recover", "Editor"))
        {
            (_, codes, _) = await TwoFactorSteps.EnrolAsync(enrolling);
        }

        using var first = new AdminSession(AdminSession.NewClient(site));
        await first.PostAsync("/admin/login", new() { ["name"] = "tf-recover", ["password"] = Editorial.Password }, "/admin/login");
        var used = await first.PostSecondStepAsync(codes[3].ToLowerInvariant());
        Assert.Equal(HttpStatusCode.Redirect, used.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/admin")).Status);

        using var second = new AdminSession(AdminSession.NewClient(site));
        await second.PostAsync("/admin/login", new() { ["name"] = "tf-recover", ["password"] = Editorial.Password }, "/admin/login");
        var again = await second.PostSecondStepAsync(codes[3]);
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
        Assert.Contains(await AuditAsync(site, "tf-recover"), e => e.Action == AuditActions.Login && e.Detail == "两步验证：恢复码（还剩 9 个）");
    }

    [Fact]
    public async Task The_second_step_page_without_a_password_step_leads_back_to_the_login()
    {
        using var site = new TestSite(seed: false);
        using var session = new AdminSession(AdminSession.NewClient(site));

        var page = await session.Client.GetAsync("/admin/login/two-factor");
        Assert.Equal("/admin/login", page.Headers.Location?.OriginalString);
        var (_, login) = await session.GetAsync("/admin/login");
        var token = System.Text.RegularExpressions.Regex.Match(login, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var posted = await session.Client.PostAsync("/admin/login/two-factor", new FormUrlEncodedContent(new Dictionary<string, string> { ["code"] = "123456", ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token) }));
        Assert.Equal(HttpStatusCode.Unauthorized, posted.StatusCode);
        Assert.False(HasSessionCookie(posted));
    }

    [Fact]
    public async Task A_user_of_a_required_role_is_held_at_enrolment_until_done_while_api_tokens_still_work()
    {
        using var site = new TestSite(seed: false, settings: DefaultRoles);
        using var session = await AdminSession.LoginAsync(site, "tf-held", "Administrator");

        var admin = await session.Client.GetAsync("/admin");
        Assert.Equal("/admin/account/two-factor", admin.Headers.Location?.OriginalString);
        var content = await session.Client.GetAsync("/admin/users");
        Assert.Equal("/admin/account/two-factor", content.Headers.Location?.OriginalString);
        var (status, page) = await session.GetAsync("/admin/account/two-factor");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("要求启用两步验证", page, StringComparison.Ordinal);
        Assert.DoesNotContain("aria-label=\"管理菜单\"", page, StringComparison.Ordinal); // no menu that leads nowhere
        using var write = await session.Client.PostAsync("/api/admin/search/reindex", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        Assert.Contains("两步验证", await write.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var read = await session.Client.GetAsync("/api/admin/search/status");
        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        using var token = await site.ClientAsync("tf-held", "Administrator");
        using var byToken = await token.GetAsync("/api/admin/search/status");
        Assert.Equal(HttpStatusCode.OK, byToken.StatusCode);

        await TwoFactorSteps.EnrolAsync(session);

        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/admin/users")).Status);
        var (_, home) = await session.GetAsync("/admin");
        Assert.Contains("aria-label=\"管理菜单\"", home, StringComparison.Ordinal);
        using var readAfter = await session.Client.GetAsync("/api/admin/search/status");
        Assert.Equal(HttpStatusCode.OK, readAfter.StatusCode);
    }

    [Fact]
    public async Task The_first_administrator_of_a_new_site_is_led_to_enrol_at_the_first_sign_in()
    {
        using var site = new TestSite(seed: false, settings: DefaultRoles);
        using var session = new AdminSession(AdminSession.NewClient(site));
        var password = await session.PostAsync("/admin/login", new() { ["name"] = "admin", ["password"] = TestSite.AdminPassword }, "/admin/login");
        Assert.Equal("/admin", password.Headers.Location?.OriginalString);

        Assert.Equal("/admin/account/two-factor", (await session.Client.GetAsync("/admin")).Headers.Location?.OriginalString);
        var (key, _, _) = await TwoFactorSteps.EnrolAsync(session);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/admin")).Status);

        using var next = await TwoFactorSteps.SignInAsync(site, "admin", TestSite.AdminPassword, key);
        Assert.Equal(HttpStatusCode.OK, (await next.GetAsync("/admin")).Status);
    }

    [Fact]
    public async Task Roles_not_named_in_the_setting_are_not_held()
    {
        using var site = new TestSite(seed: false, settings: DefaultRoles);
        using var session = await AdminSession.LoginAsync(site, "tf-editor", "Editor");
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/admin")).Status);
    }

    [Fact]
    public async Task An_administrator_resets_a_users_two_factor_audited_and_the_users_sessions_end()
    {
        using var site = new TestSite(seed: false, settings: DefaultRoles);
        using var admin = await AdminSession.LoginAsync(site, "tf-admin", "Administrator");
        await TwoFactorSteps.EnrolAsync(admin);
        using var user = await AdminSession.LoginAsync(site, "tf-lost-phone", "Publisher");
        await TwoFactorSteps.EnrolAsync(user);
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/admin")).Status);
        var (_, users) = await admin.GetAsync("/admin/users");
        Assert.Contains("重置两步验证", users, StringComparison.Ordinal);

        var reset = await admin.PostAsync("/admin/users?handler=ResetTwoFactor", new() { ["name"] = "tf-lost-phone" }, "/admin/users");

        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        var ended = await user.Client.GetAsync("/admin");
        Assert.StartsWith("/admin/login", ended.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Contains(await AuditAsync(site, "tf-lost-phone"), e => e.Action == AuditActions.TwoFactorReset && e.Actor == "tf-admin");
        // Signing in again needs no code, and the role sends the user to enrol anew.
        using var again = new AdminSession(AdminSession.NewClient(site));
        var password = await again.PostAsync("/admin/login", new() { ["name"] = "tf-lost-phone", ["password"] = Editorial.Password }, "/admin/login");
        Assert.Equal("/admin", password.Headers.Location?.OriginalString);
        Assert.Equal("/admin/account/two-factor", (await again.Client.GetAsync("/admin")).Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Only_roles_that_manage_users_may_reset_two_factor()
    {
        using var site = new TestSite(seed: false);
        using var editor = await AdminSession.LoginAsync(site, "tf-not-admin", "Editor");
        await site.Services.UserAsync("tf-target", "Editor");

        var refused = await editor.PostAsync("/admin/users?handler=ResetTwoFactor", new() { ["name"] = "tf-target" }, "/admin");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.DoesNotContain(await AuditAsync(site, "tf-target"), e => e.Action == AuditActions.TwoFactorReset);
    }
}
