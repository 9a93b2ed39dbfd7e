using PublicitySite.Commands;
using PublicitySite.Proposals;
using PublicitySite.Search;
using PublicitySite.Tests.Infrastructure;
using PublicitySite.Tests.Search;

namespace PublicitySite.Tests.Proposals;

/// <summary>
/// Filing and importing write in one transaction of their own; the search index (which reads on its own
/// connection) must still hear of the items once that transaction has committed.
/// </summary>
public sealed class ProposalFilingVisibilityTests
{
    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task A_filed_proposal_is_found_by_the_office_search_at_once(Db db)
    {
        await using var host = await SearchTestHost.StartAsync(db);
        var filing = new ProposalFiling
        {
            Title = "关于改善老旧小区加装电梯的建议", Body = "老旧小区加装电梯进展缓慢。", FiledOn = new DateOnly(2025, 3, 1),
            Proposers = ["经济界"], ProposerType = "sector",
        };

        var filed = await host.Core.RunAsync<ProposalOffice, Result<ProposalChange>>(o => o.FileAsync(TestActors.Clerk("clerk"), filing));
        Assert.True(filed.Succeeded, filed.Failure?.Detail);
        await host.CaughtUpAsync();

        var hit = Assert.Single(host.Find("加装电梯", SearchScope.Staff).Items);
        Assert.Equal(filed.Value!.ContentItemId, hit.Id);
        Assert.Equal(0, host.Find("加装电梯").Total);
    }

    [Fact]
    public async Task Proposals_imported_and_published_are_found_by_the_public_search()
    {
        await using var host = await SearchTestHost.StartAsync();
        const string Csv = "编号,案由,提案者类别,提案者,界别,类别,重点提案,主办单位,协办单位,同意公开,提交日期\n"
            + "第五届第三次会议第0001号,关于规范共享单车停放的建议,sector,经济界,经济界,经济建设,否,,,是,2025-01-10\n";

        var result = await host.Core.RunAsync<ProposalImporter, ProposalImportResult>(async i => (await i.ImportAsync(TestActors.Clerk("clerk"), new ProposalImportRequest(Csv, "csv", DryRun: false, Publish: true))).Report());
        Assert.True(result.Committed, string.Join("；", result.Errors.Concat(result.Rows.SelectMany(r => r.Problems))));
        await host.CaughtUpAsync();

        Assert.Equal(1, host.Find("共享单车").Total);
    }
}
