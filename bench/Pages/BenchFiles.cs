using System.Globalization;

namespace PublicitySite.Bench.Pages;

/// <summary>What the page and API benchmarks share besides the server and the load: options and files.</summary>
internal static class BenchFiles
{
    public static void DeleteQuietly(string dir)
    {
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (IOException)
        {
            // left for the OS's temp cleanup
        }
    }

    public static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PublicitySite.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("run from inside the repository");
    }

    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The machine's load averages (1, 5, 15 minutes), printed beside the figures: the cores are shared.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    public static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}

internal sealed record Options(int Connections, int Seconds, int Warmup, long MaxRequests, string Configuration, int Threads, string? Encoding, int Rounds)
{
    public static Options Parse(string[] args)
    {
        string? Value(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        return new Options(
            int.Parse(Value("--connections") ?? "32", CultureInfo.InvariantCulture),
            int.Parse(Value("--seconds") ?? "10", CultureInfo.InvariantCulture),
            int.Parse(Value("--warmup") ?? "2", CultureInfo.InvariantCulture),
            long.Parse(Value("--max-requests") ?? "2000000", CultureInfo.InvariantCulture),
            Value("--configuration") ?? "Release",
            int.Parse(Value("--threads") ?? "1", CultureInfo.InvariantCulture),
            Value("--encoding"),
            int.Parse(Value("--rounds") ?? "1", CultureInfo.InvariantCulture));
    }
}
