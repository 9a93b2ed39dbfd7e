using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using PublicitySite.Tests.Infrastructure;

namespace PublicitySite.Tests.Proposals;

/// <summary>The background job in the running site marks a proposal overdue once the site's clock passes its deadline.</summary>
public sealed class OverdueJobTests
{
    [Fact]
    public async Task The_job_marks_the_seed_proposal_overdue_when_its_extended_deadline_passes()
    {
        var clock = new TestClock(new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero));
        using var site = new TestSite(seed: true, settings: new() { ["Proposals:OverdueCheckInterval"] = "00:00:00.200" });
        using var app = site.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        using var client = app.CreateClient();
        const string Url = "/api/proposals?key=true&session=5-3";

        Assert.False(await OverdueAsync(client, Url)); // extended to 2025-08-31

        clock.Now = new DateTimeOffset(2025, 9, 2, 0, 0, 0, TimeSpan.Zero);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await OverdueAsync(client, Url) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.True(await OverdueAsync(client, Url));
    }

    private static async Task<bool> OverdueAsync(HttpClient client, string url)
    {
        var list = await client.GetFromJsonAsync<JsonElement>(url);
        return list.GetProperty("items").EnumerateArray().Single().GetProperty("overdue").GetBoolean();
    }
}
