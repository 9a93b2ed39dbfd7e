using System.Net;
using PublicitySite.Tests.Admin;
using PublicitySite.Tests.Auth;
using PublicitySite.Tests.Infrastructure;

namespace PublicitySite.Tests.Cli;

/// <summary>
/// <c>user passwd</c>, <c>user disable</c> and <c>user enable</c> run as real processes against the data
/// directory of a running site, whose sessions must end at once.
/// </summary>
public sealed class UserAccountCommandTests
{
    [Fact]
    public async Task Passwd_sets_a_new_password_that_signs_in_and_ends_the_old_session()
    {
        using var site = new TestSite(seed: false);
        using var session = await SignInAsync(site, "admin", TestSite.AdminPassword);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/admin")).Status);

        var changed = await SiteProcess.RunAsync(site.DataDir, "user", "passwd", "admin", "--password", "new-admin-pass-9");

        Assert.True(changed.ExitCode == 0, changed.Error);
        var (status, _) = await session.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.Redirect, status);
        using var fresh = await SignInAsync(site, "admin", "new-admin-pass-9");
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync("/admin")).Status);
    }

    [Fact]
    public async Task Passwd_generates_a_password_on_request_and_reads_one_from_a_pipe()
    {
        using var dir = new TestDirectory();
        var generated = await SiteProcess.RunAsync(dir.Path, "user", "passwd", "admin", "--generate");
        var piped = await SiteProcess.RunInAsync(dir.Path, null, "piped-password-7", "user", "passwd", "admin", "--data-dir", dir.Path);

        Assert.Equal(0, generated.ExitCode);
        Assert.Contains("新密码（只显示这一次）：", generated.Output, StringComparison.Ordinal);
        Assert.Equal(0, piped.ExitCode);
        Assert.Contains("已重设 admin 的密码", piped.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Passwd_refuses_a_weak_password_in_Chinese_and_keeps_the_old_one()
    {
        using var site = new TestSite(seed: false);
        site.CreateClient().Dispose();

        var weak = await SiteProcess.RunAsync(site.DataDir, "user", "passwd", "admin", "--password", "short");
        var unknown = await SiteProcess.RunAsync(site.DataDir, "user", "passwd", "nobody", "--password", "long-enough-12");

        Assert.Equal(1, weak.ExitCode);
        Assert.Contains("密码至少 12 位", weak.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Passwords must", weak.Error, StringComparison.Ordinal);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("用户“nobody”不存在", unknown.Error, StringComparison.Ordinal);
        using var old = await SignInAsync(site, "admin", TestSite.AdminPassword);
        Assert.Equal(HttpStatusCode.OK, (await old.GetAsync("/admin")).Status);
    }

    [Fact]
    public async Task Disable_ends_sessions_and_refuses_sign_in_until_enable()
    {
        using var site = new TestSite(seed: false);
        site.CreateClient().Dispose();
        var added = await SiteProcess.RunAsync(site.DataDir, "user", "add", "tingyong", "--role", "Editor", "--password", "bianji-12345");
        Assert.Equal(0, added.ExitCode);
        using var session = await SignInAsync(site, "tingyong", "bianji-12345");
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/admin")).Status);

        var disabled = await SiteProcess.RunAsync(site.DataDir, "user", "disable", "tingyong");
        var listed = await SiteProcess.RunAsync(site.DataDir, "user", "list");

        Assert.Equal(0, disabled.ExitCode);
        Assert.Contains("已停用", listed.Output, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await session.GetAsync("/admin")).Status);
        using (var refused = new AdminSession(AdminSession.NewClient(site)))
        {
            await refused.PostAsync("/admin/login", new() { ["name"] = "tingyong", ["password"] = "bianji-12345" }, "/admin/login");
            Assert.Equal(HttpStatusCode.Redirect, (await refused.GetAsync("/admin")).Status);
        }

        var enabled = await SiteProcess.RunAsync(site.DataDir, "user", "enable", "tingyong");
        Assert.Equal(0, enabled.ExitCode);
        using var again = await SignInAsync(site, "tingyong", "bianji-12345");
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/admin")).Status);
    }

    [Fact]
    public async Task Reset_2fa_lets_a_user_who_lost_the_phone_sign_in_with_the_password_and_ends_the_session()
    {
        using var site = new TestSite(seed: false);
        using var session = await SignInAsync(site, "admin", TestSite.AdminPassword);
        var (key, _, _) = await TwoFactorSteps.EnrolAsync(session);

        var reset = await SiteProcess.RunAsync(site.DataDir, "user", "reset-2fa", "admin");
        var unknown = await SiteProcess.RunAsync(site.DataDir, "user", "reset-2fa", "nobody");

        Assert.True(reset.ExitCode == 0, reset.Error);
        Assert.Contains("已重置两步验证", reset.Output, StringComparison.Ordinal);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("用户“nobody”不存在", unknown.Error, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await session.GetAsync("/admin")).Status);
        using var again = await SignInAsync(site, "admin", TestSite.AdminPassword);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/admin")).Status);
        Assert.NotEqual(key, await TwoFactorSteps.StoredKeyAsync(site, "admin"));
    }

    [Fact]
    public async Task A_password_generated_by_add_or_passwd_must_be_changed_at_first_sign_in()
    {
        using var site = new TestSite(seed: false);
        site.CreateClient().Dispose();
        var added = await SiteProcess.RunAsync(site.DataDir, "user", "add", "shengcheng", "--role", "Editor");
        var reset = await SiteProcess.RunAsync(site.DataDir, "user", "passwd", "admin", "--generate");

        Assert.Equal(0, added.ExitCode);
        Assert.Equal(0, reset.ExitCode);
        foreach (var (name, output) in new[] { ("shengcheng", added.Output), ("admin", reset.Output) })
        {
            var password = System.Text.RegularExpressions.Regex.Match(output, "只显示这一次[^：]*：(\\S+)").Groups[1].Value;
            using var session = await SignInAsync(site, name, password);
            var held = await session.Client.GetAsync("/admin");
            Assert.Equal("/admin/account/password", held.Headers.Location?.OriginalString);
        }
    }

    private static async Task<AdminSession> SignInAsync(TestSite site, string name, string password)
    {
        var session = new AdminSession(AdminSession.NewClient(site));
        await session.PostAsync("/admin/login", new() { ["name"] = name, ["password"] = password }, "/admin/login");
        return session;
    }
}
