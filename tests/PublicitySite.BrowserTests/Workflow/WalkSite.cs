using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using PublicitySite.Users;

namespace PublicitySite.BrowserTests.Workflow;

/// <summary>
/// The whole site on a real Kestrel port with a data directory of its own, and a headless Chromium
/// (see <see cref="Chromium"/>).
/// </summary>
public sealed class WalkSite : WebApplicationFactory<Program>
{
    public const string Password = "walk-password-1";

    private readonly string dataDir = Path.Combine(Path.GetTempPath(), "publicity-walk", Guid.NewGuid().ToString("N")[..12]);

    private readonly string twoFactorRoles;

    /// <param name="twoFactorRoles">Roles that must sign in with two steps; none unless a walk is about that.</param>
    public WalkSite(string twoFactorRoles = "")
    {
        this.twoFactorRoles = twoFactorRoles;
        this.UseKestrel(0);
    }

    public Uri Address { get; private set; } = new("http://localhost");

    public void Start()
    {
        StartServer();
        var bound = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        // localhost, not 127.0.0.1: browsers treat it as a secure context, so the Secure session cookie is kept.
        Address = new Uri("http://localhost:" + new Uri(bound.Replace("[::]", "localhost", StringComparison.Ordinal)).Port);
    }

    public async Task AddUserAsync(string name, string role, string displayName)
    {
        await using var scope = Services.CreateAsyncScope();
        var (_, errors) = await scope.ServiceProvider.GetRequiredService<UserService>().AddAsync(name, role, Password, displayName);
        Assert.Empty(errors);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Publicity:DataDir", dataDir);
        builder.UseSetting("Publicity:ImportSeed", "false");
        builder.UseSetting("Publicity:AdminPassword", "walk-admin-password-1");
        builder.UseSetting("Admin:TwoFactor:RequiredRoles", twoFactorRoles);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(dataDir, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open; the OS temp cleaner takes it later.
            }
        }
    }
}
