using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using PublicitySite.Tests.Infrastructure;

namespace PublicitySite.Tests.Operations;

/// <summary>
/// deploy/nginx/publicitysite.conf as shipped (only addresses, ports and paths replaced) in front of the real
/// host process: it passes <c>nginx -t</c>, and the app behind it sees the client's own address (the client
/// connects from 127.0.0.2, nginx from 127.0.0.1) and the https scheme.
/// </summary>
public sealed partial class NginxSiteTests
{
    [Fact]
    public async Task The_shipped_nginx_site_passes_nginx_t_and_the_app_sees_the_client_address_and_scheme()
    {
        using var dir = new TestDirectory();
        var appPort = FreePort();
        var tlsPort = FreePort();
        var plainPort = FreePort();
        var prefix = Directory.CreateDirectory(Path.Combine(dir.Path, "nginx")).FullName;
        await RunAsync("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
            "-keyout", Path.Combine(prefix, "key.pem"), "-out", Path.Combine(prefix, "cert.pem"));
        var site = (await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "deploy", "nginx", "publicitysite.conf")))
            .Replace("127.0.0.1:5000", $"127.0.0.1:{appPort}", StringComparison.Ordinal)
            .Replace("listen 443 ssl http2;", $"listen 127.0.0.1:{tlsPort} ssl http2;", StringComparison.Ordinal)
            .Replace("listen 80;", $"listen 127.0.0.1:{plainPort};", StringComparison.Ordinal)
            .Replace("/etc/ssl/publicitysite/fullchain.pem", Path.Combine(prefix, "cert.pem"), StringComparison.Ordinal)
            .Replace("/etc/ssl/publicitysite/privkey.pem", Path.Combine(prefix, "key.pem"), StringComparison.Ordinal)
            .Replace("/opt/publicitysite/themes/", RepositoryPaths.Themes + "/", StringComparison.Ordinal);
        site = string.Join('\n', site.Split('\n').Where(l => !l.Contains("[::]", StringComparison.Ordinal)));
        await File.WriteAllTextAsync(Path.Combine(prefix, "site.conf"), site);
        await File.WriteAllTextAsync(Path.Combine(prefix, "nginx.conf"), $$"""
            user root;
            pid {{prefix}}/nginx.pid;
            error_log {{prefix}}/error.log;
            events { worker_connections 64; }
            http {
                include /etc/nginx/mime.types;
                access_log off;
                client_body_temp_path {{prefix}}/body;
                proxy_temp_path {{prefix}}/proxy;
                fastcgi_temp_path {{prefix}}/fastcgi;
                uwsgi_temp_path {{prefix}}/uwsgi;
                scgi_temp_path {{prefix}}/scgi;
                include {{prefix}}/site.conf;
            }
            """);

        var check = await RunAsync("nginx", "-t", "-p", prefix, "-c", Path.Combine(prefix, "nginx.conf"));
        Assert.True(check.Code == 0, check.Output);
        Assert.Contains("test is successful", check.Output, StringComparison.Ordinal);

        using var app = StartApp(dir.Path, appPort);
        using var nginx = Process.Start(new ProcessStartInfo("nginx") { ArgumentList = { "-p", prefix, "-c", Path.Combine(prefix, "nginx.conf"), "-g", "daemon off;" } })!;
        try
        {
            using var client = ClientFrom(IPAddress.Parse("127.0.0.2"), tlsPort);
            Assert.True(await WaitReadyAsync(client), "the site did not answer through nginx");

            var rss = await client.GetStringAsync(new Uri("/rss.xml", UriKind.Relative));
            var login = await client.GetStringAsync(new Uri("/admin/login", UriKind.Relative));
            var token = WebUtility.HtmlDecode(TokenPattern().Match(login).Groups[1].Value);
            using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = "admin", ["password"] = "wrong-password-1", ["__RequestVerificationToken"] = token });
            using var forged = new HttpRequestMessage(HttpMethod.Post, "/admin/login") { Content = form };
            forged.Headers.Add("X-Forwarded-For", "198.51.100.7"); // a client's own claim: nginx appends, the app takes nginx's entry
            using var posted = await client.SendAsync(forged);

            // nginx answers the hashed stylesheet name the pages use from the theme's plain file on disk.
            var home = await client.GetStringAsync(new Uri("/", UriKind.Relative));
            var stylesheet = System.Text.RegularExpressions.Regex.Match(home, "/themes/publicity/css/site\\.[0-9a-f]{12}\\.css").Value;
            Assert.NotEqual("", stylesheet);
            using (var css = await client.GetAsync(new Uri(stylesheet, UriKind.Relative)))
            {
                Assert.Equal(HttpStatusCode.OK, css.StatusCode);
                Assert.Contains("immutable", string.Join(",", css.Headers.GetValues("Cache-Control")), StringComparison.Ordinal);
                Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(RepositoryPaths.Themes, "publicity", "assets", "css", "site.css")), await css.Content.ReadAsByteArrayAsync());
            }

            Assert.Contains("<link>https://localhost", rss, StringComparison.Ordinal);
            Assert.DoesNotContain($"127.0.0.1:{appPort}", rss, StringComparison.Ordinal);
            Assert.Equal("127.0.0.2", await LastLoginAddressAsync(dir.Path));
        }
        finally
        {
            nginx.Kill(entireProcessTree: true);
            app.Kill(entireProcessTree: true);
            await nginx.WaitForExitAsync();
            await app.WaitForExitAsync();
        }
    }

    private static Process StartApp(string dataDir, int port)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = dataDir, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(SiteProcess.Dll);
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["Publicity__DataDir"] = dataDir;
        start.Environment["Publicity__ImportSeed"] = "false";
        start.Environment["PUBLICITY_ADMIN_PASSWORD"] = TestSite.AdminPassword;
        start.Environment["Proxy__TrustedProxies__0"] = "127.0.0.1";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static HttpClient ClientFrom(IPAddress local, int port)
    {
        var handler = new SocketsHttpHandler
        {
            UseCookies = true,
            CookieContainer = new CookieContainer(),
            AllowAutoRedirect = false,
            // The test's nginx serves a certificate made for the run, which nothing could validate.
#pragma warning disable CA5359
            SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true },
#pragma warning restore CA5359
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                socket.Bind(new IPEndPoint(local, 0));
                await socket.ConnectAsync(IPAddress.Loopback, context.DnsEndPoint.Port, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        return new HttpClient(handler) { BaseAddress = new Uri($"https://localhost:{port}") };
    }

    private static async Task<bool> WaitReadyAsync(HttpClient client)
    {
        for (var i = 0; i < 300; i++)
        {
            try
            {
                using var response = await client.GetAsync(new Uri("/healthz/live", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(500);
        }

        return false;
    }

    private static async Task<string?> LastLoginAddressAsync(string dataDir)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(dataDir, "publicity.db")};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Address FROM AuditEntries WHERE Action = 'auth.loginFailed' ORDER BY Id DESC LIMIT 1";
        return (string?)await command.ExecuteScalarAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<(int Code, string Output)> RunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
