using Microsoft.EntityFrameworkCore;
using PublicitySite.Setup;
using PublicitySite.Storage;

namespace PublicitySite.Web.Hosting;

internal static class HostingExtensions
{
    /// <summary>
    /// The slim builder: the same configuration sources and Kestrel, without what a Linux site behind nginx never
    /// uses (IIS integration, HTTP/3 over QUIC) and whose assemblies the full builder loads at every start
    /// (about 3 MB held). An HTTPS endpoint in Kestrel's configuration still works.
    /// </summary>
    public static WebApplicationBuilder CreateSiteBuilder(string[] args, bool verb)
    {
        var builder = WebApplication.CreateSlimBuilder(HostArguments(args, verb));
        builder.WebHost.UseKestrelHttpsConfiguration();
        return builder;
    }

    /// <summary>
    /// The arguments the host's configuration sees. <c>--data-dir X</c> becomes <c>Publicity:DataDir</c>; when a
    /// verb runs, nothing else reaches configuration, because a verb's own arguments (a path such as
    /// <c>/tmp/backup.zip</c>) would otherwise be read as configuration switches.
    /// </summary>
    public static string[] HostArguments(string[] args, bool verb)
    {
        var result = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--data-dir" && i + 1 < args.Length)
            {
                result.Add("--Publicity:DataDir=" + args[++i]);
            }
            else if (args[i].StartsWith("--data-dir=", StringComparison.Ordinal))
            {
                result.Add("--Publicity:DataDir=" + args[i]["--data-dir=".Length..]);
            }
            else if (!verb)
            {
                result.Add(args[i]);
            }
        }

        return [.. result];
    }

    /// <summary>
    /// Starts <see cref="InitializeSiteAsync"/> on a pool thread. Building the database model, migrating and reading
    /// the recipe take as long as resolving the theme, the admin pages and the routes; neither needs the other, so on
    /// two cores a restart is ready sooner when they run side by side. The caller awaits it before the site answers.
    /// </summary>
    public static Task StartSiteInitialization(this WebApplication app) => Task.Run(() => app.InitializeSiteAsync());

    /// <summary>
    /// Runs first-start set-up (migrations, recipe, seed content, administrator) before the site answers.
    /// A generated administrator password is printed once, here, and never stored in clear.
    /// </summary>
    public static async Task InitializeSiteAsync(this WebApplication app, bool importSeed = true)
    {
        // Nodes starting at the same moment on one PostgreSQL database migrate and seed one after another:
        // the first does the work, the rest find it done.
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>().Database;
        await using var serialized = db.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL" ? await SerializeAsync(db.GetConnectionString()!) : null;
        var initializer = scope.ServiceProvider.GetRequiredService<SiteInitializer>();
        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<PublicityOptions>>().Value;
        var password = options.AdminPassword ?? Environment.GetEnvironmentVariable("PUBLICITY_ADMIN_PASSWORD");
        var result = await initializer.InitializeAsync(password, importSeed && options.ImportSeed);
        if (result.SeedReport is { } report)
        {
            Console.WriteLine($"已导入示例内容：{report.Imported.Count} 项（发布 {report.Published} 项），跳过 {report.Skipped.Count} 个文件。");
            foreach (var (file, problem) in report.Skipped)
            {
                Console.WriteLine($"  跳过 {file}：{problem}");
            }
        }

        if (result.GeneratedAdminPassword is { } generated)
        {
            Console.WriteLine($"管理员账号 {SiteInitializer.AdminName} 的初始密码（只显示这一次，首次登录后须修改）：{generated}");
        }

        app.Lifetime.ApplicationStarted.Register(() =>
            Console.WriteLine($"网站已启动：{string.Join("  ", app.Urls)}（数据目录 {app.Services.GetRequiredService<SitePaths>().DataDir}）"));
    }

    // Its own method so that a SQLite site never loads the PostgreSQL driver (a method's assemblies load when it is compiled).
    private static async Task<IAsyncDisposable?> SerializeAsync(string connectionString) =>
        await PublicitySite.Changes.PostgresJobLock.AcquireAsync(connectionString, "initialize", CancellationToken.None);

    /// <summary>Finds the repository's recipe, seed and themes folders from the content root or the binaries.</summary>
    internal static SitePaths ResolvePaths(PublicityOptions options, string contentRoot)
    {
        var dataDir = Path.GetFullPath(Path.Combine(contentRoot, options.DataDir));
        var root = FindRepositoryRoot(contentRoot) ?? FindRepositoryRoot(AppContext.BaseDirectory) ?? contentRoot;
        return new SitePaths(
            dataDir,
            Full(options.RecipeFile, contentRoot) ?? Path.Combine(root, "recipes", "publicity.recipe.json"),
            Full(options.SeedDir, contentRoot) ?? Path.Combine(root, "content-seed"),
            Full(options.ThemesDir, contentRoot) ?? Path.Combine(root, "themes"));
    }

    private static string? Full(string? path, string contentRoot) => path is null ? null : Path.GetFullPath(Path.Combine(contentRoot, path));

    private static string? FindRepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "recipes", "publicity.recipe.json")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
