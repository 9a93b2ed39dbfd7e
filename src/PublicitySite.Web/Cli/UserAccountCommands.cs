using System.CommandLine;
using PublicitySite.Commands;
using PublicitySite.Users;
using Spectre.Console;

namespace PublicitySite.Web.Cli;

/// <summary>
/// <c>user passwd</c>, <c>user disable</c>, <c>user enable</c>, <c>user reset-2fa</c>: the way back in for a
/// forgotten administrator password or a lost phone, and the way to lock someone out. Both go through <see cref="UserAdministration"/>, so they are
/// audited and end the user's sessions, as the admin pages would.
/// </summary>
internal static class UserAccountCommands
{
    public static Command Passwd(WebApplication app)
    {
        var name = new Argument<string>("name") { Description = "登录名" };
        var password = new Option<string?>("--password") { Description = "新密码（不给则提示输入；从管道读入一行也可）" };
        var generate = new Option<bool>("--generate") { Description = "生成新密码并显示一次" };
        var passwd = new Command("passwd", "重设用户密码（原有会话立即失效）") { name, password, generate };
        passwd.SetAction(async (result, cancellationToken) =>
        {
            var given = result.GetValue(password);
            if (result.GetValue(generate) && given is not null)
            {
                await Console.Error.WriteLineAsync("--password 与 --generate 只能选一个");
                return CommandLine.UsageError;
            }

            var secret = result.GetValue(generate) ? UserService.GeneratePassword() : given ?? ReadPassword();
            if (string.IsNullOrEmpty(secret))
            {
                await Console.Error.WriteLineAsync("未输入密码，未做修改");
                return CommandLine.UsageError;
            }

            await CommandLine.PrepareAsync(app);
            await using var scope = app.Services.CreateAsyncScope();
            var outcome = await scope.ServiceProvider.GetRequiredService<UserAdministration>().SetPasswordAsync(CommandLine.Operator, result.GetValue(name)!, secret, generated: result.GetValue(generate));
            if (outcome.Failure is { } failure)
            {
                return await FailAsync(failure);
            }

            Console.WriteLine($"已重设 {result.GetValue(name)} 的密码，原有登录会话已失效。");
            if (result.GetValue(generate))
            {
                Console.WriteLine($"新密码（只显示这一次）：{secret}");
                Console.WriteLine("该用户登录后须先修改此密码。");
            }

            return 0;
        });
        return passwd;
    }

    public static Command Switch(WebApplication app, string verb, string description, Func<UserAdministration, string, Task<Result<Done>>> act, string done)
    {
        var name = new Argument<string>("name") { Description = "登录名" };
        var command = new Command(verb, description) { name };
        command.SetAction(async (result, cancellationToken) =>
        {
            await CommandLine.PrepareAsync(app);
            await using var scope = app.Services.CreateAsyncScope();
            var outcome = await act(scope.ServiceProvider.GetRequiredService<UserAdministration>(), result.GetValue(name)!);
            if (outcome.Failure is { } failure)
            {
                return await FailAsync(failure);
            }

            Console.WriteLine($"{done}用户 {result.GetValue(name)}。");
            return 0;
        });
        return command;
    }

    private static async Task<int> FailAsync(Failure failure)
    {
        foreach (var error in failure.Messages)
        {
            await Console.Error.WriteLineAsync(error);
        }

        return 1;
    }

    /// <summary>Asks twice without echo at a terminal; reads one line when the password comes through a pipe.</summary>
    private static string? ReadPassword()
    {
        if (Console.IsInputRedirected)
        {
            return Console.ReadLine()?.TrimEnd('\r', '\n');
        }

        var first = AnsiConsole.Prompt(new TextPrompt<string>("新密码：").Secret());
        var second = AnsiConsole.Prompt(new TextPrompt<string>("再输入一次：").Secret());
        if (first != second)
        {
            Console.Error.WriteLine("两次输入的密码不一致");
            return null;
        }

        return first;
    }
}
