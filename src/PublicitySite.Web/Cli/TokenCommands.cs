using System.CommandLine;
using PublicitySite.Users;

namespace PublicitySite.Web.Cli;

internal static class TokenCommands
{
    public static Command Create(WebApplication app)
    {
        var token = new Command("token", "管理 API 令牌");
        var user = new Argument<string>("user") { Description = "令牌所属用户（令牌以该用户的角色行事）" };
        var name = new Option<string?>("--name") { Description = "令牌名称" };
        var expires = new Option<int?>("--expires") { Description = $"有效天数（默认 {TokenAdministration.DefaultDays}，最多 {TokenAdministration.MaxDays}），与后台创建的令牌相同" };
        var scopes = new Option<string[]>("--scope") { Description = "权限范围：" + string.Join(", ", TokenScopes.All) + "（不给则为该用户角色可用的全部范围）", AllowMultipleArgumentsPerToken = true };
        var create = new Command("create", "创建令牌（只显示一次）") { user, name, expires, scopes };
        create.SetAction(async (result, cancellationToken) =>
        {
            var asked = result.GetValue(scopes) ?? [];
            var unknown = asked.Except(TokenScopes.All).ToList();
            if (unknown.Count > 0 || result.GetValue(expires) is <= 0 or > TokenAdministration.MaxDays)
            {
                await Console.Error.WriteLineAsync(unknown.Count > 0 ? $"未知的权限范围：{string.Join(", ", unknown)}" : $"--expires 应为 1 到 {TokenAdministration.MaxDays} 的整数（天）");
                return CommandLine.UsageError;
            }

            await CommandLine.PrepareAsync(app);
            await using var scope = app.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserService>();
            var owner = await users.FindAsync(result.GetValue(user)!);
            if (owner is null)
            {
                await Console.Error.WriteLineAsync(UserTexts.NoSuchUser(result.GetValue(user)));
                return 1;
            }

            // The admin page's rule: a token carries only scopes its user's role can use.
            var rules = scope.ServiceProvider.GetRequiredService<TokenAdministration>();
            var role = await users.RoleOfAsync(owner);
            var roleLabel = rules.RoleLabel(role);
            IReadOnlyList<string> wanted = asked.Length > 0 ? asked.Distinct().ToList() : rules.AllowedScopes(role);
            if (wanted.Count == 0)
            {
                await Console.Error.WriteLineAsync($"用户“{owner.UserName}”的角色（{roleLabel}）没有可用的权限范围，未创建令牌");
                return 1;
            }

            if (rules.RefusedScopes(role, wanted) is { Count: > 0 } refused)
            {
                await Console.Error.WriteLineAsync($"用户“{owner.UserName}”的角色（{roleLabel}）不能授予这些权限范围：{string.Join(", ", refused)}；可用的是：{string.Join(", ", rules.AllowedScopes(role))}。未创建令牌");
                return 1;
            }

            var (created, secret) = await scope.ServiceProvider.GetRequiredService<TokenService>()
                .CreateAsync(owner, result.GetValue(name) ?? "cli", result.GetValue(expires) ?? TokenAdministration.DefaultDays, wanted, cancellationToken);
            Console.WriteLine(secret);
            await Console.Error.WriteLineAsync($"令牌 #{created.Id}（{created.Name}）已创建，权限：{created.Scopes}；请妥善保存，它不会再次显示。");
            return 0;
        });
        token.Subcommands.Add(create);
        return token;
    }
}
