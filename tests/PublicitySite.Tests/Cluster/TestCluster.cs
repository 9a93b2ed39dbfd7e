using System.Diagnostics;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PublicitySite.Setup;
using PublicitySite.Storage;
using PublicitySite.Tests.Infrastructure;
using PublicitySite.Workflow;

namespace PublicitySite.Tests.Cluster;

/// <summary>
/// The topology of deploy/cluster/run.sh, built from the same parts: a fresh database on the throwaway
/// PostgreSQL server, a redis-server, two web nodes started at the same moment on the empty database (each
/// with its own data directory and index, one shared media folder) and nginx in front with the repository's
/// upstream template. <see cref="Office"/> gives the core services on the same database for setting up users.
/// </summary>
public sealed class TestCluster : IAsyncDisposable
{
    private readonly TestDirectory dir = new();
    private readonly Dictionary<string, string> environment;
    private Process? redis;
    private Process? nginx;

    private TestCluster(string connectionString, int redisPort)
    {
        ConnectionString = connectionString;
        RedisPort = redisPort;
        environment = new Dictionary<string, string>
        {
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__Default"] = connectionString,
            ["Cluster__Redis"] = $"127.0.0.1:{redisPort},connectTimeout=2000",
            ["Media__Directory"] = Path.Combine(dir.Path, "media"),
            ["Workflow__Schedule__PollSeconds"] = "1",
            ["Webhooks__PollInterval"] = "00:00:01",
        };
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        var paths = new SitePaths(Path.Combine(dir.Path, "office"), RepositoryPaths.Recipe, RepositoryPaths.Seed, RepositoryPaths.Themes);
        services.AddSingleton(paths);
        services.AddStorage(DatabaseProvider.Postgres, connectionString, paths);
        services.AddPublicityCore();
        services.AddWorkflowCore();
        Office = services.BuildServiceProvider();
    }

    public string ConnectionString { get; }

    public int RedisPort { get; }

    public ServerProcess[] Nodes { get; } = new ServerProcess[2];

    public ServerProcess A => Nodes[0];

    public ServerProcess B => Nodes[1];

    /// <summary>nginx in front of both nodes.</summary>
    public HttpClient Front { get; private set; } = null!;

    public IServiceProvider Office { get; }

    /// <summary>Starts everything; both nodes at the same instant on the empty database, with the seed content.</summary>
    public static async Task<TestCluster> StartAsync()
    {
        var cluster = new TestCluster(TestPostgres.CreateDatabase(), ServerProcess.FreePort());
        try
        {
            await cluster.StartRedisAsync();
            var seeded = new Dictionary<string, string>(cluster.environment) { ["Publicity__ImportSeed"] = "true" };
            // The start-up lock lets one node migrate and seed while the other waits its turn: on a loaded 2-core
            // machine that wait alone can pass the usual 90 s.
            var starting = Enumerable.Range(0, 2).Select(i => ServerProcess.StartAsync(cluster.NodeDir(i), seeded, timeout: TimeSpan.FromMinutes(5))).ToList();
            var started = await Task.WhenAll(starting);
            started.CopyTo(cluster.Nodes, 0);
            // The office's own services read the recipe the nodes applied, as any process on the database does.
            await using (var scope = cluster.Office.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<SiteInitializer>().InitializeAsync(null, importSeed: false);
            }

            cluster.StartNginx();
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts node <paramref name="i"/> again (after a kill) on its data directory and port.</summary>
    public async Task RestartNodeAsync(int i)
    {
        await Nodes[i].DisposeAsync();
        Nodes[i] = await ServerProcess.StartAsync(NodeDir(i), environment, Nodes[i].Address.Port, TimeSpan.FromMinutes(3));
    }

    /// <summary>Stops Redis (SIGKILL) and starts an empty one on the same port.</summary>
    public async Task RestartRedisAsync(TimeSpan down)
    {
        redis!.Kill();
        await redis.WaitForExitAsync();
        redis.Dispose();
        await Task.Delay(down);
        await StartRedisAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Front?.Dispose();
        foreach (var node in Nodes.Where(n => n is not null))
        {
            await node.DisposeAsync();
        }

        foreach (var process in new[] { nginx, redis })
        {
            if (process is not null && !process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }

            process?.Dispose();
        }

        if (Office is IAsyncDisposable office)
        {
            await office.DisposeAsync();
        }

        dir.Dispose();
    }

    private string NodeDir(int i)
    {
        var path = Path.Combine(dir.Path, "node" + (char)('a' + i));
        Directory.CreateDirectory(path);
        return path;
    }

    private async Task StartRedisAsync()
    {
        redis = Start("redis-server", "--bind", "127.0.0.1", "--port", RedisPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "--save", "", "--appendonly", "no");
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync("127.0.0.1", RedisPort);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        throw new InvalidOperationException("redis-server did not start (tests/run.sh installs it).");
    }

    private void StartNginx()
    {
        var prefix = Path.Combine(dir.Path, "nginx");
        Directory.CreateDirectory(prefix);
        var port = ServerProcess.FreePort();
        var upstream = string.Join(' ', Nodes.Select(n => $"server 127.0.0.1:{n.Address.Port} max_fails=1 fail_timeout=5s;"));
        var config = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "deploy", "cluster", "nginx.conf.template"))
            .Replace("@PREFIX@", prefix, StringComparison.Ordinal)
            .Replace("@LISTEN@", port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("@UPSTREAM@", upstream, StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(prefix, "nginx.conf"), config);
        var binary = File.Exists("/usr/sbin/nginx") ? "/usr/sbin/nginx" : "nginx";
        nginx = Start(binary, "-c", Path.Combine(prefix, "nginx.conf"), "-p", prefix, "-g", "daemon off;");
        Front = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
    }

    private static Process Start(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Cannot start {file}.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
