using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PublicitySite.Search;
using PublicitySite.Tests.Infrastructure;
using PublicitySite.Tests.Search;

namespace PublicitySite.Tests.Operations;

/// <summary><c>/healthz/live</c>, <c>/healthz/ready</c> and what <c>/healthz</c> tells whom.</summary>
public sealed class HealthProbeTests
{
    [Fact]
    public async Task Live_answers_and_ready_is_200_once_the_index_is_current()
    {
        using var site = new TestSite(seed: false);
        using var client = site.CreateClient();
        await site.Services.GetRequiredService<SearchIndexer>().WaitForIdleAsync(TimeSpan.FromSeconds(20));

        using var live = await client.GetAsync(new Uri("/healthz/live", UriKind.Relative));
        using var ready = await client.GetAsync(new Uri("/healthz/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("ready", (await ready.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Ready_is_503_while_the_index_is_being_built_and_live_stays_200()
    {
        using var site = new TestSite(seed: false);
        site.CreateClient().Dispose();
        await using var held = await HeldRebuild.StartAsync(site.Services);
        using var client = site.CreateClient();

        using var ready = await client.GetAsync(new Uri("/healthz/ready", UriKind.Relative));
        using var live = await client.GetAsync(new Uri("/healthz/live", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        await held.ReleaseAsync();
        using var after = await client.GetAsync(new Uri("/healthz/ready", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task Ready_is_503_when_there_is_no_usable_index()
    {
        using var site = new TestSite(seed: false);
        await File.WriteAllTextAsync(Path.Combine(site.DataDir, "index"), "not a folder");
        using var client = site.CreateClient();
        await Task.Delay(200);

        using var ready = await client.GetAsync(new Uri("/healthz/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
    }

    [Fact]
    public async Task A_caller_from_elsewhere_sees_only_the_status_while_this_machine_sees_the_details()
    {
        using var site = new TestSite(seed: false);
        using var client = site.CreateClient();

        using var remote = new HttpRequestMessage(HttpMethod.Get, "/healthz");
        remote.Headers.Add("X-Forwarded-For", "203.0.113.9"); // relayed by a proxy: not this machine
        using var fromAfar = await client.SendAsync(remote);
        var far = await fromAfar.Content.ReadAsStringAsync();
        var near = await client.GetFromJsonAsync<JsonElement>("/healthz");

        Assert.Equal(HttpStatusCode.OK, fromAfar.StatusCode);
        Assert.Contains("\"status\"", far, StringComparison.Ordinal);
        Assert.DoesNotContain("Sqlite", far, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("items", far, StringComparison.Ordinal);
        Assert.DoesNotContain("documents", far, StringComparison.Ordinal);
        Assert.Contains("Sqlite", near.GetProperty("database").GetString(), StringComparison.Ordinal);
        Assert.True(near.GetProperty("disk").GetProperty("freeMegabytes").GetInt64() > 0);
    }

    [Fact]
    public async Task A_nearly_full_disk_makes_health_degraded()
    {
        using var site = new TestSite(seed: false, settings: new() { ["Health:MinFreeDiskMegabytes"] = "2000000000" });
        using var client = site.CreateClient();

        var health = await client.GetFromJsonAsync<JsonElement>("/healthz");

        Assert.Equal("degraded", health.GetProperty("status").GetString());
        Assert.True(health.GetProperty("disk").GetProperty("low").GetBoolean());
    }
}
