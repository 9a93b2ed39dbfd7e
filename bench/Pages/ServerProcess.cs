using System.Diagnostics;
using System.Net;

namespace PublicitySite.Bench.Pages;

/// <summary>The web host, started from its build output on a free loopback port, stopped on dispose.</summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process process;

    private ServerProcess(Process process, string baseUrl)
    {
        this.process = process;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    /// <param name="settings">Further <c>--Key=Value</c> settings (the API benchmark lifts the rate limits).</param>
    public static async Task<ServerProcess> StartAsync(string webDll, string dataDir, string themesDir, bool pageCache, params string[] settings)
    {
        var port = BenchFiles.FreePort();
        var baseUrl = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(webDll)!,
        };
        foreach (var arg in new[]
        {
            webDll, "--urls", baseUrl, "--data-dir", dataDir, "--Publicity:ThemesDir=" + themesDir,
            "--PageCache:Enabled=" + (pageCache ? "true" : "false"), "--Logging:LogLevel:Default=Warning",
            "--Publicity:AdminPassword=bench-password-1",
        }.Concat(settings))
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 }) Console.Error.WriteLine("  [server] " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        for (var i = 0; i < 1200; i++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"the web host exited with code {process.ExitCode}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri(baseUrl + "/healthz"));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return new ServerProcess(process, baseUrl);
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // first start migrates and imports the seed
            }

            await Task.Delay(250);
        }

        process.Kill(entireProcessTree: true);
        throw new TimeoutException("the web host did not answer /healthz within 5 minutes");
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
