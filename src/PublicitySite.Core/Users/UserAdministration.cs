using Microsoft.AspNetCore.Identity;
using PublicitySite.Audit;
using PublicitySite.Commands;
using PublicitySite.Contents.Definitions;
using PublicitySite.Storage;
using PublicitySite.Workflow;

namespace PublicitySite.Users;

/// <summary>Adding people, changing roles and unlocking accounts: only for roles holding users.manage, always audited.</summary>
public sealed class UserAdministration(UserService users, UserManager<AppUser> manager, SiteDefinitionStore definitions, AuditLog audit, AppDbContext db)
{
    /// <param name="generated">The password was generated and shown once: the user must change it at first sign-in.</param>
    public async Task<Result<Done>> AddAsync(Actor actor, string name, string role, string password, string? displayName, bool generated = false)
    {
        if (Denied(actor) is { } denied)
        {
            return denied;
        }

        var (user, errors) = await users.AddAsync(name.Trim(), role, password, displayName, generated);
        if (user is null)
        {
            return Failure.Invalid.Of(errors.Select(Chinese).ToList());
        }

        await audit.WriteAsync(actor.Name, AuditActions.UserCreated, user.UserName, generated ? $"角色 {role}，生成初始密码" : $"角色 {role}", address: actor.Address);
        return Done.Result;
    }

    public async Task<Result<Done>> ChangeRoleAsync(Actor actor, string name, string role)
    {
        var target = await TargetAsync(actor, name);
        if (target.Value is not { } user)
        {
            return target.Failure!;
        }

        var definition = definitions.Current.Roles.FirstOrDefault(r => r.Name.Equals(role, StringComparison.OrdinalIgnoreCase));
        if (definition is null)
        {
            return Failure.Invalid.Of($"未知的角色“{role}”");
        }

        if (user.UserName == actor.Name && definition.Name != actor.Role)
        {
            return Failure.Invalid.Of("不能修改自己的角色，请由另一位管理员操作");
        }

        var old = await manager.GetRolesAsync(user);
        await manager.RemoveFromRolesAsync(user, old);
        await users.EnsureRolesAsync([definition]);
        await manager.AddToRoleAsync(user, definition.Name);
        await audit.WriteAsync(actor.Name, AuditActions.RoleChanged, user.UserName, $"{string.Join(",", old)} → {definition.Name}", address: actor.Address);
        return Done.Result;
    }

    public async Task<Result<Done>> UnlockAsync(Actor actor, string name)
    {
        var target = await TargetAsync(actor, name);
        if (target.Value is not { } user)
        {
            return target.Failure!;
        }

        await manager.SetLockoutEndDateAsync(user, null);
        await manager.ResetAccessFailedCountAsync(user);
        await audit.WriteAsync(actor.Name, AuditActions.RoleChanged, user.UserName, "解除锁定", address: actor.Address);
        return Done.Result;
    }

    /// <summary>
    /// Sets a new password (a forgotten one has no other way back). The password is checked against the rule
    /// before the old one is removed, and the security stamp changes, so every session of that user ends.
    /// A <paramref name="generated"/> password (shown once to whoever set it) must be changed at the next sign-in.
    /// </summary>
    public async Task<Result<Done>> SetPasswordAsync(Actor actor, string name, string password, bool generated = false)
    {
        var target = await TargetAsync(actor, name);
        if (target.Value is not { } user)
        {
            return target.Failure!;
        }

        var problems = new List<string>();
        foreach (var validator in manager.PasswordValidators)
        {
            var checkedPassword = await validator.ValidateAsync(manager, user, password);
            problems.AddRange(checkedPassword.Errors.Select(e => e.Description));
        }

        if (problems.Count > 0)
        {
            return Failure.Invalid.Of(problems);
        }

        await manager.RemovePasswordAsync(user);
        var added = await manager.AddPasswordAsync(user, password);
        if (!added.Succeeded)
        {
            return Failure.Invalid.Of(added.Errors.Select(e => e.Description).ToList());
        }

        await manager.ResetAccessFailedCountAsync(user);
        await users.RequirePasswordChangeAsync(user, generated);
        await audit.WriteAsync(actor.Name, AuditActions.PasswordSet, user.UserName, generated ? "生成新密码，原有会话失效，首次登录须修改" : "重设密码，原有会话失效", address: actor.Address);
        return Done.Result;
    }

    /// <summary>
    /// Turns off a user's two-step sign-in (a lost phone), with a new authenticator key nobody has seen and no
    /// recovery codes; the security stamp changes, so their sessions end. They enrol again at the next sign-in
    /// when their role requires it.
    /// </summary>
    public async Task<Result<Done>> ResetTwoFactorAsync(Actor actor, string name)
    {
        var target = await TargetAsync(actor, name);
        if (target.Value is not { } user)
        {
            return target.Failure!;
        }

        var was = user.TwoFactorEnabled;
        await using var transaction = await db.Database.BeginTransactionAsync();
        await manager.SetTwoFactorEnabledAsync(user, false);
        await manager.ResetAuthenticatorKeyAsync(user);
        await manager.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
        await manager.UpdateSecurityStampAsync(user);
        audit.Stage(actor.Name, AuditActions.TwoFactorReset, user.UserName, was ? "重置两步验证，原有会话失效" : "重置两步验证（此前未启用），原有会话失效", address: actor.Address);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return Done.Result;
    }

    /// <summary>
    /// Stops a user from signing in and ends their sessions and tokens at once (a lock-out with no end and a new
    /// security stamp); <see cref="EnableAsync"/> undoes it. Nobody disables their own account.
    /// </summary>
    public async Task<Result<Done>> DisableAsync(Actor actor, string name)
    {
        var target = await TargetAsync(actor, name);
        if (target.Value is not { } user)
        {
            return target.Failure!;
        }

        if (user.UserName == actor.Name)
        {
            return Failure.Invalid.Of("不能停用自己的账号，请由另一位管理员操作");
        }

        await manager.SetLockoutEnabledAsync(user, true);
        await manager.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
        await manager.UpdateSecurityStampAsync(user);
        await audit.WriteAsync(actor.Name, AuditActions.UserDisabled, user.UserName, "停用账号，原有会话失效", address: actor.Address);
        return Done.Result;
    }

    public async Task<Result<Done>> EnableAsync(Actor actor, string name)
    {
        var target = await TargetAsync(actor, name);
        if (target.Value is not { } user)
        {
            return target.Failure!;
        }

        await manager.SetLockoutEndDateAsync(user, null);
        await manager.ResetAccessFailedCountAsync(user);
        await manager.UpdateSecurityStampAsync(user);
        await audit.WriteAsync(actor.Name, AuditActions.UserEnabled, user.UserName, "启用账号", address: actor.Address);
        return Done.Result;
    }

    /// <summary>A disabled account is locked out with no end; a temporary lock-out after failed sign-ins is not.</summary>
    public static bool IsDisabled(AppUser user) => user.LockoutEnd == DateTimeOffset.MaxValue;

    /// <summary>The account <paramref name="name"/> names, for an actor who may manage users; otherwise why not.</summary>
    private async Task<Result<AppUser>> TargetAsync(Actor actor, string name)
    {
        if (Denied(actor) is { } denied)
        {
            return denied;
        }

        return await manager.FindByNameAsync(name) is { } user ? user : new Failure.NotFound(UserTexts.NoSuchUser(name));
    }

    private Failure? Denied(Actor actor) =>
        new WorkflowPolicy(definitions.Current).Has(actor, Permissions.ManageUsers)
            ? null
            : new Failure.Forbidden($"您的角色（{new WorkflowPolicy(definitions.Current).RoleLabel(actor.Role)}）无权管理用户");

    private static string Chinese(string error) => error.Contains("Passwords must", StringComparison.Ordinal) || error.Contains("Password", StringComparison.Ordinal)
        ? "密码至少 12 位，须包含小写字母和数字，且不能是常见密码"
        : error;
}
