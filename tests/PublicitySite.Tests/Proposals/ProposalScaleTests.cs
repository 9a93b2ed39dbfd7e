using PublicitySite.Commands;
using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PublicitySite.Contents;
using PublicitySite.Proposals;
using PublicitySite.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PublicitySite.Tests.Proposals;

/// <summary>A generated session of 500 proposals: it imports in one run, and its statistics page stays fast.</summary>
public sealed class ProposalScaleTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_statistics_page_of_a_500_proposal_session_renders_in_under_200_ms()
    {
        using var site = new TestSite(seed: false);
        using var client = site.CreateClient();
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var contents = scope.ServiceProvider.GetRequiredService<ContentManager>();
            foreach (var name in ProposalSessionGenerator.Members)
            {
                var member = await contents.CreateAsync("Member", new JsonObject { ["title"] = name, ["body"] = "示例委员。" }, "admin");
                await contents.PublishAsync(member.Version!.ContentItemId);
            }
        }

        var import = Stopwatch.StartNew();
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<ProposalImporter>()
                .ImportAsync(TestActors.Clerk("clerk"), new ProposalImportRequest(ProposalSessionGenerator.Json(500), "json", DryRun: false, Publish: true)) is var run ? run.Report() : null;
            Assert.True(result.Committed, string.Join("；", result.Errors.Concat(result.Rows.SelectMany(r => r.Problems)).Take(5)));
        }

        import.Stop();
        var list = await client.GetStringAsync("/api/proposals?session=5-5&pageSize=1");
        var total = System.Text.Json.JsonDocument.Parse(list).RootElement.GetProperty("total").GetInt32();
        Assert.InRange(total, 440, 500); // about 5% refused publication

        var first = await client.GetAsync("/proposals/statistics?session=5-5");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains($"<span class=\"pp-fig\">{total}</span>", await first.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var timings = new List<double>();
        for (var i = 0; i < 15; i++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await client.GetAsync("/proposals/statistics?session=5-5");
            await response.Content.ReadAsStringAsync();
            timings.Add(watch.Elapsed.TotalMilliseconds);
        }

        timings.Sort();
        var median = timings[timings.Count / 2];
        output.WriteLine($"import of 500 proposals: {import.Elapsed.TotalSeconds:0.0} s; statistics page ({total} public): median {median:0.0} ms, min {timings[0]:0.0} ms, max {timings[^1]:0.0} ms");
        Assert.True(median < 200, $"median {median:0.0} ms");
    }
}
