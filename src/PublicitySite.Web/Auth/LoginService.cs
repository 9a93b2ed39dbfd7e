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
}

/// <summary>Per-address limit on login attempts, so guessing passwords across many accounts is slow too.</summary>
public sealed class LoginThrottle(IOptions<LoginOptions> options) : IDisposable
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
        using var lease = limiter.AttemptAcquire(address);
        return lease.IsAcquired;
    }

    public void Dispose() => limiter.Dispose();
}

public enum LoginOutcome
{
    Ok,
    Failed,
    LockedOut,
    Throttled,
}

/// <summary>
/// Checks a password with Identity's lock-out (5 failures lock the account for 15 minutes), signs in with the
/// admin cookie, and audits every attempt with the client address.
/// </summary>
public sealed class LoginService(UserManager<AppUser> users, LoginThrottle throttle, AuditLog audit)
{
    public async Task<LoginOutcome> SignInAsync(HttpContext http, string? name, string? password)
    {
        var address = ActorAccessor.AddressOf(http) ?? "unknown";
        var who = string.IsNullOrWhiteSpace(name) ? "(空)" : name.Trim();
        if (!throttle.TryAcquire(address))
        {
            await audit.WriteAsync(who, AuditActions.LoginFailed, who, "尝试过于频繁，已限流", address: address);
            return LoginOutcome.Throttled;
        }

        var user = string.IsNullOrWhiteSpace(name) ? null : await users.FindByNameAsync(who);
        if (user is null || string.IsNullOrEmpty(password))
        {
            await audit.WriteAsync(who, AuditActions.LoginFailed, who, "用户名或密码错误", address: address);
            return LoginOutcome.Failed;
        }

        if (await users.IsLockedOutAsync(user))
        {
            await audit.WriteAsync(who, AuditActions.LoginFailed, who, "账号已锁定", address: address);
            return LoginOutcome.LockedOut;
        }

        if (!await users.CheckPasswordAsync(user, password))
        {
            await users.AccessFailedAsync(user);
            var locked = await users.IsLockedOutAsync(user);
            await audit.WriteAsync(who, AuditActions.LoginFailed, who, locked ? "密码错误，账号已锁定" : "密码错误", address: address);
            return locked ? LoginOutcome.LockedOut : LoginOutcome.Failed;
        }

        await users.ResetAccessFailedCountAsync(user);
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, user.UserName!), new Claim(ClaimTypes.NameIdentifier, user.Id), new Claim(SessionStamp.Claim, user.SecurityStamp ?? "")], AuthSchemes.Admin);
        await http.SignInAsync(AuthSchemes.Admin, new ClaimsPrincipal(identity));
        await audit.WriteAsync(user.UserName!, AuditActions.Login, user.UserName, null, address: address);
        return LoginOutcome.Ok;
    }

    public async Task SignOutAsync(HttpContext http, string? name)
    {
        await http.SignOutAsync(AuthSchemes.Admin);
        if (name is not null)
        {
            await audit.WriteAsync(name, AuditActions.Logout, name, null, address: ActorAccessor.AddressOf(http));
        }
    }
}
