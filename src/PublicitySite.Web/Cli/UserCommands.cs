using System.CommandLine;
using PublicitySite.Contents.Definitions;
using PublicitySite.MemberPortal;
using PublicitySite.Users;
using Spectre.Console;

namespace PublicitySite.Web.Cli;

internal static class UserCommands
{
    public static Command Create(WebApplication app)
    {
        var user = new Command("user", "管理用户");

        var name = new Argument<string>("name") { Description = "登录名" };
        var role = new Option<string>("--role") { Description = "角色：Administrator, Publisher, Reviewer, Editor, Contributor, ProposalClerk, HistoryEditor, ProposalHead, Member", Required = true };
        var password = new Option<string?>("--password") { Description = "密码（不给则生成并显示一次）" };
        var displayName = new Option<string?>("--display-name") { Description = "显示名称" };
        var member = new Option<string?>("--member") { Description = "委员账户（--role Member）对应的委员资料编号" };
        var add = new Command("add", "添加用户") { name, role, password, displayName, member };
        add.SetAction(async (result, cancellationToken) =>
        {
            await CommandLine.PrepareAsync(app);
            await using var scope = app.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserService>();
            var given = result.GetValue(password);
            var secret = string.IsNullOrEmpty(given) ? UserService.GeneratePassword() : given;
            var asMember = string.Equals(result.GetValue(role), MemberAccounts.Role, StringComparison.OrdinalIgnoreCase);
            if (!asMember && result.GetValue(member) is not null)
            {
                await Console.Error.WriteLineAsync("--member 只用于委员账户（--role Member）");
                return 1;
            }

            // Through the services the admin page and the API use, so an account added here is audited alike.
            IReadOnlyList<string> errors;
            if (asMember)
            {
                (_, errors) = await scope.ServiceProvider.GetRequiredService<MemberAccounts>().AddAsync(CommandLine.Operator, result.GetValue(name)!, result.GetValue(member), secret, generated: string.IsNullOrEmpty(given), cancellationToken);
            }
            else
            {
                var added = await scope.ServiceProvider.GetRequiredService<UserAdministration>()
                    .AddAsync(CommandLine.Operator, result.GetValue(name)!, result.GetValue(role)!, secret, result.GetValue(displayName), generated: string.IsNullOrEmpty(given));
                errors = added.Failure is { } failure ? [.. failure.Messages] : [];
            }

            var created = errors.Count == 0 ? await users.FindAsync(result.GetValue(name)!.Trim()) : null;
            if (created is null)
            {
                foreach (var error in errors)
                {
                    await Console.Error.WriteLineAsync(error);
                }

                return 1;
            }

            var roleName = await users.RoleOfAsync(created);
            var label = scope.ServiceProvider.GetRequiredService<SiteDefinitionStore>().Current.Roles.First(r => r.Name == roleName).DisplayName;
            Console.WriteLine($"已添加用户 {created.UserName}（{label}）");
            if (string.IsNullOrEmpty(given))
            {
                Console.WriteLine($"初始密码（只显示这一次，首次登录后须修改）：{secret}");
            }

            return 0;
        });

        var list = new Command("list", "列出用户");
        list.SetAction(async (_, cancellationToken) =>
        {
            await CommandLine.PrepareAsync(app);
            await using var scope = app.Services.CreateAsyncScope();
            var roles = scope.ServiceProvider.GetRequiredService<SiteDefinitionStore>().Current.Roles;
            var table = new Table().AddColumns("登录名", "显示名称", "角色", "创建时间", "状态");
            foreach (var (u, r) in await scope.ServiceProvider.GetRequiredService<UserService>().ListAsync())
            {
                var label = roles.FirstOrDefault(x => x.Name == r)?.DisplayName ?? r;
                table.AddRow(Markup.Escape(u.UserName ?? ""), Markup.Escape(u.DisplayName ?? ""), Markup.Escape($"{r} {label}"), u.CreatedUtc.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture), UserAdministration.IsDisabled(u) ? "已停用" : "正常");
            }

            AnsiConsole.Write(table);
            return 0;
        });

        user.Subcommands.Add(add);
        user.Subcommands.Add(list);
        user.Subcommands.Add(UserAccountCommands.Passwd(app));
        user.Subcommands.Add(UserAccountCommands.Switch(app, "disable", "停用用户（立即结束其会话与令牌）", (admin, name) => admin.DisableAsync(CommandLine.Operator, name), "已停用"));
        user.Subcommands.Add(UserAccountCommands.Switch(app, "enable", "重新启用用户", (admin, name) => admin.EnableAsync(CommandLine.Operator, name), "已启用"));
        user.Subcommands.Add(UserAccountCommands.Switch(app, "reset-2fa", "重置用户的两步验证（手机丢失时；其会话立即结束，下次登录重新设置）", (admin, name) => admin.ResetTwoFactorAsync(CommandLine.Operator, name), "已重置两步验证："));
        return user;
    }
}
