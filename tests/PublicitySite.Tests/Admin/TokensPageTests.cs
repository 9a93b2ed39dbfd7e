using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using PublicitySite.Audit;
using PublicitySite.Tests.Infrastructure;
using PublicitySite.Tests.Workflow;
using PublicitySite.Users;

namespace PublicitySite.Tests.Admin;

/// <summary><c>/admin/tokens</c>: make, see once, list and revoke API tokens, within the role's reach.</summary>
public sealed partial class TokensPageTests : IClassFixture<BlankSiteFixture>
{
    private readonly TestSite site;

    public TokensPageTests(BlankSiteFixture fixture) => site = fixture.Site;

    private static async Task<(HttpStatusCode Status, string Html)> CreateAsync(AdminSession session, string name, string expires, params string[] scopes)
    {
        var form = new List<KeyValuePair<string, string>> { new("name", name), new("expires", expires) };
        form.AddRange(scopes.Select(s => new KeyValuePair<string, string>("scopes", s)));
        var (_, page) = await session.GetAsync("/admin/tokens");
        form.Add(new("__RequestVerificationToken", WebUtility.HtmlDecode(AntiforgeryPattern().Match(page).Groups[1].Value)));
        var response = await session.Client.PostAsync("/admin/tokens?handler=Create", new FormUrlEncodedContent(form));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static string Secret(string html) => SecretPattern().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("no secret shown");

    private static long IdOf(string html, string name) =>
        long.Parse(Regex.Match(html, $"<td>(\\d+)</td><td>{Regex.Escape(name)}</td>").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    private static string InDays(int days) => DateTime.UtcNow.AddHours(8).AddDays(days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private HttpClient Bearer(string secret)
    {
        var client = site.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    [Fact]
    public async Task A_token_is_shown_once_works_at_once_and_a_revoked_token_gets_401_on_the_next_request()
    {
        var writer = await site.Services.UserAsync("w", "Contributor");
        var draft = await site.Services.DraftAsync(writer, "令牌页面草稿");
        using var session = await AdminSession.LoginAsync(site, "token-editor", "Editor");

        var (status, html) = await CreateAsync(session, "小程序读取草稿", InDays(30), TokenScopes.ReadDrafts);
        var secret = Secret(html);
        var (_, later) = await session.GetAsync("/admin/tokens");
        var api = Bearer(secret);
        var before = await api.GetAsync($"/api/content/{draft}/versions");
        var revoke = await session.PostAsync("/admin/tokens?handler=Revoke", new() { ["id"] = IdOf(later, "小程序读取草稿").ToString(System.Globalization.CultureInfo.InvariantCulture) }, "/admin/tokens");
        var after = await api.GetAsync($"/api/content/{draft}/versions");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.DoesNotContain(secret, later, StringComparison.Ordinal);
        Assert.Contains(secret[..10], later, StringComparison.Ordinal); // the prefix tells tokens apart
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        var (_, listed) = await session.GetAsync("/admin/tokens");
        Assert.Contains("已撤销", listed, StringComparison.Ordinal);
        await using var scope = site.Services.CreateAsyncScope();
        var (_, entries) = await scope.ServiceProvider.GetRequiredService<AuditLog>().QueryAsync(new AuditFilter { Actor = "token-editor", Action = "token." });
        Assert.Equal([AuditActions.TokenRevoked, AuditActions.TokenCreated], entries.Select(e => e.Action));
    }

    [Fact]
    public async Task Scopes_beyond_the_role_are_neither_offered_nor_accepted()
    {
        using var session = await AdminSession.LoginAsync(site, "token-writer", "Contributor");

        var (_, form) = await session.GetAsync("/admin/tokens");
        var (status, html) = await CreateAsync(session, "越权令牌", InDays(30), TokenScopes.Manage);

        Assert.Contains($"value=\"{TokenScopes.WriteContent}\"", form, StringComparison.Ordinal);
        Assert.DoesNotContain($"value=\"{TokenScopes.Manage}\"", form, StringComparison.Ordinal);
        Assert.DoesNotContain($"value=\"{TokenScopes.RecordProposals}\"", form, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("您的角色不能授予这些权限范围", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(SecretPattern(), html);
    }

    [Theory]
    [InlineData("", 30, "请填写令牌名称")]
    [InlineData("过期太久", 400, "到期日期应在")]
    [InlineData("已经过期", 0, "到期日期应在")]
    public async Task Bad_input_gets_a_chinese_message_and_no_token(string name, int days, string message)
    {
        using var session = await AdminSession.LoginAsync(site, "token-checker", "Editor");

        var (status, html) = await CreateAsync(session, name, InDays(days), TokenScopes.ReadDrafts);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.DoesNotMatch(SecretPattern(), html);
    }

    [Fact]
    public async Task A_form_without_the_antiforgery_token_is_refused()
    {
        using var session = await AdminSession.LoginAsync(site, "token-forger", "Editor");

        var response = await session.Client.PostAsync("/admin/tokens?handler=Create", new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = "伪造", ["scopes"] = TokenScopes.ReadDrafts }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var (_, html) = await session.GetAsync("/admin/tokens");
        Assert.DoesNotContain("伪造", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Administrators_list_and_revoke_anyone_s_token_others_only_their_own()
    {
        using var owner = await AdminSession.LoginAsync(site, "token-owner", "Editor");
        using var other = await AdminSession.LoginAsync(site, "token-other", "Editor");
        using var admin = await AdminSession.LoginAsync(site, "token-admin", "Administrator");
        var (_, created) = await CreateAsync(owner, "编辑甲的令牌", InDays(10), TokenScopes.WriteContent);
        var api = Bearer(Secret(created));
        var (_, ownerPage) = await owner.GetAsync("/admin/tokens");
        var id = IdOf(ownerPage, "编辑甲的令牌").ToString(System.Globalization.CultureInfo.InvariantCulture);

        var (_, otherPage) = await other.GetAsync("/admin/tokens?all=true");
        var stranger = await other.PostAsync("/admin/tokens?handler=Revoke", new() { ["id"] = id }, "/admin/tokens");
        var stillValid = await api.PostAsync("/api/content", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        var (_, adminPage) = await admin.GetAsync("/admin/tokens?all=true");
        var byAdmin = await admin.PostAsync("/admin/tokens?handler=Revoke&all=true", new() { ["id"] = id }, "/admin/tokens");
        var revoked = await api.PostAsync("/api/content", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));

        Assert.DoesNotContain("编辑甲的令牌", otherPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, stranger.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, stillValid.StatusCode); // authenticated: the empty body is what is wrong
        Assert.Contains("编辑甲的令牌", adminPage, StringComparison.Ordinal);
        Assert.Contains("token-owner", adminPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, byAdmin.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, revoked.StatusCode);
    }

    [GeneratedRegex("id=\"new-secret\" value=\"(pst_[A-Za-z0-9_-]+)\"")]
    private static partial Regex SecretPattern();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryPattern();
}
