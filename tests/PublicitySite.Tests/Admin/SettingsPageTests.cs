using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using PublicitySite.Audit;
using PublicitySite.Settings;
using PublicitySite.Tests.Infrastructure;
using PublicitySite.Tests.Site;

namespace PublicitySite.Tests.Admin;

public sealed partial class SettingsPageTests : IClassFixture<BlankSiteFixture>
{
    private readonly TestSite site;

    public SettingsPageTests(BlankSiteFixture fixture) => site = fixture.Site;

    [Fact]
    public async Task An_administrator_saves_and_the_cached_home_page_footer_shows_the_new_ICP_number_at_once()
    {
        var reader = SiteContent.Reader(site);
        var before = await reader.GetStringAsync(new Uri("/", UriKind.Relative));
        Assert.DoesNotContain("京ICP备20240001号-2", before);
        await reader.GetStringAsync(new Uri("/", UriKind.Relative)); // now certainly served from the page cache

        using var admin = await AdminSession.LoginAsync(site, "settings-admin", "Administrator");
        var form = await FormAsync(admin);
        form["s.IcpNumber"] = "京ICP备20240001号-2";
        form["s.PoliceNumber"] = "京公网安备 11010502000001号";
        var saved = await admin.PostAsync("/admin/settings", form, "/admin/settings");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var home = await reader.GetStringAsync(new Uri("/", UriKind.Relative));
        Assert.Contains("京ICP备20240001号-2", home);
        Assert.Contains("京公网安备 11010502000001号", home);
        var (_, page) = await admin.GetAsync("/admin/settings");
        Assert.Contains("网站设置已保存（2 项）", page);
        Assert.Contains("value=\"京ICP备20240001号-2\"", page);

        var (_, lines) = await RunAsync<AuditLog, (int, IReadOnlyList<AuditEntry>)>(a => a.QueryAsync(new AuditFilter { Actor = "settings-admin", Action = AuditActions.SettingChanged }));
        Assert.Equal(["IcpNumber", "PoliceNumber"], lines.Select(l => l.Target!).Order(StringComparer.Ordinal));
        Assert.Contains(lines, l => l.Detail!.Contains("ICP备案号", StringComparison.Ordinal) && l.Detail.Contains("→ “京ICP备20240001号-2”", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Publisher")]
    [InlineData("Reviewer")]
    [InlineData("Editor")]
    [InlineData("Contributor")]
    [InlineData("ProposalClerk")]
    [InlineData("HistoryEditor")]
    public async Task Other_roles_are_forbidden_to_read_or_save_and_see_no_link(string role)
    {
        using var admin = await AdminSession.LoginAsync(site, "settings-admin", "Administrator");
        var form = await FormAsync(admin);
        using var other = await AdminSession.LoginAsync(site, "settings-" + role.ToLowerInvariant(), role);

        var (status, html) = await other.GetAsync("/admin/settings");
        form["s.Slogan"] = "越权写入的标语";
        var post = await other.PostAsync("/admin/settings", form);

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("无权修改网站设置", html);
        Assert.DoesNotContain("name=\"s.SiteName\"", html);
        Assert.DoesNotContain("href=\"/admin/settings\"", (await other.GetAsync("/admin")).Html);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.NotEqual("越权写入的标语", (await SettingsAsync())[SiteSettingKeys.Slogan]);
    }

    [Theory]
    [InlineData("s.SiteName", "", "请填写网站名称")]
    [InlineData("s.IcpNumber", "ICP 12345", "ICP备案号格式不正确")]
    [InlineData("s.SiteIDCode", "61010000", "网站标识码格式不正确")]
    [InlineData("s.SiteDomain", "https://www.example.gov.cn/index", "网站域名格式不正确")]
    [InlineData("s.PoliceNumber", "公安备案", "公安备案号格式不正确")]
    public async Task Invalid_input_gives_400_with_a_Chinese_message_and_nothing_is_saved(string field, string value, string message)
    {
        using var admin = await AdminSession.LoginAsync(site, "settings-admin", "Administrator");
        var before = await SettingsAsync();
        var form = await FormAsync(admin);
        form["s.Contact"] = "联系电话：010-12345678（不应保存）";
        form[field] = value;

        var response = await admin.PostAsync("/admin/settings", form, "/admin/settings");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, html);
        Assert.Contains("aria-invalid=\"true\"", html);
        Assert.Contains("value=\"联系电话：010-12345678（不应保存）\"", html); // the form keeps what was typed
        var after = await SettingsAsync();
        Assert.Equal(before.Values.OrderBy(p => p.Key), after.Values.OrderBy(p => p.Key));
    }

    [Fact]
    public async Task A_form_without_the_antiforgery_token_is_refused()
    {
        using var admin = await AdminSession.LoginAsync(site, "settings-admin", "Administrator");
        var form = await FormAsync(admin);
        form["s.Slogan"] = "没有令牌的标语";

        var response = await admin.Client.PostAsync(new Uri("/admin/settings", UriKind.Relative), new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEqual("没有令牌的标语", (await SettingsAsync())[SiteSettingKeys.Slogan]);
    }

    /// <summary>The form's fields as the page fills them.</summary>
    private static async Task<Dictionary<string, string>> FormAsync(AdminSession session)
    {
        var (status, html) = await session.GetAsync("/admin/settings");
        Assert.Equal(HttpStatusCode.OK, status);
        var fields = InputPattern().Matches(html).ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));
        Assert.Contains("s.IcpNumber", fields.Keys);
        return fields;
    }

    private Task<SiteSettings> SettingsAsync() => RunAsync<SiteSettingsService, SiteSettings>(s => s.GetAsync());

    private async Task<TResult> RunAsync<TService, TResult>(Func<TService, Task<TResult>> action)
        where TService : notnull
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<TService>());
    }

    [GeneratedRegex("name=\"(s\\.[A-Za-z]+)\" value=\"([^\"]*)\"")]
    private static partial Regex InputPattern();
}
