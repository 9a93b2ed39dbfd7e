using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace PublicitySite.Bench.Pages;

/// <summary>
/// Load from Debian's <c>wrk</c> (C, event loop): it costs the shared cores far less per request than a .NET
/// client, so the servers, not the client, set the figures. Loopback only, bounded by <c>--seconds</c>.
/// </summary>
internal sealed partial class WrkRunner(int connections, int threads, int seconds, int warmup, string? encoding)
{
    public static bool Available => File.Exists("/usr/bin/wrk");

    public async Task<LoadResult> RunAsync(string page, string mode, Uri url)
    {
        if (warmup > 0)
        {
            await RunWrkAsync(url, warmup);
        }

        var output = await RunWrkAsync(url, seconds);
        double Number(Regex pattern) => pattern.Match(output) is { Success: true } m ? double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : double.NaN;
        var requests = (long)Number(RequestsPattern());
        var duration = Number(DurationPattern());
        var errors = (long)(double.IsNaN(Number(Non2xxPattern())) ? 0 : Number(Non2xxPattern()))
            + SocketErrorsPattern().Matches(output).Sum(m => long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
        var bytes = Transfer(output);
        return new LoadResult(page, mode, requests, errors, duration, Percentile(output, "50"), Percentile(output, "90"), Percentile(output, "99"), requests == 0 ? 0 : bytes / requests);
    }

    private async Task<string> RunWrkAsync(Uri url, int length)
    {
        var start = new ProcessStartInfo("/usr/bin/wrk") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-t", threads.ToString(CultureInfo.InvariantCulture), "-c", connections.ToString(CultureInfo.InvariantCulture), "-d", length + "s", "--latency", "--timeout", "5s" })
        {
            start.ArgumentList.Add(arg);
        }

        if (encoding is not null)
        {
            start.ArgumentList.Add("-H");
            start.ArgumentList.Add("Accept-Encoding: " + encoding);
        }

        start.ArgumentList.Add(url.ToString());
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start wrk");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output;
    }

    private static double Percentile(string output, string p)
    {
        var match = Regex.Match(output, $@"^\s*{p}%\s+([0-9.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
        if (!match.Success)
        {
            return double.NaN;
        }

        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch { "us" => value / 1000, "s" => value * 1000, _ => value };
    }

    private static long Transfer(string output)
    {
        var match = TransferPattern().Match(output);
        if (!match.Success)
        {
            return 0;
        }

        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return (long)(value * match.Groups[2].Value switch { "KB" => 1024, "MB" => 1024 * 1024, "GB" => 1024d * 1024 * 1024, _ => 1 });
    }

    [GeneratedRegex(@"([0-9]+) requests in")]
    private static partial Regex RequestsPattern();

    [GeneratedRegex(@"requests in ([0-9.]+)s")]
    private static partial Regex DurationPattern();

    [GeneratedRegex(@"Non-2xx or 3xx responses: ([0-9]+)")]
    private static partial Regex Non2xxPattern();

    [GeneratedRegex(@"(?:connect|read|write|timeout) ([0-9]+)")]
    private static partial Regex SocketErrorsPattern();

    [GeneratedRegex(@"requests in [0-9.]+\w+, ([0-9.]+)(B|KB|MB|GB) read")]
    private static partial Regex TransferPattern();
}
