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

    /// <summary>The password was right and the account has two-step sign-in: the code comes next.</summary>
    SecondStep,

    /// <summary>No password step is waiting for a code (none, expired, used, or too many wrong codes).</summary>
    Expired,
}

/// <summary>What a sign-in attempt came to, and whether the next attempt must answer a question.</summary>
public sealed record LoginResult(LoginOutcome Outcome, bool NeedsChallenge);

/// <summary>
/// Checks a password and signs in with the admin cookie. An unknown name and a wrong password take the same
/// path, the same hash work and the same answer. Repeated failures bring a question and growing delays
/// (<see cref="LoginGuard"/>) instead of a lock-out. Every attempt is audited with the client address.
/// A user with two-step sign-in gets no cookie for the password: <see cref="SecondStepTickets"/> holds the
/// passed step until <see cref="CompleteSecondStepAsync"/> checks the code, whose failures count the same way.
/// </summary>
public sealed class LoginService(
    UserManager<AppUser> users,
    IPasswordHasher<AppUser> hasher,
    LoginThrottle throttle,
    LoginGuard guard,
    LoginChallenge challenge,
    SecondStepTickets secondSteps,
    AccountSecurity account,
    AuditLog audit,
    TimeProvider clock)
{
    /// <summary>The audit note of a sign-in refused by the throttle, at either step.</summary>
    private const string ThrottledNote = "尝试过于频繁，已限流";

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
            await audit.WriteAsync(who, AuditActions.LoginFailed, who, ThrottledNote, address: address);
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

        if (user.TwoFactorEnabled)
        {
            // The account's failures are kept until the second step is passed too, so codes cannot be guessed
            // between correct passwords without the question and the delays.
            secondSteps.Issue(http, secondSteps.Start(user.Id, user.UserName!, user.SecurityStamp, await account.SecondStepSealAsync(user)));
            return new(LoginOutcome.SecondStep, false);
        }

        guard.Succeed(who);
        await IssueCookieAsync(http, user, clock.GetUtcNow());
        await audit.WriteAsync(user.UserName!, AuditActions.Login, user.UserName, null, address: address);
        return new(LoginOutcome.Ok, false);
    }

    /// <summary>Whether a password step is waiting for its code in this browser.</summary>
    public bool HasSecondStep(HttpContext http) => secondSteps.Find(http) is not null;

    /// <summary>
    /// The second step: a code from the authenticator app or a recovery code, for the password step this browser
    /// passed. Wrong codes count as failed sign-ins (question, delays) and are audited; five drop the step.
    /// </summary>
    public async Task<LoginResult> CompleteSecondStepAsync(HttpContext http, string? code)
    {
        var address = ActorAccessor.AddressOf(http) ?? "unknown";
        if (secondSteps.Find(http) is not { } pending)
        {
            return new(LoginOutcome.Expired, false);
        }

        if (!throttle.TryAcquire(address))
        {
            await audit.WriteAsync(pending.Name, AuditActions.LoginFailed, pending.Name, ThrottledNote, address: address);
            return new(LoginOutcome.Throttled, false);
        }

        await Task.Delay(guard.DelayFor(pending.Name, address), http.RequestAborted);
        var user = await users.FindByIdAsync(pending.UserId);
        if (user is null || user.SecurityStamp != pending.Stamp || await users.IsLockedOutAsync(user) || await account.SecondStepSealAsync(user) != pending.Seal)
        {
            secondSteps.Drop(http);
            return new(LoginOutcome.Expired, false);
        }

        var (verdict, left) = await account.VerifySecondStepAsync(user, code);
        if (verdict == SecondStepVerdict.Wrong)
        {
            var count = guard.Fail(pending.Name, address);
            await audit.WriteAsync(pending.Name, AuditActions.LoginFailed, pending.Name, $"两步验证码错误（15 分钟内第 {count} 次）", address: address);
            if (pending.Failures + 1 >= SecondStepTickets.MaxFailures)
            {
                secondSteps.Drop(http);
                return new(LoginOutcome.Expired, true);
            }

            secondSteps.Issue(http, pending with { Failures = pending.Failures + 1 });
            return new(LoginOutcome.Failed, false);
        }

        secondSteps.Drop(http);
        guard.Succeed(pending.Name);
        await IssueCookieAsync(http, user, clock.GetUtcNow());
        var how = verdict == SecondStepVerdict.Code ? "两步验证：验证器应用" : $"两步验证：恢复码（还剩 {left} 个）";
        await audit.WriteAsync(user.UserName!, AuditActions.Login, user.UserName, how, address: address);
        return new(LoginOutcome.Ok, false);
    }

    /// <summary>
    /// A new cookie for the signed-in user after a change of their own security stamp (password, two-step
    /// sign-in): this session goes on, the others end. The sign-in time is kept, so the absolute limit holds.
    /// </summary>
    public async Task RefreshAsync(HttpContext http)
    {
        var signedIn = long.TryParse(http.User.FindFirstValue(SessionValidator.SignedInClaim), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ticks)
            ? new DateTimeOffset(ticks, TimeSpan.Zero) : clock.GetUtcNow();
        if (http.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } id && await users.FindByIdAsync(id) is { } user)
        {
            await IssueCookieAsync(http, user, signedIn);
        }
    }

    private static Task IssueCookieAsync(HttpContext http, AppUser user, DateTimeOffset signedIn)
    {
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, user.UserName!),
                new Claim(ClaimTypes.NameIdentifier, user.Id),
                new Claim(SessionValidator.StampClaim, user.SecurityStamp ?? ""),
                new Claim(SessionValidator.SignedInClaim, signedIn.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ],
            AuthSchemes.Admin);
        return http.SignInAsync(AuthSchemes.Admin, new ClaimsPrincipal(identity));
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
