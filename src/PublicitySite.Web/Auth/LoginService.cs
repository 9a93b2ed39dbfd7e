using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PublicitySite.Audit;
using PublicitySite.Users;

namespace PublicitySite.Web.Auth;

public sealed class LoginOptions
{
    public const string Section = "Admin:Login";

    /// <summary>
    /// Login attempts allowed per client address per window, whatever the user name. An office behind one NAT
    /// address shares this; guessing one account is stopped sooner by the per-account lock-out.
    /// </summary>
    public int AttemptsPerWindow { get; set; } = 30;

    public int WindowSeconds { get; set; } = 60;

    /// <summary>Failures (per account name or per address) after which a sign-in must answer a question and wait.</summary>
    public int ChallengeAfter { get; set; } = 3;

    public int MaxDelaySeconds { get; set; } = 30;

    public int FailureWindowMinutes { get; set; } = 15;

    /// <summary>Failures of one account in 24 hours that bring a 系统提醒 to those who manage users.</summary>
    public int NoticeAccountFailures { get; set; } = 10;

    /// <summary>Failures from one address in 24 hours (any accounts) that bring a 系统提醒.</summary>
    public int NoticeAddressFailures { get; set; } = 20;
}

/// <summary>Per-address limit on login attempts, so guessing passwords across many accounts is slow too.</summary>
/// <remarks>In a cluster the count is kept in Redis (<see cref="Cluster.ISharedRateCounter"/>), so it holds across nodes.</remarks>
public sealed class LoginThrottle(IOptions<LoginOptions> options, Cluster.ISharedRateCounter? shared = null) : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.AttemptsPerWindow,
            Window = TimeSpan.FromSeconds(options.Value.WindowSeconds),
            QueueLimit = 0,
        }));

    public bool TryAcquire(string address)
    {
        if (shared is not null)
        {
            return shared.TryAcquire("login:" + address, options.Value.AttemptsPerWindow, TimeSpan.FromSeconds(options.Value.WindowSeconds), out _);
        }

        using var lease = limiter.AttemptAcquire(address);
        return lease.IsAcquired;
    }

    public void Dispose() => limiter.Dispose();
}

public enum LoginOutcome
{
    Ok,
    Failed,
    ChallengeFailed,
    Throttled,
}

/// <summary>What a sign-in attempt came to, and whether the next attempt must answer a question.</summary>
public sealed record LoginResult(LoginOutcome Outcome, bool NeedsChallenge);

/// <summary>
/// Checks a password and signs in with the admin cookie. An unknown name and a wrong password take the same
/// path, the same hash work and the same answer. Repeated failures bring a question and growing delays
/// (<see cref="LoginGuard"/>) instead of a lock-out. Every attempt is audited with the client address.
/// </summary>
public sealed class LoginService(
    UserManager<AppUser> users,
    IPasswordHasher<AppUser> hasher,
    LoginThrottle throttle,
    LoginGuard guard,
    LoginChallenge challenge,
    AuditLog audit,
    TimeProvider clock)
{
    /// <summary>A hash to verify against when the name is unknown, so both cases cost the same.</summary>
    private static readonly Lazy<string> DecoyHash = new(() => new PasswordHasher<AppUser>().HashPassword(new AppUser(), Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16))));

    public bool NeedsChallenge(HttpContext http, string? name) =>
        guard.NeedsChallenge(Normalize(name), ActorAccessor.AddressOf(http) ?? "unknown");

    public async Task<LoginResult> SignInAsync(HttpContext http, string? name, string? password, string? challengeId = null, string? challengeAnswer = null)
    {
        var address = ActorAccessor.AddressOf(http) ?? "unknown";
        var who = Normalize(name);
        if (!throttle.TryAcquire(address))
        {
            await audit.WriteAsync(who, AuditActions.LoginFailed, who, "尝试过于频繁，已限流", address: address);
            return new(LoginOutcome.Throttled, true);
        }

        await Task.Delay(guard.DelayFor(who, address), http.RequestAborted);
        if (guard.NeedsChallenge(who, address) && !challenge.Check(challengeId, challengeAnswer))
        {
            guard.Fail(who, address);
            await audit.WriteAsync(who, AuditActions.LoginFailed, who, "验证问题未答对", address: address);
            return new(LoginOutcome.ChallengeFailed, true);
        }

        var user = string.IsNullOrWhiteSpace(name) ? null : await users.FindByNameAsync(who);
        bool passwordOk;
        if (user?.PasswordHash is { } hash)
        {
            passwordOk = hasher.VerifyHashedPassword(user, hash, password ?? "") != PasswordVerificationResult.Failed;
        }
        else
        {
            hasher.VerifyHashedPassword(new AppUser(), DecoyHash.Value, password ?? ""); // the same work as for a known name
            passwordOk = false;
        }
        if (user is null || !passwordOk || string.IsNullOrEmpty(password) || await users.IsLockedOutAsync(user))
        {
            var count = guard.Fail(who, address);
            await audit.WriteAsync(who, AuditActions.LoginFailed, who, $"用户名或密码错误（15 分钟内第 {count} 次）", address: address);
            return new(LoginOutcome.Failed, guard.NeedsChallenge(who, address));
        }

        guard.Succeed(who);
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, user.UserName!),
                new Claim(ClaimTypes.NameIdentifier, user.Id),
                new Claim(SessionValidator.StampClaim, user.SecurityStamp ?? ""),
                new Claim(SessionValidator.SignedInClaim, clock.GetUtcNow().UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ],
            AuthSchemes.Admin);
        await http.SignInAsync(AuthSchemes.Admin, new ClaimsPrincipal(identity));
        await audit.WriteAsync(user.UserName!, AuditActions.Login, user.UserName, null, address: address);
        return new(LoginOutcome.Ok, false);
    }

    /// <summary>Ends the session for good: the new security stamp makes every copy of the cookie invalid.</summary>
    public async Task SignOutAsync(HttpContext http, string? name)
    {
        await http.SignOutAsync(AuthSchemes.Admin);
        if (name is not null)
        {
            if (await users.FindByNameAsync(name) is { } user)
            {
                await users.UpdateSecurityStampAsync(user);
            }

            await audit.WriteAsync(name, AuditActions.Logout, name, null, address: ActorAccessor.AddressOf(http));
        }
    }

    private static string Normalize(string? name) => string.IsNullOrWhiteSpace(name) ? "(空)" : name.Trim();
}
