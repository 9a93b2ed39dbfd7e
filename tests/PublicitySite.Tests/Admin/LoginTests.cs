using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublicitySite.Audit;
using PublicitySite.Storage;
using PublicitySite.Tests.Infrastructure;
using PublicitySite.Tests.Workflow;

namespace PublicitySite.Tests.Admin;

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
    public async Task Five_wrong_passwords_lock_the_account_even_for_the_right_password_and_are_audited()
    {
        using var site = new TestSite(seed: false);
        await site.Services.UserAsync("lock-me", "Editor");
        using var session = new AdminSession(AdminSession.NewClient(site));
        for (var i = 0; i < 5; i++)
        {
            await session.PostAsync("/admin/login", new() { ["name"] = "lock-me", ["password"] = "wrong-password-9" }, "/admin/login");
        }

        var right = await session.PostAsync("/admin/login", new() { ["name"] = "lock-me", ["password"] = Editorial.Password }, "/admin/login");
        Assert.Equal((HttpStatusCode)423, right.StatusCode);
        Assert.Contains("锁定", await right.Content.ReadAsStringAsync());

        await using var scope = site.Services.CreateAsyncScope();
        var failures = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<AuditEntry>()
            .Where(a => a.Action == AuditActions.LoginFailed && a.Target == "lock-me").CountAsync();
        Assert.Equal(6, failures);
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
