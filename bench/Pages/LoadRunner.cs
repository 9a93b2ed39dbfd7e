using System.Diagnostics;

namespace PublicitySite.Bench.Pages;

internal sealed record LoadResult(string Page, string Mode, long Requests, long Errors, double Seconds, double P50, double P90, double P99, long Bytes)
{
    public double Rate => Requests / Seconds;
}

/// <summary>
/// A closed-loop load generator: <c>connections</c> workers each send one request at a time for a fixed
/// duration (and never more than <c>maxRequests</c> in all), recording every latency.
/// </summary>
internal sealed class LoadRunner(int connections, TimeSpan warmup, TimeSpan duration, long maxRequests)
{
    private const int Prime = 300;

    public async Task<LoadResult> RunAsync(string page, string mode, Uri url)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan, UseCookies = false };
        using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };

        // Prime one request at a time first, so the server's code is jitted and tiered up before the clock
        // runs; under full load a cold page would spend the warm-up running unoptimised code.
        for (var i = 0; i < Prime; i++)
        {
            using var response = await client.GetAsync(url);
            await response.Content.ReadAsByteArrayAsync();
        }

        await LoopAsync(client, url, warmup, maxRequests, record: false);
        return await LoopAsync(client, url, duration, maxRequests, record: true) with { Page = page, Mode = mode };
    }

    private async Task<LoadResult> LoopAsync(HttpClient client, Uri url, TimeSpan length, long cap, bool record)
    {
        long sent = 0;
        long errors = 0;
        long bytes = 0;
        var latencies = new List<double>[connections];
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, connections).Select(worker => Task.Run(async () =>
        {
            var mine = latencies[worker] = new List<double>(capacity: 100_000);
            var buffer = new byte[64 * 1024];
            while (clock.Elapsed < length && Interlocked.Increment(ref sent) <= cap)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
                    await using var body = await response.Content.ReadAsStreamAsync();
                    int read;
                    long size = 0;
                    while ((read = await body.ReadAsync(buffer)) > 0)
                    {
                        size += read;
                    }

                    if (!response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref errors);
                    }

                    Interlocked.Add(ref bytes, size);
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref errors);
                }

                if (record)
                {
                    mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
            }
        })).ToArray();
        await Task.WhenAll(workers);
        var seconds = clock.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new LoadResult("", "", all.Length, errors, seconds, Percentile(all, 0.50), Percentile(all, 0.90), Percentile(all, 0.99), all.Length == 0 ? 0 : bytes / Math.Max(1, all.Length));
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
