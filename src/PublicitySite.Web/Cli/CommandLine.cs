using System.CommandLine;
using PublicitySite.Web.Hosting;

namespace PublicitySite.Web.Cli;

/// <summary>
/// The verbs the web host also answers (<c>user</c>, <c>token</c>, <c>recipe</c>, <c>import</c>, <c>reindex</c>,
/// <c>backup</c>, <c>restore</c>). Wrong usage prints help and exits with 2, as scripts expect.
/// </summary>
public static class CommandLine
{
    public const int UsageError = 2;

    /// <summary>A first argument that is not a switch names a verb; switches alone start the site.</summary>
    public static bool IsVerb(string[] args) => args.Length > 0 && !args[0].StartsWith('-');

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var root = new RootCommand("PublicitySite 政协门户网站：不带参数运行即启动网站；以下命令用于管理。");
        root.Options.Add(new Option<string>("--data-dir") { Description = "数据目录（默认 App_Data）", Recursive = true });
        root.Subcommands.Add(UserCommands.Create(app));
        root.Subcommands.Add(TokenCommands.Create(app));
        root.Subcommands.Add(ContentCommands.Recipe(app));
        root.Subcommands.Add(ContentCommands.Import(app));
        root.Subcommands.Add(ContentCommands.Reindex(app));
        root.Subcommands.Add(PublicitySite.Web.Literature.LiteratureCommands.ImportCollection(app));
        root.Subcommands.Add(BackupCommands.Backup(app));
        root.Subcommands.Add(BackupCommands.Restore(app));
        root.Subcommands.Add(WebhookCommands.Create(app));
        root.Subcommands.Add(PublicitySite.Web.StaticPublish.StaticPublishing.Command(app));

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                await Console.Error.WriteLineAsync(error.Message);
            }

            await Console.Error.WriteLineAsync();
            await Console.Error.WriteLineAsync("用法：dotnet run --project src/PublicitySite.Web -- <命令> [选项]，命令列表见 --help");
            return UsageError;
        }

        return await parsed.InvokeAsync();
    }

    /// <summary>Every verb works on an initialised data directory (schema, recipe, administrator), seed or not.</summary>
    internal static async Task PrepareAsync(WebApplication app) => await app.InitializeSiteAsync(importSeed: false);
}
