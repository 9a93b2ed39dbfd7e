using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublicitySite.Audit;
using PublicitySite.Contents;
using PublicitySite.MemberPortal;
using PublicitySite.Storage;
using PublicitySite.Tests.Admin;
using PublicitySite.Tests.Infrastructure;

namespace PublicitySite.Tests.MemberPortal;

/// <summary>委员账户: the office opens accounts from the member directory, one or many, passwords shown once or on sealed slips.</summary>
public sealed partial class MemberAccountIssueTests
{
    private static async Task<string> ProfileAsync(TestSite site, string name, string? email = null)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var contents = scope.ServiceProvider.GetRequiredService<ContentManager>();
        var created = await contents.CreateAsync("Member", new JsonObject { ["title"] = name, ["body"] = "简介", ["sector"] = "教育界", ["email"] = email }, "admin");
        Assert.True(created.Succeeded, created.Failure?.Detail);
        return created.Value!.ContentItemId;
    }

    [Fact]
    public async Task The_clerk_opens_accounts_in_bulk_and_each_generated_password_must_be_changed_at_first_sign_in()
    {
        using var site = new TestSite(seed: false);
        var zhang = await ProfileAsync(site, "张三", "zhangsan@example.cn");
        var li = await ProfileAsync(site, "李四");
        await ProfileAsync(site, "王五");
        using var clerk = await AdminSession.LoginAsync(site, "ti-clerk", "ProposalClerk");

        var (listed, before) = await clerk.GetAsync("/admin/members/accounts");
        var response = await clerk.PostRowsAsync("/admin/members/accounts", [new("member", zhang), new("member", li), new("email-" + li, "lisi@example.cn")], "/admin/members/accounts");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, listed);
        Assert.Contains("尚未开通账户的委员（3 人）", before, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var issued = IssuedRow().Matches(html).ToDictionary(m => m.Groups[1].Value, m => (User: m.Groups[2].Value, Password: WebUtility.HtmlDecode(m.Groups[3].Value)));
        Assert.Equal(2, issued.Count);
        Assert.Equal("zhangsan", issued["张三"].User);
        Assert.Equal("lisi", issued["李四"].User);
        Assert.Contains("尚未开通账户的委员（1 人）", html, StringComparison.Ordinal);

        await using (var scope = site.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.Equal(zhang, (await db.Set<MemberAccount>().SingleAsync(a => a.UserName == "zhangsan")).MemberId);
            Assert.Equal("zhangsan@example.cn", (await db.Users.SingleAsync(u => u.UserName == "zhangsan")).Email);
            Assert.Equal("lisi@example.cn", (await db.Users.SingleAsync(u => u.UserName == "lisi")).Email);
            Assert.Equal(2, await db.Set<AuditEntry>().CountAsync(e => e.Action == AuditActions.MemberAccountLinked && e.Actor == "ti-clerk"));
        }

        // The clear password is nowhere in the data directory's database files.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(site.DataDir, "*.db*", SearchOption.AllDirectories))
        {
            var bytes = File.ReadAllText(file, System.Text.Encoding.Latin1);
            Assert.DoesNotContain(issued["张三"].Password, bytes, StringComparison.Ordinal);
        }

        using var member = new AdminSession(AdminSession.NewClient(site));
        var signedIn = await member.PostAsync("/admin/login", new() { ["name"] = "zhangsan", ["password"] = issued["张三"].Password }, "/admin/login");
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/admin/account/password", (await member.Client.GetAsync("/member")).Headers.Location?.OriginalString);
        var changed = await member.PostAsync("/admin/account/password", new() { ["current"] = issued["张三"].Password, ["password"] = "amber-lantern-83", ["repeat"] = "amber-lantern-83" }, "/admin/account/password");
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        var (home, page) = await member.GetAsync("/member");
        Assert.Equal(HttpStatusCode.OK, home);
        Assert.Contains("张三 委员，您好", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sealed_slips_are_one_printable_slip_per_member_with_cut_lines()
    {
        using var site = new TestSite(seed: false);
        var a = await ProfileAsync(site, "赵六");
        var b = await ProfileAsync(site, "钱七");
        using var admin = await AdminSession.LoginAsync(site, "ti-admin", "Administrator");

        var response = await admin.PostRowsAsync("/admin/members/accounts", [new("member", a), new("member", b), new("slips", "1")], "/admin/members/accounts");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, Regex.Count(html, "<section class=\"slip\">"));
        Assert.Contains("沿虚线剪开", html, StringComparison.Ordinal);
        Assert.Contains("@media print", html, StringComparison.Ordinal);
        Assert.Contains("<dd>zhaoliu</dd>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("管理菜单", html, StringComparison.Ordinal); // the slips page has no admin bar to print
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task One_account_opens_from_its_row_and_a_second_try_or_an_empty_choice_is_refused_in_Chinese()
    {
        using var site = new TestSite(seed: false);
        var id = await ProfileAsync(site, "孙八");
        using var clerk = await AdminSession.LoginAsync(site, "ti-clerk2", "ProposalClerk");

        var one = await clerk.PostRowsAsync("/admin/members/accounts", [new("only", id)], "/admin/members/accounts");
        var again = await clerk.PostRowsAsync("/admin/members/accounts", [new("only", id)], "/admin/members/accounts");
        var none = await clerk.PostRowsAsync("/admin/members/accounts", [], "/admin/members/accounts");
        var zhou = await ProfileAsync(site, "周九");
        var badMail = await clerk.PostRowsAsync("/admin/members/accounts", [new("only", zhou), new("email-" + zhou, "不是邮箱")], "/admin/members/accounts");

        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        Assert.Contains("<td>sunba</td>", await one.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("不存在或已有账户", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Contains("请至少选择一位委员", await none.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badMail.StatusCode);
        Assert.Contains("电子邮箱“不是邮箱”格式不正确", await badMail.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Roles_outside_the_office_and_members_cannot_open_accounts()
    {
        using var site = new TestSite(seed: false);
        var id = await ProfileAsync(site, "吴十");
        using var editor = await AdminSession.LoginAsync(site, "ti-editor", "Editor");
        await PortalTestData.MemberAsync(site, "ti-member", "示例委员甲");
        using var member = await PortalTestData.SignInAsync(site, "ti-member");

        var (page, _) = await editor.GetAsync("/admin/members/accounts");
        var post = await editor.PostRowsAsync("/admin/members/accounts", [new("only", id)], "/admin/content");
        var byMember = await member.Client.GetAsync("/admin/members/accounts");

        Assert.Equal(HttpStatusCode.Forbidden, page);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, byMember.StatusCode);
        await using var scope = site.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<MemberAccount>().AnyAsync(a => a.MemberId == id));
    }

    [GeneratedRegex("<tr><td>([^<]+)</td><td>([a-z0-9]+)</td><td><code>([^<]+)</code></td></tr>")]
    private static partial Regex IssuedRow();
}
