using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublicitySite.Audit;
using PublicitySite.Storage;
using PublicitySite.Tests.Admin;
using PublicitySite.Tests.Infrastructure;
using PublicitySite.Tests.Workflow;

namespace PublicitySite.Tests.Auth;

public sealed class LoginTests
{
    [Fact]
    public async Task The_session_cookie_is_secure_httponly_and_samesite_strict()
    {
        using var site = new TestSite(seed: false);
        await site.Services.UserAsync("cookie-user", "Editor");
        using var session = new AdminSession(AdminSession.NewClient(site));
        var response = await session.PostAsync("/admin/login", new() { ["name"] = "cookie-user", ["password"] = Editorial.Password }, "/admin/login");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("publicity.admin=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("secure", cookie);
        Assert.Contains("httponly", cookie);
        Assert.Contains("samesite=strict", cookie);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/admin")).Status);
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_the_login_page()
    {
        using var site = new TestSite(seed: false);
        var response = await AdminSession.NewClient(site).GetAsync("/admin/content");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/admin/login", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Repeated_failures_bring_a_question_not_a_lock_and_the_right_password_still_works()
    {
        using var site = new TestSite(seed: false, settings: new() { ["Admin:Login:MaxDelaySeconds"] = "1" });
        await site.Services.UserAsync("lock-me", "Editor");
        using var session = new AdminSession(AdminSession.NewClient(site));
        for (var i = 0; i < 5; i++)
        {
            await session.PostAsync("/admin/login", new() { ["name"] = "lock-me", ["password"] = "wrong-password-9" }, "/admin/login");
        }

        // Without the question's answer the right password is not even tried.
        var unanswered = await session.PostAsync("/admin/login", new() { ["name"] = "lock-me", ["password"] = Editorial.Password }, "/admin/login");
        Assert.Equal(HttpStatusCode.Unauthorized, unanswered.StatusCode);
        var page = await unanswered.Content.ReadAsStringAsync();
        Assert.Contains("验证问题", page, StringComparison.Ordinal);
        Assert.Contains("<img id=\"challenge-question\" src=\"data:image/png;base64,", page, StringComparison.Ordinal);

        var (id, answer) = Solve(page);
        var answered = await session.PostAsync("/admin/login", new() { ["name"] = "lock-me", ["password"] = Editorial.Password, ["challengeId"] = id, ["challengeAnswer"] = answer }, "/admin/login");
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);

        await using var scope = site.Services.CreateAsyncScope();
        var failures = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<AuditEntry>()
            .Where(a => a.Action == AuditActions.LoginFailed && a.Target == "lock-me").CountAsync();
        Assert.Equal(6, failures);
    }

    /// <summary>Reads the question (七加五等于几？) and its id from the login page, and answers it.</summary>
    internal static (string Id, string Answer) Solve(string html)
    {
        var id = System.Text.RegularExpressions.Regex.Match(html, "name=\"challengeId\" value=\"([0-9A-F]+)\"").Groups[1].Value;
        var question = System.Text.RegularExpressions.Regex.Match(html, "alt=\"(.)(加|减)(.)等于几").Groups;
        var digits = "零一二三四五六七八九十";
        var a = digits.IndexOf(question[1].Value, StringComparison.Ordinal);
        var b = digits.IndexOf(question[3].Value, StringComparison.Ordinal);
        Assert.NotEmpty(id);
        return (id, (question[2].Value == "加" ? a + b : a - b).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Too_many_attempts_from_one_address_are_rate_limited()
    {
        using var site = new TestSite(seed: false, settings: new() { ["Admin:Login:AttemptsPerWindow"] = "3", ["Admin:Login:WindowSeconds"] = "600" });
        using var session = new AdminSession(AdminSession.NewClient(site));
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await session.PostAsync("/admin/login", new() { ["name"] = $"nobody{i}", ["password"] = "whatever-123" }, "/admin/login")).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task A_form_posted_without_the_antiforgery_token_is_refused()
    {
        using var site = new TestSite(seed: false);
        using var session = await AdminSession.LoginAsync(site, "csrf-user", "Administrator");
        var response = await session.Client.PostAsync("/admin/users?handler=Add", new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = "intruder", ["role"] = "Administrator", ["password"] = Editorial.Password }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(await site.Services.CreateAsyncScope().ServiceProvider.GetRequiredService<PublicitySite.Users.UserService>().FindAsync("intruder"));
    }
}
