using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace PublicitySite.Tests.Infrastructure;

/// <summary>
/// The site as a real server process on a free loopback port, so a test can kill it with SIGKILL and start
/// it again on the same data directory, as a crash and a restart would.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly System.Text.StringBuilder log = new();

    private ServerProcess(Process process, Uri address)
    {
        this.process = process;
        Address = address;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri Address { get; }

    public HttpClient Client { get; }

    /// <summary>What the process wrote so far (for failure messages).</summary>
    public string Log
    {
        get
        {
            lock (log)
            {
                return log.ToString();
            }
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// Starts the site on <paramref name="dataDir"/> and returns once <c>/healthz</c> answers 200, within
    /// <paramref name="timeout"/> (90 s unless given: a node waiting for another to migrate and seed needs longer).
    /// </summary>
    public static async Task<ServerProcess> StartAsync(string dataDir, IReadOnlyDictionary<string, string>? environment = null, int? port = null, TimeSpan? timeout = null)
    {
        var address = new Uri($"http://127.0.0.1:{port ?? FreePort()}");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = dataDir };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "PublicitySite.Web.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(address.ToString().TrimEnd('/'));
        start.Environment["Publicity__DataDir"] = dataDir;
        start.Environment["PUBLICITY_ADMIN_PASSWORD"] = TestSite.AdminPassword;
        start.Environment["Admin__TwoFactor__RequiredRoles"] = "";
        start.Environment["Publicity__ImportSeed"] = "false";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var server = new ServerProcess(Process.Start(start)!, address);
        server.process.OutputDataReceived += (_, e) => server.Append(e.Data);
        server.process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        server.process.BeginOutputReadLine();
        server.process.BeginErrorReadLine();
        await server.WaitHealthyAsync(timeout ?? TimeSpan.FromSeconds(90));
        return server;
    }

    /// <summary>SIGKILL: no shutdown code runs, as when the machine or the OOM killer takes the process.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        Client.Dispose();
        process.Dispose();
    }

    private async Task WaitHealthyAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The site exited with {process.ExitCode}:\n{Log}");
            }

            try
            {
                using var response = await Client.GetAsync(new Uri("/healthz", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The site did not answer /healthz within {timeout}:\n{Log}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            if (log.Length < 200_000)
            {
                log.AppendLine(line);
            }
        }
    }
}
