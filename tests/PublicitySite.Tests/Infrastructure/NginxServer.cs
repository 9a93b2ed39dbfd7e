using System.Diagnostics;

namespace PublicitySite.Tests.Infrastructure;

/// <summary>
/// nginx (Debian's /usr/sbin/nginx) running the repository's sample static-publishing configuration on a free
/// port, in a folder of its own, pointed at a publish directory and an application port.
/// </summary>
public sealed class NginxServer : IDisposable
{
    private readonly TestDirectory folder = new();
    private string? config;

    private NginxServer(int port) => Port = port;

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    public static NginxServer Start(string publishDir, int appPort)
    {
        var sample = Path.Combine(RepositoryPaths.Root, "src", "PublicitySite.Web", "StaticPublish", "nginx.conf");
        var port = SiteHostProcess.FreePort();
        var site = File.ReadAllText(sample)
            .Replace("server 127.0.0.1:5000;", $"server 127.0.0.1:{appPort};", StringComparison.Ordinal)
            .Replace("listen 80;", $"listen 127.0.0.1:{port};", StringComparison.Ordinal)
            .Replace("root /var/www/publicity;", $"root {publishDir};", StringComparison.Ordinal);
        Assert.Contains($"root {publishDir};", site);
        var server = new NginxServer(port);
        var dir = server.folder.Path;
        File.WriteAllText(Path.Combine(dir, "site.conf"), site);
        var main = $$"""
            worker_processes 1;
            daemon on;
            pid {{dir}}/nginx.pid;
            error_log {{dir}}/error.log;
            events { worker_connections 256; }
            http {
                include /etc/nginx/mime.types;
                access_log off;
                client_body_temp_path {{dir}}/body;
                proxy_temp_path {{dir}}/proxy;
                fastcgi_temp_path {{dir}}/fastcgi;
                uwsgi_temp_path {{dir}}/uwsgi;
                scgi_temp_path {{dir}}/scgi;
                include {{dir}}/site.conf;
            }
            """;
        var mainFile = Path.Combine(dir, "nginx.conf");
        File.WriteAllText(mainFile, main);
        Run("-c", mainFile, "-p", dir);
        server.config = mainFile;
        return server;
    }

    public void Dispose()
    {
        if (config is not null)
        {
            Run("-c", config, "-p", Path.GetDirectoryName(config)!, "-s", "stop");
        }

        folder.Dispose();
    }

    private static void Run(params string[] args)
    {
        var start = new ProcessStartInfo("/usr/sbin/nginx") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, "nginx: " + error);
    }
}
