using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace PublicitySite.Tests.Infrastructure;

/// <summary>
/// The web host as a real process on Kestrel at a free loopback port, as an operator runs it (no test server in
/// between), with its own data directory. Stopped and removed on dispose.
/// </summary>
public sealed class SiteServer : IAsyncDisposable
{
    private readonly TestDirectory directory;
    private readonly Process process;

    private SiteServer(Process process, Uri address, TestDirectory directory)
    {
        this.process = process;
        this.directory = directory;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<SiteServer> StartAsync(Dictionary<string, string>? environment = null)
    {
        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "PublicitySite.Web.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(address.ToString().TrimEnd('/'));
        start.Environment["PUBLICITY_ADMIN_PASSWORD"] = TestSite.AdminPassword;
        start.Environment["Admin__TwoFactor__RequiredRoles"] = "";
        start.Environment["Publicity__ImportSeed"] = "false";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        foreach (var (key, value) in environment ?? [])
        {
            start.Environment[key] = value;
        }

        var directory = new TestDirectory();
        start.Environment["Publicity__DataDir"] = directory.Path;
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var started = new SiteServer(process, address, directory);
        using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                using var answer = await client.GetAsync("/healthz");
                return started; // listening: initialisation is done before the host listens
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // busy starting
            }

            await Task.Delay(250);
        }

        await started.DisposeAsync();
        throw new InvalidOperationException("The site did not start at " + address);
    }

    public HttpClient Client(bool redirects = false) =>
        new(new HttpClientHandler { AllowAutoRedirect = redirects, UseCookies = true }) { BaseAddress = Address };

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        directory.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
