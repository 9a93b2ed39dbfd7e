using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace PublicitySite.Tests.Infrastructure;

/// <summary>The built web host as a real process on a free loopback port, stopped on dispose.</summary>
public sealed class SiteHostProcess : IAsyncDisposable
{
    private readonly Process process;
    private bool stopped;

    private SiteHostProcess(Process process, int port)
    {
        this.process = process;
        Port = port;
    }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    public static async Task<SiteHostProcess> StartAsync(string dataDir, params string[] settings)
    {
        var port = FreePort();
        var dll = Path.Combine(AppContext.BaseDirectory, "PublicitySite.Web.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = dataDir };
        foreach (var arg in new[] { dll, "--urls", $"http://127.0.0.1:{port}", "--data-dir", dataDir }.Concat(settings))
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["PUBLICITY_ADMIN_PASSWORD"] = TestSite.AdminPassword;
        start.Environment["Admin__TwoFactor__RequiredRoles"] = "";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new SiteHostProcess(process, port);
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        // Generous: a first start imports the seed, and test machines are often busy.
        var deadline = DateTime.UtcNow.AddSeconds(300);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"the site exited with {process.ExitCode}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri(server.BaseAddress, "/healthz"));
                if (response.IsSuccessStatusCode)
                {
                    return server;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // starting
            }

            await Task.Delay(200);
        }

        await server.DisposeAsync();
        throw new TimeoutException("the site did not answer /healthz");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Stops the site; safe to call again (a test stops it midway, its cleanup once more).</summary>
    public async ValueTask DisposeAsync()
    {
        if (stopped)
        {
            return;
        }

        stopped = true;
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }
}
