using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;

namespace PublicitySite.SiteMigration;

/// <summary>One answer of the old site: the bytes, or why there are none (in Chinese, for the report).</summary>
internal sealed record Fetched(Uri Url, byte[]? Bytes, string? MediaType, string? Charset, string? Problem, bool Unreachable = false)
{
    public bool Succeeded => Bytes is not null;
}

/// <summary>
/// Fetches from the old site the way a guest should: at most <see cref="MigrationMapping.RequestsPerSecond"/>,
/// with a user agent that says who is asking, obeying robots.txt, retrying timeouts, network errors and 5xx
/// answers with a doubling pause, following redirects only while they stay under <c>baseUrl</c>, and refusing
/// anything larger than the limit before reading it whole.
/// </summary>
internal sealed class PoliteFetcher : IDisposable
{
    public const string AgentToken = "PublicitySite-Migrate";

    private readonly MigrationMapping mapping;
    private readonly HttpClient client;
    private readonly TimeSpan interval;
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly Func<TimeSpan, CancellationToken, Task> delay;
    private long nextSlot = Stopwatch.GetTimestamp();
    private RobotsRules robots = RobotsRules.AllowAll;

    public PoliteFetcher(MigrationMapping mapping, Func<TimeSpan, CancellationToken, Task>? delay = null)
    {
        this.mapping = mapping;
        this.delay = delay ?? Task.Delay;
        interval = mapping.RequestsPerSecond > 0 ? TimeSpan.FromSeconds(1 / mapping.RequestsPerSecond) : TimeSpan.Zero;
        var handler = new SocketsHttpHandler { AllowAutoRedirect = false, AutomaticDecompression = DecompressionMethods.All, ConnectTimeout = TimeSpan.FromSeconds(10) };
        client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(mapping.TimeoutSeconds) };
        client.DefaultRequestHeaders.UserAgent.ParseAdd(mapping.UserAgent ?? $"Mozilla/5.0 (compatible; {AgentToken}/1.0; +PublicitySite site migration)");
    }

    /// <summary>Requests sent (each try counts), for the rate the report gives.</summary>
    public int Requests { get; private set; }

    public async Task LoadRobotsAsync(CancellationToken cancellationToken)
    {
        if (!mapping.RespectRobotsTxt)
        {
            return;
        }

        var answer = await GetAsync(new Uri(mapping.BaseUrl, "/robots.txt"), 512 * 1024, checkRobots: false, cancellationToken);
        robots = answer.Bytes is { } bytes ? RobotsRules.Parse(PageDecoder.Decode(bytes, answer.Charset), AgentToken) : RobotsRules.AllowAll;
    }

    public bool Allowed(string path) => robots.Allows(path);

    public Task<Fetched> GetAsync(Uri url, CancellationToken cancellationToken) => GetAsync(url, mapping.MaxPageBytes, checkRobots: true, cancellationToken);

    private async Task<Fetched> GetAsync(Uri url, long limit, bool checkRobots, CancellationToken cancellationToken)
    {
        var current = url;
        for (var hop = 0; hop < 6; hop++)
        {
            if (mapping.LocalPath(current) is not { } path)
            {
                return new Fetched(url, null, null, null, $"重定向到 baseUrl 以外（{current}），已拒绝");
            }

            if (checkRobots && !robots.Allows(path))
            {
                return new Fetched(url, null, null, null, "robots.txt 不允许抓取");
            }

            var (answer, next) = await TryAsync(url, current, limit, cancellationToken);
            if (next is null)
            {
                return answer!;
            }

            current = next;
        }

        return new Fetched(url, null, null, null, "重定向次数过多");
    }

    private async Task<(Fetched? Answer, Uri? Redirect)> TryAsync(Uri original, Uri url, long limit, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            string problem;
            var unreachable = false;
            await WaitTurnAsync(cancellationToken);
            try
            {
                using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
                var status = (int)response.StatusCode;
                if (status is >= 300 and < 400 && response.Headers.Location is { } location)
                {
                    return (null, new Uri(url, location));
                }

                if (response.IsSuccessStatusCode)
                {
                    return (await ReadAsync(original, response, limit, cancellationToken), null);
                }

                problem = $"HTTP {status}" + (status == 404 ? "（页面不存在）" : "");
                if (status < 500)
                {
                    return (new Fetched(original, null, null, null, problem), null);
                }
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                problem = $"超时（{mapping.TimeoutSeconds} 秒）";
                unreachable = true;
            }
            catch (HttpRequestException ex)
            {
                problem = "连接失败：" + ex.Message;
                unreachable = true;
            }

            if (attempt >= mapping.Retries)
            {
                return (new Fetched(original, null, null, null, problem, unreachable), null);
            }

            await delay(TimeSpan.FromSeconds(Math.Pow(2, attempt)), cancellationToken);
        }
    }

    private static async Task<Fetched> ReadAsync(Uri url, HttpResponseMessage response, long limit, CancellationToken cancellationToken)
    {
        var tooLarge = $"超过 {limit / 1024 / 1024.0:0.#} MB 的上限，已拒绝";
        if (response.Content.Headers.ContentLength > limit)
        {
            return new Fetched(url, null, null, null, tooLarge);
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return new Fetched(url, null, null, null, tooLarge);
            }

            buffer.Write(chunk, 0, read);
        }

        MediaTypeHeaderValue? type = response.Content.Headers.ContentType;
        return new Fetched(url, buffer.ToArray(), type?.MediaType, type?.CharSet, null);
    }

    private async Task WaitTurnAsync(CancellationToken cancellationToken)
    {
        Requests++;
        if (interval == TimeSpan.Zero)
        {
            return;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), nextSlot);
            if (wait > TimeSpan.Zero)
            {
                await delay(wait, cancellationToken);
            }

            nextSlot = Math.Max(nextSlot, Stopwatch.GetTimestamp()) + (long)(interval.TotalSeconds * Stopwatch.Frequency);
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose()
    {
        client.Dispose();
        gate.Dispose();
    }
}
