using Microsoft.AspNetCore.Identity;
using PublicitySite.Audit;
using PublicitySite.Commands;
using PublicitySite.Contents;
using PublicitySite.Contents.Definitions;
using PublicitySite.Workflow;

namespace PublicitySite.Users;

/// <summary>A token as the admin lists it: never its secret, only its prefix.</summary>
public sealed record TokenRow(ApiToken Token, string Owner);

/// <summary>A token just made, with its secret: shown once and never kept.</summary>
public sealed record NewToken(TokenRow Row, string Secret);

/// <summary>
/// The admin's API tokens: everyone makes and revokes their own; roles that manage users see and revoke
/// everyone's. A token acts with its user's role and carries only scopes that role can use; every change
/// is audited.
/// </summary>
public sealed class TokenAdministration(TokenService tokens, UserManager<AppUser> users, SiteDefinitionStore definitions, AuditLog audit, TimeProvider clock)
{
    public const int DefaultDays = 90;
    public const int MaxDays = 365;
    public const int MaxNameLength = 100;

    public bool ManagesAll(Actor actor) => Policy.Has(actor, Permissions.ManageUsers);

    public IReadOnlyList<string> AllowedScopes(Actor actor) => AllowedScopes(actor.Role);

    /// <summary>
    /// The scopes a token of a user holding <paramref name="role"/> may carry: what the page offers and accepts,
    /// and what the command line grants when no scope is asked for. One rule, so neither path grants more.
    /// </summary>
    public IReadOnlyList<string> AllowedScopes(string? role) => TokenScopes.AllowedFor(Policy.Site.Roles.FirstOrDefault(r => r.Name == role));

    public string RoleLabel(string? role) => string.IsNullOrEmpty(role) ? "无角色" : Policy.RoleLabel(role);

    /// <summary>The asked-for scopes that <paramref name="role"/> may not grant; empty when all may be.</summary>
    public IReadOnlyList<string> RefusedScopes(string? role, IEnumerable<string> scopes) => scopes.Except(AllowedScopes(role)).ToList();

    /// <summary>Today in Beijing: the date the form's expiry is counted from.</summary>
    public DateOnly Today => DateOnly.FromDateTime(SiteTime.ToLocal(clock.GetUtcNow().UtcDateTime).DateTime);

    public async Task<Result<NewToken>> CreateAsync(Actor actor, string? name, IReadOnlyCollection<string> scopes, DateOnly? expires)
    {
        var errors = new List<string>();
        name = name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength)
        {
            errors.Add($"请填写令牌名称（1 到 {MaxNameLength} 个字），例如“小程序读取草稿”");
        }

        var refused = RefusedScopes(actor.Role, scopes);
        if (scopes.Count == 0)
        {
            errors.Add("请至少选择一个权限范围");
        }
        else if (refused.Count > 0)
        {
            errors.Add($"您的角色不能授予这些权限范围：{string.Join("、", refused)}");
        }

        var until = expires ?? Today.AddDays(DefaultDays);
        if (until <= Today || until > Today.AddDays(MaxDays))
        {
            errors.Add($"到期日期应在明天到 {Today.AddDays(MaxDays):yyyy-MM-dd} 之间（最长 {MaxDays} 天）");
        }

        var user = await users.FindByNameAsync(actor.Name);
        if (user is null)
        {
            errors.Add(UserTexts.AccountUnavailable);
        }

        if (errors.Count > 0)
        {
            // Asking for a scope the role may not grant is a refusal (403); the rest is the form to correct (400).
            return refused.Count > 0 ? new Failure.Forbidden(string.Join("；", errors)) : Failure.Invalid.Of(errors);
        }

        // Valid through the whole of the chosen day, Beijing time.
        var end = new DateTimeOffset(until.AddDays(1).ToDateTime(TimeOnly.MinValue), SiteTime.Zone.BaseUtcOffset).UtcDateTime;
        var (token, secret) = await tokens.CreateUntilAsync(user!, name!, end, scopes);
        await audit.WriteAsync(actor.Name, AuditActions.TokenCreated, $"token:{token.Id}", $"{token.Name}（{token.Scopes}），到期 {until:yyyy-MM-dd}", address: actor.Address);
        return new NewToken(new TokenRow(token, actor.Name), secret);
    }

    /// <summary>My tokens; with <paramref name="everyone"/> (roles that manage users only) every user's.</summary>
    public async Task<IReadOnlyList<TokenRow>> ListAsync(Actor actor, bool everyone)
    {
        if (everyone && ManagesAll(actor))
        {
            return (await tokens.ListAllAsync()).Select(r => new TokenRow(r.Token, r.Owner)).ToList();
        }

        var user = await users.FindByNameAsync(actor.Name);
        return user is null ? [] : (await tokens.ListAsync(user.Id)).Select(t => new TokenRow(t, actor.Name)).ToList();
    }

    /// <summary>Revokes at once: every request checks the token in the database.</summary>
    public async Task<Result<Done>> RevokeAsync(Actor actor, long id)
    {
        var user = await users.FindByNameAsync(actor.Name);
        if (user is null)
        {
            return new Failure.Forbidden(UserTexts.AccountUnavailable);
        }

        // Someone else's token looks exactly like a missing one to people who may not manage it.
        var revoked = await tokens.RevokeAsync(ManagesAll(actor) ? null : user.Id, id);
        if (!revoked)
        {
            return new Failure.NotFound("令牌不存在或已撤销");
        }

        await audit.WriteAsync(actor.Name, AuditActions.TokenRevoked, $"token:{id}", null, address: actor.Address);
        return Done.Result;
    }

    private WorkflowPolicy Policy => new(definitions.Current);
}
