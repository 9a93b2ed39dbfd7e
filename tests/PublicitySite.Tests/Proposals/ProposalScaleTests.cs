using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PublicitySite.Contents;
using PublicitySite.Proposals;
using PublicitySite.Tests.Infrastructure;

namespace PublicitySite.Tests.Proposals;

/// <summary>
/// A generated session of 500 proposals imports in one run and its statistics page counts it. How fast that page
/// renders is measured by bench/Volume, not here.
/// </summary>
public sealed class ProposalScaleTests
{
    [Fact]
    public async Task A_500_proposal_session_imports_in_one_run_and_its_statistics_page_counts_every_public_proposal()
    {
        using var site = new TestSite(seed: false);
        using var client = site.CreateClient();
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var contents = scope.ServiceProvider.GetRequiredService<ContentManager>();
            foreach (var name in ProposalSessionGenerator.Members)
            {
                var member = await contents.CreateAsync("Member", new JsonObject { ["title"] = name, ["body"] = "示例委员。" }, "admin");
                await contents.PublishAsync(member.Value!.ContentItemId);
            }
        }

        await using (var scope = site.Services.CreateAsyncScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<ProposalImporter>()
                .ImportAsync(TestActors.Clerk("clerk"), new ProposalImportRequest(ProposalSessionGenerator.Json(500), "json", DryRun: false, Publish: true)) is var run ? run.Report() : null;
            Assert.True(result.Committed, string.Join("；", result.Errors.Concat(result.Rows.SelectMany(r => r.Problems)).Take(5)));
        }

        var list = await client.GetStringAsync("/api/proposals?session=5-5&pageSize=1");
        var total = System.Text.Json.JsonDocument.Parse(list).RootElement.GetProperty("total").GetInt32();
        Assert.InRange(total, 440, 500); // about 5% refused publication

        var first = await client.GetAsync("/proposals/statistics?session=5-5");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains($"<span class=\"pp-fig\">{total}</span>", await first.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
