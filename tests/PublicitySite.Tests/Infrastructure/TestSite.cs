using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace PublicitySite.Tests.Infrastructure;

/// <summary>
/// The whole web app over real HTTP handlers, on a data directory of its own (SQLite by default, or a fresh
/// PostgreSQL database), built from <see cref="TestSiteOptions"/>.
/// </summary>
public sealed class TestSite : WebApplicationFactory<Program>
{
    public const string AdminPassword = "admin-password-1";

    private readonly TestDirectory? directory;
    private readonly TestSiteOptions options;

    public TestSite(TestSiteOptions options)
    {
        this.options = options;
        directory = options.DataDir is null ? new TestDirectory() : null;
        DataDir = options.DataDir ?? directory!.Path;
    }

    /// <summary>The short form most tests use; see <see cref="TestSiteOptions"/> for what each part does.</summary>
    public TestSite(bool seed = true, Db db = Db.Sqlite, Dictionary<string, string?>? settings = null, string? dataDir = null, Action<IServiceCollection>? services = null)
        : this(new TestSiteOptions { Seed = seed, Db = db, Settings = settings ?? [], DataDir = dataDir, Services = services })
    {
    }

    public string DataDir { get; }

    /// <summary>Starts the site, on a real loopback port when the options ask for one.</summary>
    public void Start()
    {
        if (options.RealPort)
        {
            this.UseKestrel(0);
            StartServer();
        }
        else
        {
            CreateClient().Dispose();
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Publicity:DataDir", DataDir);
        builder.UseSetting("Publicity:ImportSeed", options.Seed ? "true" : "false");
        builder.UseSetting("Publicity:AdminPassword", AdminPassword);
        // Two-step sign-in is tested where it is the subject (Auth/TwoFactorSignInTests); elsewhere test users
        // sign in with a password only unless a test's settings name required roles.
        builder.UseSetting("Admin:TwoFactor:RequiredRoles", "");
        if (options.Db == Db.Postgres)
        {
            builder.UseSetting("Database:Provider", "Postgres");
            builder.UseSetting("ConnectionStrings:Default", TestPostgres.CreateDatabase());
        }

        foreach (var (key, value) in options.Settings)
        {
            builder.UseSetting(key, value);
        }

        if (options.Services is not null)
        {
            builder.ConfigureTestServices(options.Services);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            directory?.Dispose();
        }
    }
}
