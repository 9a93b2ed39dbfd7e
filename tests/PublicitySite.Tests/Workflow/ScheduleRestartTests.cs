using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublicitySite.Audit;
using PublicitySite.Storage;
using PublicitySite.Tests.Infrastructure;

namespace PublicitySite.Tests.Workflow;

public sealed class ScheduleRestartTests
{
    [Fact]
    public async Task A_publication_due_while_the_site_was_down_is_caught_up_after_restart()
    {
        using var data = new TestDirectory();
        var settings = new Dictionary<string, string?> { ["Publicity:DataDir"] = data.Path, ["Workflow:Schedule:PollSeconds"] = "1" };
        string id;
        DateTimeOffset due;
        using (var first = new TestSite(seed: false, settings: settings))
        {
            var publisher = await first.ClientAsync("sched-publisher", "Publisher");
            id = await first.Services.AtStageAsync(2, "停机补发测试");
            // Far enough ahead that a busy machine still schedules it rather than publishing at once, and the first
            // site has stopped before it is due.
            due = DateTimeOffset.UtcNow.AddSeconds(10);
            var scheduled = await publisher.PostAsJsonAsync($"/api/content/{id}/publish", new { at = due });
            Assert.Equal("Scheduled", (await scheduled.JsonAsync())["status"]!.ToString());
            Assert.Equal(HttpStatusCode.NotFound, (await first.CreateClient().GetAsync($"/api/content/{id}")).StatusCode);
        }

        // The site is down when the time comes.
        await Task.Delay(due - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(1));

        using var second = new TestSite(seed: false, settings: settings);
        var reader = second.CreateClient();
        var status = HttpStatusCode.NotFound;
        for (var i = 0; i < 50 && status != HttpStatusCode.OK; i++)
        {
            status = (await reader.GetAsync($"/api/content/{id}")).StatusCode;
            if (status != HttpStatusCode.OK)
            {
                await Task.Delay(200);
            }
        }

        Assert.Equal(HttpStatusCode.OK, status);
        var item = await (await reader.GetAsync($"/api/content/{id}")).JsonAsync();
        Assert.Equal(due.UtcDateTime, DateTimeOffset.Parse(item["publishedUtc"]!.ToString(), System.Globalization.CultureInfo.InvariantCulture).UtcDateTime, TimeSpan.FromSeconds(1));
        await using var scope = second.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var entry = await db.Set<AuditEntry>().SingleAsync(a => a.Target == id && a.Action == AuditActions.Published);
        Assert.Equal("system", entry.Actor);
        Assert.Contains("sched-publisher", entry.Detail);
    }
}
