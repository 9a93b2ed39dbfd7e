using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PublicitySite.Tests.Admin;
using PublicitySite.Tests.Infrastructure;
using PublicitySite.Web.Operations;

namespace PublicitySite.Tests.Operations;

/// <summary>/metrics as Prometheus scrapes it, and the log files an operator keeps.</summary>
public sealed class MetricsAndLogsTests
{
    private static readonly Action<ILogger, string, string, Exception?> SecurityLine =
        LoggerMessage.Define<string, string>(LogLevel.Information, new EventId(1), "{Action} by {Actor}");

    [Fact]
    public async Task A_scrape_from_this_machine_gives_request_cache_search_index_webhook_and_job_figures()
    {
        using var site = new TestSite(seed: false, settings: new() { ["Workflow:Schedule:PollSeconds"] = "1" });
        using var client = site.CreateClient();
        await client.GetAsync(new Uri("/", UriKind.Relative));
        await client.GetAsync(new Uri("/", UriKind.Relative));
        // The index opens beside the started site; on a busy machine a search can come first and get a 503.
        await site.Services.GetRequiredService<PublicitySite.Search.SearchIndexer>().WaitForIdleAsync(TimeSpan.FromSeconds(60));
        using (var search = await client.GetAsync(new Uri("/api/search?q=" + Uri.EscapeDataString("政协"), UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, search.StatusCode);
        }

        await Task.Delay(1500); // a round of the schedule job

        using var response = await client.GetAsync(new Uri("/metrics", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType!.MediaType, StringComparison.Ordinal);
        Assert.Contains("publicity_http_request_duration_seconds_bucket{group=\"pages\",method=\"GET\",code=\"200\"", text, StringComparison.Ordinal);
        Assert.Contains("publicity_cache_lookups_total{cache=\"pages\",result=\"hit\"}", text, StringComparison.Ordinal);
        Assert.Contains("publicity_search_duration_seconds_count{endpoint=\"api\"}", text, StringComparison.Ordinal);
        Assert.Contains("publicity_search_index_lag ", text, StringComparison.Ordinal);
        Assert.Contains("publicity_webhook_queue_depth 0", text, StringComparison.Ordinal);
        Assert.Contains("publicity_job_runs_total{job=\"schedule\",outcome=\"ok\"}", text, StringComparison.Ordinal);
        double Gauge(string name) => double.Parse(text.Split('\n').Single(l => l.StartsWith(name + " ", StringComparison.Ordinal))[(name.Length + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(Gauge("publicity_gc_committed_bytes"), 1, Gauge("publicity_process_resident_bytes"));
        Assert.True(Gauge("publicity_gc_allocated_bytes") >= Gauge("publicity_gc_heap_bytes"));
        Assert.True(Gauge("publicity_jit_compiled_methods") > 1000);
        Assert.True(Gauge("publicity_loaded_assemblies") > 50);
    }

    [Fact]
    public async Task Metrics_are_not_there_for_a_caller_from_elsewhere_unless_its_network_is_allowed()
    {
        using var site = new TestSite(seed: false);
        using var client = site.CreateClient();
        using var remote = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        remote.Headers.Add("X-Forwarded-For", "203.0.113.9");

        using var refused = await client.SendAsync(remote);

        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        using var off = new TestSite(seed: false, settings: new() { ["Metrics:Enabled"] = "false" });
        using var local = await off.CreateClient().GetAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, local.StatusCode);
    }

    [Fact]
    public async Task Sign_ins_go_to_the_security_log_file_and_ordinary_lines_to_the_site_log()
    {
        using var site = new TestSite(seed: false);
        using (var session = new AdminSession(AdminSession.NewClient(site)))
        {
            await session.PostAsync("/admin/login", new() { ["name"] = "admin", ["password"] = "wrong-password-1" }, "/admin/login");
        }

        var logs = Path.Combine(site.DataDir, "logs");
        var security = await ReadAllAsync(logs, "security-*.json", "auth.loginFailed");
        var everyday = await ReadAllAsync(logs, "site-*.json", "auth.loginFailed");

        Assert.Contains("auth.loginFailed", security, StringComparison.Ordinal);
        Assert.Contains("\"Actor\":\"admin\"", security, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening", security, StringComparison.Ordinal);
        Assert.Contains("auth.loginFailed", everyday, StringComparison.Ordinal);
        Assert.DoesNotContain("\"@l\":\"Information\",\"@x\"", everyday, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_site_writes_its_lines_to_its_own_files_while_another_site_runs_in_the_same_process()
    {
        using var first = new TestSite(seed: false);
        using var firstClient = first.CreateClient();
        await firstClient.GetAsync(new Uri("/", UriKind.Relative));
        using var second = new TestSite(seed: false);
        using var secondClient = second.CreateClient();
        await secondClient.GetAsync(new Uri("/", UriKind.Relative));

        // A logger the first site makes after the second site started: a process-wide logger would be the second's.
        var logger = first.Services.GetRequiredService<ILoggerFactory>().CreateLogger(SiteLogging.SecurityCategory);
        SecurityLine(logger, "auth.loginFailed", "first-site-only", null);

        var mine = await ReadAllAsync(Path.Combine(first.DataDir, "logs"), "security-*.json", "first-site-only");
        var theirs = await ReadAllAsync(Path.Combine(second.DataDir, "logs"), "security-*.json", "first-site-only");
        Assert.Contains("first-site-only", mine, StringComparison.Ordinal);
        Assert.DoesNotContain("first-site-only", theirs, StringComparison.Ordinal);
    }

    // The file sinks write on their own thread, so a line can reach the disk a moment after the request
    // that logged it has answered: read again until the awaited line is there, or five seconds have passed.
    private static async Task<string> ReadAllAsync(string folder, string pattern, string awaited)
    {
        var text = "";
        for (var i = 0; i < 50; i++)
        {
            text = Directory.Exists(folder) ? await ReadFilesAsync(folder, pattern) : "";
            if (text.Contains(awaited, StringComparison.Ordinal))
            {
                break;
            }

            await Task.Delay(100);
        }

        return text;
    }

    private static async Task<string> ReadFilesAsync(string folder, string pattern)
    {
        var text = new System.Text.StringBuilder();
        foreach (var file in Directory.GetFiles(folder, pattern))
        {
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            text.Append(await reader.ReadToEndAsync());
        }

        return text.ToString();
    }
}
