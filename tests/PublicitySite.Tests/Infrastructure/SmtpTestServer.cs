using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace PublicitySite.Tests.Infrastructure;

/// <summary>
/// A real SMTP server on 127.0.0.1 (Debian's python3-aiosmtpd, started by /usr/bin/python3) that writes each
/// mail it accepts to a file; <c>tests/run.sh</c> installs the package and fails when it cannot.
/// </summary>
public sealed class SmtpTestServer : IDisposable
{
    private const string Script = """
        import os, sys, time
        from aiosmtpd.controller import Controller
        port, out = int(sys.argv[1]), sys.argv[2]
        class Keep:
            count = 0
            async def handle_DATA(self, server, session, envelope):
                Keep.count += 1
                path = os.path.join(out, "%04d.eml" % Keep.count)
                with open(path + ".part", "wb") as f:
                    f.write(envelope.original_content or envelope.content)
                os.rename(path + ".part", path)
                return "250 OK"
        controller = Controller(Keep(), hostname="127.0.0.1", port=port)
        controller.start()
        print("ready", flush=True)
        while True:
            time.sleep(3600)
        """;

    private readonly TestDirectory directory = new();
    private readonly Process process;

    private SmtpTestServer(int port)
    {
        Port = port;
        Directory.CreateDirectory(Inbox);
        File.WriteAllText(Path.Combine(directory.Path, "smtp.py"), Script);
        process = Process.Start(new ProcessStartInfo("/usr/bin/python3", [Path.Combine(directory.Path, "smtp.py"), port.ToString(System.Globalization.CultureInfo.InvariantCulture), Inbox])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("python3 did not start");
    }

    public int Port { get; }

    private string Inbox => Path.Combine(directory.Path, "inbox");

    /// <summary>A port nothing listens on now (for a server that is down, or one started on it later).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static async Task<SmtpTestServer> StartAsync(int? port = null)
    {
        var server = new SmtpTestServer(port ?? FreePort());
        var ready = await server.process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(20));
        if (ready != "ready")
        {
            var error = await server.process.StandardError.ReadToEndAsync();
            server.Dispose();
            throw new InvalidOperationException("The SMTP test server (python3-aiosmtpd) did not start: " + error);
        }

        return server;
    }

    /// <summary>The mails received so far, oldest first.</summary>
    public IReadOnlyList<MimeMessage> Received() =>
        [.. Directory.GetFiles(Inbox, "*.eml").Order(StringComparer.Ordinal).Select(f => MimeMessage.Load(f))];

    /// <summary>Waits until a mail whose subject satisfies <paramref name="match"/> has arrived.</summary>
    public async Task<MimeMessage> WaitForAsync(Func<string, bool> match, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (DateTime.UtcNow < until)
        {
            if (Received().FirstOrDefault(m => match(m.Subject ?? "")) is { } found)
            {
                return found;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("No such mail arrived; received: " + string.Join(" | ", Received().Select(m => m.Subject)));
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill();
            process.WaitForExit(5000);
        }

        process.Dispose();
        directory.Dispose();
    }
}
