using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace PublicitySite.BrowserTests.Infrastructure;

/// <summary>
/// The seeded site on Kestrel at a free loopback port (a browser cannot reach TestServer), and one headless
/// Chromium. Shared by the browser tests, which only read.
/// </summary>
public sealed class BrowserSite : IAsyncLifetime
{
    private readonly string dataDir = Path.Combine(Path.GetTempPath(), "publicity-browser-tests", Guid.NewGuid().ToString("N")[..12]);
    private readonly Factory factory;
    private IPlaywright? playwright;

    public BrowserSite()
    {
        factory = new Factory(dataDir);
    }

    public const string AdminPassword = "admin-password-1";

    public string BaseUrl { get; private set; } = "";

    public IBrowser Browser { get; private set; } = null!;

    public static string ScreenshotDir { get; } = FindScreenshotDir();

    public async Task InitializeAsync()
    {
        factory.UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));
        factory.StartServer();
        var addresses = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().Replace("[::1]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal);
        playwright = await Playwright.CreateAsync();
        Browser = await Chromium.LaunchAsync(playwright);
    }

    /// <summary>A fresh browser context (own cookies) with the given viewport width.</summary>
    public async Task<IPage> OpenAsync(string path, int width = 1366, bool javaScript = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = width < 600 ? 780 : 900 },
            JavaScriptEnabled = javaScript,
            Locale = "zh-CN",
            BaseURL = BaseUrl,
        });
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync(path);
        Assert.NotNull(response);
        Assert.Equal(200, response.Status);
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        playwright?.Dispose();
        await factory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(dataDir, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left for the OS to clean; the test result does not depend on it.
        }
    }

    private static string FindScreenshotDir()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PublicitySite.BrowserTests.csproj")))
            {
                var path = Path.Combine(dir.FullName, "TestResults", "screenshots");
                Directory.CreateDirectory(path);
                return path;
            }
        }

        var fallback = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");
        Directory.CreateDirectory(fallback);
        return fallback;
    }

    private sealed class Factory(string dataDir) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Publicity:DataDir", dataDir);
            builder.UseSetting("Publicity:ImportSeed", "true");
            builder.UseSetting("Publicity:AdminPassword", AdminPassword);
            builder.UseSetting("Admin:TwoFactor:RequiredRoles", ""); // walks sign in with a password; TwoFactorWalkTests enrols
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserSite>
{
    public const string Name = "browser";
}
