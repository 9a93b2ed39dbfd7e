using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace PublicitySite.Tests.Infrastructure;

/// <summary>
/// The whole web app over real HTTP handlers, on a data directory of its own (SQLite by default, or a fresh
/// PostgreSQL database). With <c>seed</c> the content-seed folder is imported as on a first start.
/// </summary>
public sealed class TestSite : WebApplicationFactory<Program>
{
    public const string AdminPassword = "admin-password-1";

    private readonly TestDirectory? directory;
    private readonly string dataDir;
    private readonly Db db;
    private readonly bool seed;
    private readonly Dictionary<string, string?> settings;
    private readonly Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? services;

    /// <param name="dataDir">An existing data directory to start on (kept afterwards), to test restarts.</param>
    /// <param name="services">Replaces services after the app registered its own (a test clock, say).</param>
    public TestSite(bool seed = true, Db db = Db.Sqlite, Dictionary<string, string?>? settings = null, string? dataDir = null, Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? services = null)
    {
        this.services = services;
        directory = dataDir is null ? new TestDirectory() : null;
        this.dataDir = dataDir ?? directory!.Path;
        this.seed = seed;
        this.db = db;
        this.settings = settings ?? [];
    }

    public string DataDir => dataDir;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Publicity:DataDir", dataDir);
        builder.UseSetting("Publicity:ImportSeed", seed ? "true" : "false");
        builder.UseSetting("Publicity:AdminPassword", AdminPassword);
        // Two-step sign-in is tested where it is the subject (Admin/TwoFactorSignInTests); elsewhere test users
        // sign in with a password only unless a test's settings name required roles.
        builder.UseSetting("Admin:TwoFactor:RequiredRoles", "");
        if (db == Db.Postgres)
        {
            builder.UseSetting("Database:Provider", "Postgres");
            builder.UseSetting("ConnectionStrings:Default", TestPostgres.CreateDatabase());
        }

        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        if (services is not null)
        {
            Microsoft.AspNetCore.TestHost.WebHostBuilderExtensions.ConfigureTestServices(builder, services);
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
