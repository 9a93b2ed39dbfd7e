using System.Diagnostics;
using System.Text.RegularExpressions;

namespace PublicitySite.Bench.Cluster;

/// <summary>deploy/cluster/run.sh as a child process: its printed addresses, and SIGTERM (its own clean-up) on dispose.</summary>
internal sealed partial class ClusterScript : IAsyncDisposable
{
    private readonly Process process;

    private ClusterScript(Process process) => this.process = process;

    public Uri Front { get; private set; } = null!;

    public List<Uri> Nodes { get; } = [];

    public string Postgres { get; private set; } = "";

    public static async Task<ClusterScript> StartAsync(string root, int nodes)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = root };
        foreach (var arg in new[] { Path.Combine(root, "deploy", "cluster", "run.sh"), "--nodes", nodes.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["PUBLICITY_ADMIN_PASSWORD"] = "bench-password-1";
        // Every request comes from one address here: the per-address API limit would measure itself, not search.
        start.Environment["Api__AnonymousPerMinute"] = "100000000";
        var script = new ClusterScript(Process.Start(start)!);
        script.process.ErrorDataReceived += (_, _) => { };
        script.process.BeginErrorReadLine();
        while (await script.process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (NodeLine().Match(line) is { Success: true } node)
            {
                script.Nodes.Add(new Uri(node.Groups[1].Value));
            }
            else if (PostgresLine().Match(line) is { Success: true } pg)
            {
                script.Postgres = $"Host=127.0.0.1;Port={pg.Groups[1].Value};Username=postgres;Database=postgres";
            }
            else if (FrontLine().Match(line) is { Success: true } front)
            {
                script.Front = new Uri(front.Groups[1].Value);
                _ = script.process.StandardOutput.ReadToEndAsync();
                return script;
            }
        }

        throw new InvalidOperationException("run.sh ended before printing the cluster's address");
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            using var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await kill!.WaitForExitAsync();
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    [GeneratedRegex(@"节点 \d+：(http://[0-9.:]+)")]
    private static partial Regex NodeLine();

    [GeneratedRegex(@"^PostgreSQL 127\.0\.0\.1:(\d+)")]
    private static partial Regex PostgresLine();

    [GeneratedRegex(@"集群地址：(http://[0-9.:]+)")]
    private static partial Regex FrontLine();
}
