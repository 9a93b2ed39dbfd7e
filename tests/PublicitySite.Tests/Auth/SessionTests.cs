using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PublicitySite.Tests.Admin;
using PublicitySite.Tests.Infrastructure;
using PublicitySite.Tests.Workflow;
using PublicitySite.Users;
using Xunit.Abstractions;

namespace PublicitySite.Tests.Auth;

/// <summary>A session cookie stops working when the session ends, wherever a copy of it is replayed.</summary>
public sealed class SessionTests(ITestOutputHelper output)
{
    private static async Task<(AdminSession Session, string Cookie)> SignInAsync(TestSite site, string name)
    {
        await site.Services.UserAsync(name, "Editor");
        var session = new AdminSession(AdminSession.NewClient(site));
        var response = await session.PostAsync("/admin/login", new() { ["name"] = name, ["password"] = Editorial.Password }, "/admin/login");
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("publicity.admin=", StringComparison.Ordinal)).Split(';')[0];
        return (session, cookie);
    }

    /// <summary>The stolen copy: a fresh client that only carries the cookie.</summary>
    private static async Task<HttpStatusCode> ReplayAsync(TestSite site, string cookie)
    {
        using var client = AdminSession.NewClient(site);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/content");
        request.Headers.Add("Cookie", cookie);
        using var response = await client.SendAsync(request);
        return response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/admin/login", StringComparison.Ordinal)
            ? HttpStatusCode.Unauthorized : response.StatusCode;
    }

    [Fact]
    public async Task A_cookie_replayed_after_logout_gets_the_login_page()
    {
        using var site = new TestSite(seed: false);
        var (session, cookie) = await SignInAsync(site, "replay-logout");
        Assert.Equal(HttpStatusCode.OK, await ReplayAsync(site, cookie));

        await session.PostAsync("/admin/logout", []);

        Assert.Equal(HttpStatusCode.Unauthorized, await ReplayAsync(site, cookie));
        session.Dispose();
    }

    [Fact]
    public async Task A_cookie_replayed_after_a_password_change_or_a_disable_gets_the_login_page()
    {
        using var site = new TestSite(seed: false);
        var (first, changed) = await SignInAsync(site, "replay-password");
        var (second, disabled) = await SignInAsync(site, "replay-disabled");
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = await users.FindByNameAsync("replay-password");
            Assert.True((await users.ChangePasswordAsync(user!, Editorial.Password, "another-secret-horse-42")).Succeeded);
            var other = await users.FindByNameAsync("replay-disabled");
            await users.SetLockoutEnabledAsync(other!, true);
            await users.SetLockoutEndDateAsync(other!, DateTimeOffset.MaxValue);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, await ReplayAsync(site, changed));
        Assert.Equal(HttpStatusCode.Unauthorized, await ReplayAsync(site, disabled));
        first.Dispose();
        second.Dispose();
    }

    [Fact]
    public async Task The_session_cookie_lasts_the_idle_timeout_not_eight_hours()
    {
        using var site = new TestSite(seed: false, settings: new() { ["Admin:Session:IdleMinutes"] = "30" });
        await site.Services.UserAsync("idle-user", "Editor");
        using var session = new AdminSession(AdminSession.NewClient(site));
        var response = await session.PostAsync("/admin/login", new() { ["name"] = "idle-user", ["password"] = Editorial.Password }, "/admin/login");
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("publicity.admin=", StringComparison.Ordinal));
        // The ticket itself is checked on every request; the browser is also told to drop it with the idle limit.
        Assert.DoesNotContain("expires=", cookie, StringComparison.OrdinalIgnoreCase);
        var options = site.Services.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>>().Get("PublicityAdmin");
        Assert.Equal(TimeSpan.FromMinutes(30), options.ExpireTimeSpan);
        Assert.True(options.SlidingExpiration);
    }

    [Fact]
    public async Task An_unknown_name_and_a_wrong_password_get_the_same_answer_in_the_same_time()
    {
        using var site = new TestSite(seed: false, settings: new() { ["Admin:Login:AttemptsPerWindow"] = "1000", ["Admin:Login:ChallengeAfter"] = "1000" });
        await site.Services.UserAsync("timing-known", "Editor");
        using var session = new AdminSession(AdminSession.NewClient(site));
        async Task<(TimeSpan Took, string Message)> AttemptAsync(string name)
        {
            var clock = Stopwatch.StartNew();
            var response = await session.PostAsync("/admin/login", new() { ["name"] = name, ["password"] = "not-the-password-7" }, "/admin/login");
            clock.Stop();
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            return (clock.Elapsed, System.Text.RegularExpressions.Regex.Match(html, "role=\"alert\">([^<]+)<").Groups[1].Value);
        }

        await AttemptAsync("timing-known"); // warm-up
        var known = new List<double>();
        var unknown = new List<double>();
        for (var i = 0; i < 15; i++)
        {
            var a = await AttemptAsync("timing-known");
            var b = await AttemptAsync("timing-nobody-" + i);
            Assert.Equal(a.Message, b.Message);
            known.Add(a.Took.TotalMilliseconds);
            unknown.Add(b.Took.TotalMilliseconds);
        }

        var knownMedian = known.Order().ElementAt(known.Count / 2);
        var unknownMedian = unknown.Order().ElementAt(unknown.Count / 2);
        output.WriteLine($"median sign-in failure: known user {knownMedian:N1} ms, unknown user {unknownMedian:N1} ms (15 each, including the login page fetch)");
        // Before, an unknown name skipped the password hash and answered in about a twentieth of the time; now
        // both do the same work. The band is wide because the whole suite shares the machine's two cores.
        Assert.InRange(unknownMedian / knownMedian, 0.5, 2.0);
    }
}
