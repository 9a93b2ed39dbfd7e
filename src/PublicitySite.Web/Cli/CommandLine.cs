using System.CommandLine;
using PublicitySite.Web.Hosting;

namespace PublicitySite.Web.Cli;

/// <summary>
/// The verbs the web host also answers (<c>user</c>, <c>token</c>, <c>recipe</c>, <c>import</c>, <c>reindex</c>,
/// <c>backup</c>, <c>restore</c>, <c>doctor</c>, …). Wrong usage prints help and exits with 2, as scripts expect;
/// <c>--help</c>, <c>-h</c> and <c>help</c> print the verbs and exit with 0.
/// </summary>
internal static class CommandLine
{
    public const int UsageError = 2;

    /// <summary>
    /// Whoever runs a verb has the server's shell and its data directory, so verbs act as an administrator;
    /// the audit trail names them 命令行.
    /// </summary>
    internal static readonly PublicitySite.Workflow.Actor Operator = new("命令行", PublicitySite.Workflow.Actor.AdministratorRole, "localhost");

    private static readonly string[] HelpSwitches = ["--help", "-h", "-?", "help"];

    /// <summary>
    /// True when the arguments name a verb or ask for help, wherever the verb stands: <c>--data-dir X user list</c>
    /// and <c>user list --data-dir X</c> are the same command. Only arguments without a verb start the site.
    /// </summary>
    public static bool IsVerb(string[] args) => args.Any(a => HelpSwitches.Contains(a)) || VerbIndex(args) >= 0;

    /// <summary>
    /// The first argument that is neither a switch nor the value of one. A switch takes the next argument as its
    /// value unless it is written <c>--name=value</c> (so <c>--urls http://x</c> and <c>--data-dir X</c> skip X).
    /// </summary>
    private static int VerbIndex(string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith('-'))
            {
                return i;
            }

            if (!args[i].Contains('=', StringComparison.Ordinal) && !HelpSwitches.Contains(args[i]))
            {
                i++;
            }
        }

        return -1;
    }

    /// <summary><c>help</c> and <c>help user</c> read as <c>--help</c> and <c>user --help</c>.</summary>
    internal static string[] Normalize(string[] args)
    {
        var verb = VerbIndex(args);
        if (verb < 0 || args[verb] != "help")
        {
            return args;
        }

        return [.. args[..verb], .. args[(verb + 1)..], "--help"];
    }

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        // The parser's own words (help headings, usage errors) in Chinese, like the verbs' descriptions.
        System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("zh-CN");
        var root = new RootCommand("PublicitySite 政协门户网站：不带命令运行即启动网站；以下命令用于管理。相对路径以当前目录为准。");
        foreach (var help in root.Options.OfType<System.CommandLine.Help.HelpOption>())
        {
            help.Description = "显示帮助（也可写 help 或 <命令> --help）"; // the parser's own text has no Chinese
        }

        root.Options.Add(new Option<string>("--data-dir") { Description = "数据目录（默认为当前目录下的 App_Data）", Recursive = true });
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
        root.Subcommands.Add(DoctorCommand.Create(app));
        root.Subcommands.Add(PublicitySite.Web.SiteMigration.MigrateSiteCommand.Create(app));

        var parsed = root.Parse(Normalize(args));
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
    /// <summary>What a verb that reads a folder says when the folder is not there.</summary>
    internal static string MissingFolder(DirectoryInfo folder) => $"目录不存在：{folder.FullName}";

    internal static async Task PrepareAsync(WebApplication app) => await app.InitializeSiteAsync(importSeed: false);
}
