using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using PublicitySite.Contents;
using PublicitySite.Tests.Admin;
using PublicitySite.Tests.Infrastructure;

namespace PublicitySite.Tests.Cli;

/// <summary><c>user add &lt;name&gt; --role Member --member &lt;profile id&gt;</c> as a real process, then the member's first sign-in.</summary>
public sealed partial class MemberAccountCommandTests
{
    [Fact]
    public async Task A_member_account_is_linked_to_its_profile_and_the_generated_password_is_changed_before_the_portal_opens()
    {
        using var site = new TestSite(seed: false);
        string profile;
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<ContentManager>()
                .CreateAsync("Member", new JsonObject { ["title"] = "示例委员己", ["body"] = "简介" }, "admin");
            profile = created.Value!.ContentItemId;
        }

        var added = await SiteProcess.RunAsync(site.DataDir, "user", "add", "wy-ji", "--role", "Member", "--member", profile);
        var again = await SiteProcess.RunAsync(site.DataDir, "user", "add", "wy-ji2", "--role", "Member", "--member", profile);
        var unlinked = await SiteProcess.RunAsync(site.DataDir, "user", "add", "wy-geng", "--role", "Member");
        var unknown = await SiteProcess.RunAsync(site.DataDir, "user", "add", "wy-xin", "--role", "Member", "--member", "01JZZZZZZZZZZZZZZZZZZZZZZZ");
        var wrongRole = await SiteProcess.RunAsync(site.DataDir, "user", "add", "bj", "--role", "Editor", "--member", profile);

        Assert.True(added.ExitCode == 0, added.Error);
        Assert.Contains("已添加用户 wy-ji（委员）", added.Output, StringComparison.Ordinal);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("已有账户“wy-ji”", again.Error, StringComparison.Ordinal);
        Assert.Equal(1, unlinked.ExitCode);
        Assert.Contains("--member", unlinked.Error, StringComparison.Ordinal);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("没有编号为", unknown.Error, StringComparison.Ordinal);
        Assert.Equal(1, wrongRole.ExitCode);

        var password = Generated().Match(added.Output).Groups[1].Value;
        var session = new AdminSession(AdminSession.NewClient(site));
        await session.PostAsync("/admin/login", new() { ["name"] = "wy-ji", ["password"] = password }, "/admin/login");
        Assert.Equal("/admin/account/password", (await session.Client.GetAsync("/member")).Headers.Location?.OriginalString);
        var changed = await session.PostAsync("/admin/account/password", new() { ["current"] = password, ["password"] = "weiyuan-ji-2026", ["repeat"] = "weiyuan-ji-2026" }, "/admin/account/password");
        Assert.Equal("/member", changed.Headers.Location?.OriginalString);
        var (status, home) = await session.GetAsync("/member");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("示例委员己 委员，您好", home, StringComparison.Ordinal);
    }

    [GeneratedRegex("初始密码（只显示这一次，首次登录后须修改）：(\\S+)")]
    private static partial Regex Generated();
}
