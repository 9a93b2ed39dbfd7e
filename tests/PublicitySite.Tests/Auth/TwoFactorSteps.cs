using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PublicitySite.Tests.Admin;
using PublicitySite.Tests.Infrastructure;
using PublicitySite.Users;

namespace PublicitySite.Tests.Auth;

/// <summary>
/// What a person with an authenticator app does, over real HTTP: read the key off the enrolment page, type the
/// app's code, keep the recovery codes; later sign in with password and code.
/// </summary>
internal static partial class TwoFactorSteps
{
    /// <summary>The code the app shows for <paramref name="key"/>, <paramref name="stepsAhead"/> 30-second steps from now.</summary>
    public static string CodeFor(string key, int stepsAhead = 0) =>
        Totp.Code(Totp.FromBase32(key)!, Totp.StepAt(DateTimeOffset.UtcNow) + stepsAhead);

    /// <summary>The key as stored by Identity for the user, as an app would hold it after the scan.</summary>
    public static async Task<string> StoredKeyAsync(TestSite site, string name)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return (await users.GetAuthenticatorKeyAsync((await users.FindByNameAsync(name))!))!;
    }

    /// <summary>Enrols the signed-in user from the page's key; returns the key and the recovery codes shown.</summary>
    public static async Task<(string Key, IReadOnlyList<string> RecoveryCodes, string Html)> EnrolAsync(AdminSession session)
    {
        var (status, page) = await session.GetAsync("/admin/account/two-factor");
        Assert.Equal(HttpStatusCode.OK, status);
        var key = KeyPattern().Match(page) is { Success: true } m ? m.Groups[1].Value.Replace(" ", "", StringComparison.Ordinal) : throw new InvalidOperationException("No key on the enrolment page");
        var response = await session.PostAsync("/admin/account/two-factor?handler=Confirm", new() { ["code"] = CodeFor(key) }, "/admin/account/two-factor");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (key, RecoveryCodes(html), html);
    }

    public static IReadOnlyList<string> RecoveryCodes(string html) =>
        RecoveryList().Match(html) is { Success: true } list ? [.. CodeItem().Matches(list.Groups[1].Value).Select(c => c.Groups[1].Value)] : [];

    /// <summary>Password, then the app's code (one step ahead, so it is never the code the enrolment used).</summary>
    public static async Task<AdminSession> SignInAsync(TestSite site, string name, string password, string key)
    {
        var session = new AdminSession(AdminSession.NewClient(site));
        var first = await session.PostAsync("/admin/login", new() { ["name"] = name, ["password"] = password }, "/admin/login");
        Assert.Equal("/admin/login/two-factor", first.Headers.Location?.OriginalString);
        var second = await session.PostSecondStepAsync(CodeFor(key, 1));
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        return session;
    }

    [GeneratedRegex("id=\"enrol-key\"[^>]*>([^<]+)<")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("<ol class=\"recovery\">(.*?)</ol>", RegexOptions.Singleline)]
    private static partial Regex RecoveryList();

    [GeneratedRegex("<code>([^<]+)</code>")]
    private static partial Regex CodeItem();
}
