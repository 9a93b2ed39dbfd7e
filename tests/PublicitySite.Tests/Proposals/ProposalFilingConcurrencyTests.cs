using PublicitySite.Commands;
using System.Net;
using Microsoft.EntityFrameworkCore;
using PublicitySite.Proposals;
using PublicitySite.Storage;
using PublicitySite.Tests.Admin;
using PublicitySite.Tests.Admin.Proposals;
using PublicitySite.Tests.Infrastructure;

namespace PublicitySite.Tests.Proposals;

/// <summary>
/// Filings made at the same moment (each through its own scope, as two clerks' requests are) all get a number,
/// distinct and consecutive; when a number cannot be had the office says so in Chinese instead of failing.
/// </summary>
public sealed class ProposalFilingConcurrencyTests
{
    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Ten_filings_at_once_all_succeed_with_distinct_consecutive_numbers(Db db)
    {
        await using var host = await ProposalTestData.HostAsync(db, new TestClock(ProposalTestData.Start));
        using var start = new ManualResetEventSlim();

        var filings = Enumerable.Range(1, 10).Select(i => Task.Run(async () =>
        {
            start.Wait();
            return await host.RunAsync<ProposalOffice, Result<ProposalChange>>(o => o.FileAsync(TestActors.Clerk($"clerk{i}"), Filing($"同时提交的提案{i:D2}")));
        })).ToList();
        start.Set();
        var outcomes = await Task.WhenAll(filings);

        Assert.All(outcomes, o => Assert.True(o.Succeeded, o.Failure?.Detail));
        var records = await host.RunAsync<AppDbContext, List<ProposalRecord>>(d => d.Set<ProposalRecord>().AsNoTracking().ToListAsync());
        Assert.Equal(Enumerable.Range(1, 10), records.Select(r => r.Seq).Order());
        Assert.All(records, r => Assert.Equal((5, 3), (r.Term, r.Meeting)));
        Assert.Equal(outcomes.Select(o => o.Value!.ContentItemId).Order(), records.Select(r => r.ContentItemId).Order());
        // Each proposal's own data carries the number it was given, and it was filed (待审查) once.
        var seqs = await host.RunAsync<AppDbContext, List<string>>(d => d.ContentItemVersions.AsNoTracking().Where(v => v.ContentType == "Proposal").Select(v => v.Slug!).ToListAsync());
        Assert.Equal(Enumerable.Range(1, 10).Select(n => $"t5-3-{n:D4}"), seqs.Order());
        Assert.Equal(10, await host.RunAsync<AppDbContext, int>(d => d.Set<ProposalEvent>().CountAsync(e => e.Kind == ProposalEventKind.Filed)));
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task A_filing_that_keeps_meeting_a_unique_constraint_is_refused_in_chinese_and_leaves_nothing_behind(Db db)
    {
        await using var host = await ProposalTestData.HostAsync(db, new TestClock(ProposalTestData.Start));
        Assert.True((await host.RunAsync<ProposalOffice, Result<ProposalChange>>(o => o.FileAsync(TestActors.Clerk("clerk"), Filing("第一件提案")))).Succeeded);
        // Stands in for a conflict that does not go away: every later 待审查 event now collides with the first.
        await host.RunAsync<AppDbContext, int>(d => d.Database.ExecuteSqlRawAsync("CREATE UNIQUE INDEX \"IX_Test_OneFiledEvent\" ON \"ProposalEvents\" (\"Kind\")"));

        var outcome = await host.RunAsync<ProposalOffice, Result<ProposalChange>>(o => o.FileAsync(TestActors.Clerk("clerk"), Filing("第二件提案")));

        Assert.IsType<Failure.Conflict>(outcome.Failure);
        Assert.Contains("提案编号未能分配", outcome.Failure!.Detail, StringComparison.Ordinal);
        Assert.Equal(1, await host.RunAsync<AppDbContext, int>(d => d.ContentItems.CountAsync(i => i.ContentType == "Proposal")));
        Assert.Equal(1, await host.RunAsync<AppDbContext, int>(d => d.Set<ProposalRecord>().CountAsync()));
    }

    [Fact]
    public async Task The_filing_page_answers_a_number_it_cannot_get_with_409_and_the_chinese_reason()
    {
        using var site = OfficeSite.Create();
        await OfficeSite.MemberAsync(site);
        using var clerk = await AdminSession.LoginAsync(site, "clerk-conflict", "ProposalClerk");
        await OfficeSite.FileAsync(clerk, "第一件提案");
        await OfficeSite.DbAsync(site, d => d.Database.ExecuteSqlRawAsync("CREATE UNIQUE INDEX \"IX_Test_OneFiledEvent\" ON \"ProposalEvents\" (\"Kind\")"));

        var response = await clerk.PostAsync("/admin/proposals/new", OfficeSite.Filing("第二件提案"), "/admin/proposals/new");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("提案编号未能分配，请稍后重新提交", await response.Content.ReadAsStringAsync());
        Assert.Equal(1, await OfficeSite.DbAsync(site, d => d.Set<ProposalRecord>().CountAsync()));
    }

    private static ProposalFiling Filing(string title) => new()
    {
        Title = title, Body = "建议内容。", FiledOn = new DateOnly(2025, 1, 10), Proposers = ["经济界"], ProposerType = "sector", Sector = "经济界", Public = true,
    };
}
