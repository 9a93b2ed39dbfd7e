using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace PublicitySite.Bench.Search;

/// <summary>
/// Starts the site (the Release build of PublicitySite.Web) as its own process on the benchmark's data
/// directory and fires <c>GET /api/search</c> from several concurrent clients over real HTTP.
/// </summary>
internal static class HttpLoad
{
    public sealed record Result(double P50, double P99, int Requests, double PerSecond, long RssMb, long PeakMb, double CpuMsPerRequest);

    public static async Task<Result> RunAsync(string root, string dataDir, IReadOnlyList<string> queries, int clients, int requests)
    {
        var dll = Path.Combine(root, "src", "PublicitySite.Web", "bin", "Release", "net10.0", "PublicitySite.Web.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException("Build the site first: dotnet build -c Release src/PublicitySite.Web", dll);
        }

        var port = FreePort();
        // Every client shares one address: the per-address limit for anonymous API use is lifted for the run.
        var start = new ProcessStartInfo("dotnet", [dll, "--data-dir", dataDir, "--urls", $"http://127.0.0.1:{port}", "--Api:AnonymousPerMinute=100000000"])
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["Publicity__ImportSeed"] = "false",
                ["PUBLICITY_ADMIN_PASSWORD"] = "bench-password-1",
                ["Logging__LogLevel__Default"] = "Warning",
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
            },
        };
        using var site = Process.Start(start) ?? throw new InvalidOperationException("The site did not start.");
        site.OutputDataReceived += (_, _) => { };
        site.ErrorDataReceived += (_, _) => { };
        site.BeginOutputReadLine();
        site.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients * 2 }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await WaitReadyAsync(http, site);
            foreach (var q in queries)
            {
                (await http.GetAsync("/api/search?q=" + Uri.EscapeDataString(q))).EnsureSuccessStatusCode();
            }

            var latencies = new List<double>(requests);
            var cpuBefore = CpuMilliseconds(site.Id);
            var watch = Stopwatch.StartNew();
            var next = -1;
            await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
            {
                var mine = new List<double>();
                for (var i = Interlocked.Increment(ref next); i < requests; i = Interlocked.Increment(ref next))
                {
                    var begin = Stopwatch.GetTimestamp();
                    using var response = await http.GetAsync("/api/search?q=" + Uri.EscapeDataString(queries[i % queries.Count]));
                    await response.Content.ReadAsByteArrayAsync();
                    mine.Add(Stopwatch.GetElapsedTime(begin).TotalMilliseconds);
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        throw new InvalidOperationException($"HTTP {(int)response.StatusCode}");
                    }
                }

                lock (latencies)
                {
                    latencies.AddRange(mine);
                }
            })));
            watch.Stop();
            var cpu = (CpuMilliseconds(site.Id) - cpuBefore) / latencies.Count;
            var (rss, peak) = Memory(site.Id);
            var sorted = latencies.Order().ToList();
            return new Result(sorted[sorted.Count / 2], sorted[(int)Math.Ceiling(sorted.Count * 0.99) - 1], sorted.Count, sorted.Count / watch.Elapsed.TotalSeconds, rss, peak, cpu);
        }
        finally
        {
            site.Kill(entireProcessTree: true);
            await site.WaitForExitAsync();
        }
    }

    private static async Task WaitReadyAsync(HttpClient http, Process site)
    {
        for (var i = 0; i < 1200; i++)
        {
            if (site.HasExited)
            {
                throw new InvalidOperationException($"The site exited with {site.ExitCode}.");
            }

            try
            {
                if ((await http.GetAsync("/api/search?q=政协")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(250);
        }

        throw new TimeoutException("The site's search did not become ready within 5 minutes.");
    }

    /// <summary>Resident and peak memory of a process, from /proc (Linux).</summary>
    private static (long RssMb, long PeakMb) Memory(int pid)
    {
        long Read(string key) => File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal)) is { } line
            ? long.Parse(line[key.Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) / 1024 : 0;
        return (Read("VmRSS:"), Read("VmHWM:"));
    }

    /// <summary>User + system CPU time of a process, from /proc/&lt;pid&gt;/stat (clock ticks of 10 ms).</summary>
    private static double CpuMilliseconds(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture)) * 10.0;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
