using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace PublicitySite.Bench.Startup;

/// <summary>One start of the built web host: how long until it answers, and its memory as the kernel counts it.</summary>
internal sealed class SiteRun : IAsyncDisposable
{
    private readonly Process process;

    private SiteRun(Process process, string baseUrl)
    {
        this.process = process;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    /// <summary>From process start until the home page answers 200.</summary>
    public TimeSpan PageReady { get; private set; }

    /// <summary>From process start until <c>/healthz</c> says search is usable too.</summary>
    public TimeSpan SearchReady { get; private set; }

    public static async Task<SiteRun> StartAsync(string webDll, string dataDir, IReadOnlyList<string> environment)
    {
        var port = PublicitySite.Bench.Pages.BenchFiles.FreePort();
        var baseUrl = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(webDll)! };
        foreach (var arg in new[] { webDll, "--urls", baseUrl, "--data-dir", dataDir, "--Logging:LogLevel:Default=Warning", "--Publicity:AdminPassword=bench-password-1", "--Api:AnonymousPerMinute=100000000" })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var pair in environment)
        {
            var (key, value) = (pair[..pair.IndexOf('=', StringComparison.Ordinal)], pair[(pair.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            start.Environment[key] = value;
        }

        await WarmClientAsync();
        var clock = Stopwatch.StartNew();
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 }) Console.Error.WriteLine("  [server] " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var run = new SiteRun(process, baseUrl);
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        while (clock.Elapsed < TimeSpan.FromMinutes(5))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"the web host exited with code {process.ExitCode}");
            }

            try
            {
                if (run.PageReady == TimeSpan.Zero)
                {
                    using var page = await client.GetAsync(new Uri(baseUrl + "/"));
                    if (page.StatusCode == HttpStatusCode.OK)
                    {
                        run.PageReady = clock.Elapsed;
                    }
                }

                if (run.PageReady != TimeSpan.Zero)
                {
                    var health = await client.GetStringAsync(new Uri(baseUrl + "/healthz"));
                    if (health.Contains("\"status\":\"ok\"", StringComparison.Ordinal))
                    {
                        run.SearchReady = clock.Elapsed;
                        return run;
                    }
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // busy starting
            }

            await Task.Delay(10);
        }

        await run.DisposeAsync();
        throw new TimeoutException("the web host was not ready within 5 minutes");
    }

    /// <summary>
    /// Runs this process's own HTTP client once (a refused connection, then a 200) before the site starts, so that
    /// compiling the client's code does not take the second core from the site while its start is timed.
    /// </summary>
    private static async Task WarmClientAsync()
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        try
        {
            using var refused = await client.GetAsync(new Uri($"http://127.0.0.1:{port}/"));
        }
        catch (HttpRequestException)
        {
            // nothing listens there yet, as at the start of every timed run
        }

        listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, port);
        listener.Start();
        var answer = Task.Run(async () =>
        {
            using var socket = await listener.AcceptSocketAsync();
            var buffer = new byte[4096];
            _ = await socket.ReceiveAsync(buffer);
            await socket.SendAsync("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"u8.ToArray());
        });
        using (var ok = await client.GetAsync(new Uri($"http://127.0.0.1:{port}/")))
        {
            await answer;
        }

        listener.Stop();
    }

    /// <summary>Resident memory by kind (code and types, assemblies, native libraries, anonymous), with the site's own gauges.</summary>
    public async Task<string> MemoryBreakdownAsync()
    {
        using var client = new HttpClient();
        var metrics = await client.GetStringAsync(new Uri(BaseUrl + "/metrics"));
        return MemoryMap.Describe(MemoryMap.Read(process.Id), metrics);
    }

    /// <summary>Resident memory now and at its peak (VmRSS, VmHWM), in MB.</summary>
    public (double Now, double Peak) Memory()
    {
        double Field(string name)
        {
            var line = File.ReadLines($"/proc/{process.Id}/status").First(l => l.StartsWith(name + ":", StringComparison.Ordinal));
            return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
        }

        return (Field("VmRSS"), Field("VmHWM"));
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }
}
