using System.Diagnostics;

namespace PublicitySite.Bench.Pages;

/// <summary>
/// Debian's nginx with two servers on free loopback ports: one serving a plain folder of files (the anchor),
/// one running the repository's sample static-publishing configuration over the publish directory.
/// </summary>
internal sealed class NginxProcess : IDisposable
{
    private readonly string folder;

    private NginxProcess(string folder, int plainPort, int publishedPort)
    {
        this.folder = folder;
        PlainUrl = $"http://127.0.0.1:{plainPort}";
        PublishedUrl = $"http://127.0.0.1:{publishedPort}";
    }

    public string PlainUrl { get; }

    public string PublishedUrl { get; }

    public static bool Available => File.Exists("/usr/sbin/nginx");

    public static NginxProcess Start(string root, string folder, string plainDir, string publishDir, int appPort)
    {
        Directory.CreateDirectory(folder);
        var plainPort = BenchFiles.FreePort();
        var publishedPort = BenchFiles.FreePort();
        var site = File.ReadAllText(Path.Combine(root, "src", "PublicitySite.Web", "StaticPublish", "nginx.conf"))
            .Replace("server 127.0.0.1:5000;", $"server 127.0.0.1:{appPort};", StringComparison.Ordinal)
            .Replace("listen 80;", $"listen 127.0.0.1:{publishedPort};", StringComparison.Ordinal)
            .Replace("root /var/www/publicity;", $"root {publishDir};", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(folder, "site.conf"), site);
        // The same worker settings as a stock Debian nginx (one worker a core).
        var main = $$"""
            worker_processes auto;
            daemon on;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log;
            events { worker_connections 1024; }
            http {
                include /etc/nginx/mime.types;
                sendfile on;
                tcp_nopush on;
                access_log off;
                client_body_temp_path {{folder}}/body;
                proxy_temp_path {{folder}}/proxy;
                fastcgi_temp_path {{folder}}/fastcgi;
                uwsgi_temp_path {{folder}}/uwsgi;
                scgi_temp_path {{folder}}/scgi;
                server {
                    listen 127.0.0.1:{{plainPort}};
                    root {{plainDir}};
                }
                include {{folder}}/site.conf;
            }
            """;
        File.WriteAllText(Path.Combine(folder, "nginx.conf"), main);
        Run("-c", Path.Combine(folder, "nginx.conf"), "-p", folder);
        return new NginxProcess(folder, plainPort, publishedPort);
    }

    public void Dispose() => Run("-c", Path.Combine(folder, "nginx.conf"), "-p", folder, "-s", "stop");

    private static void Run(params string[] args)
    {
        var start = new ProcessStartInfo("/usr/sbin/nginx") { RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start nginx");
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException("nginx: " + error);
        }
    }
}
