using PublicitySite.Commands;
using Microsoft.EntityFrameworkCore;
using PublicitySite.Proposals;
using PublicitySite.Storage;
using PublicitySite.Tests.Infrastructure;

namespace PublicitySite.Tests.Proposals;

/// <summary>The office's services on both databases: numbering, recording events, refusing illegal ones.</summary>
public sealed class ProposalOfficeTests
{
    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Filing_numbers_proposals_in_order_within_the_session_of_the_filing_date(Db db)
    {
        await using var host = await ProposalTestData.HostAsync(db, new TestClock(ProposalTestData.Start));
        var first = await ProposalTestData.ProposalAsync(host, "关于甲的提案", new DateOnly(2025, 1, 10));
        var second = await ProposalTestData.ProposalAsync(host, "关于乙的提案", new DateOnly(2025, 1, 20));
        var late = await ProposalTestData.ProposalAsync(host, "关于丙的提案", new DateOnly(2025, 1, 21));

        var numbers = await host.RunAsync<AppDbContext, Dictionary<string, string>>(d => d.Set<ProposalRecord>().ToDictionaryAsync(r => r.ContentItemId, r => r.Number));
        Assert.Equal("第五届第三次会议第0001号", numbers[first]);
        Assert.Equal("第五届第三次会议第0002号", numbers[second]);
        Assert.Equal("第五届第四次会议第0001号", numbers[late]);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Recording_events_moves_the_status_and_an_illegal_one_is_refused_and_not_stored(Db db)
    {
        await using var host = await ProposalTestData.HostAsync(db, new TestClock(ProposalTestData.Start));
        var id = await ProposalTestData.ProposalAsync(host, "关于交通的提案", new DateOnly(2025, 1, 10), steps: ["立案"]);

        var refused = await host.RunAsync<ProposalOffice, Result<ProposalChange>>(o => o.RecordAsync(TestActors.Clerk("clerk"), id, ProposalTestData.Step("已答复", new DateOnly(2025, 1, 15))));
        var assigned = await host.RunAsync<ProposalOffice, Result<ProposalChange>>(o => o.RecordAsync(TestActors.Clerk("clerk"), id, ProposalTestData.Step("交办", new DateOnly(2025, 1, 16))));

        Assert.IsType<Failure.Invalid>(refused.Failure);
        Assert.Contains("答复须在交办之后", refused.Failure!.Detail, StringComparison.Ordinal);
        Assert.Equal(ProposalStatus.Assigned, assigned.Value!.Status);
        var record = await host.RunAsync<AppDbContext, ProposalRecord>(d => d.Set<ProposalRecord>().SingleAsync(r => r.ContentItemId == id));
        Assert.Equal(ProposalStatus.Assigned, record.Status);
        Assert.Equal("市交通运输局", record.LeadUnit);
        Assert.Equal(new DateOnly(2025, 4, 16), record.DueOn);
        Assert.Equal(3, await host.RunAsync<AppDbContext, int>(d => d.Set<ProposalEvent>().CountAsync(e => e.ContentItemId == id)));
    }

    [Fact]
    public async Task Merging_names_an_existing_proposal_and_unknown_kinds_are_refused_in_chinese()
    {
        await using var host = await ProposalTestData.HostAsync(Db.Sqlite, new TestClock(ProposalTestData.Start));
        await ProposalTestData.ProposalAsync(host, "关于主提案", new DateOnly(2025, 1, 10));
        var other = await ProposalTestData.ProposalAsync(host, "关于相近提案", new DateOnly(2025, 1, 11));

        var missing = await host.RunAsync<ProposalOffice, Result<ProposalChange>>(o => o.RecordAsync(TestActors.Clerk("clerk"), other, new ProposalEventInput { Kind = "并案", MergedInto = "第五届第三次会议第0099号" }));
        var unknown = await host.RunAsync<ProposalOffice, Result<ProposalChange>>(o => o.RecordAsync(TestActors.Clerk("clerk"), other, new ProposalEventInput { Kind = "盖章" }));
        var merged = await host.RunAsync<ProposalOffice, Result<ProposalChange>>(o => o.RecordAsync(TestActors.Clerk("clerk"), other, new ProposalEventInput { Kind = "并案", MergedInto = "5-3-1", Date = new DateOnly(2025, 1, 12) }));

        Assert.Contains("不存在", missing.Failure!.Detail, StringComparison.Ordinal);
        Assert.Contains("未知的办理环节", unknown.Failure!.Detail, StringComparison.Ordinal);
        Assert.True(merged.Succeeded, merged.Failure?.Detail);
        var stored = await host.RunAsync<AppDbContext, ProposalEvent>(d => d.Set<ProposalEvent>().SingleAsync(e => e.ContentItemId == other && e.Kind == ProposalEventKind.Merge));
        Assert.Equal("第五届第三次会议第0001号", stored.MergedInto);
    }

    [Fact]
    public async Task A_proposal_that_does_not_exist_is_not_found()
    {
        await using var host = await ProposalTestData.HostAsync(Db.Sqlite);

        var outcome = await host.RunAsync<ProposalOffice, Result<ProposalChange>>(o => o.RecordAsync(TestActors.Clerk("clerk"), "01JABCDEFGHJKMNPQRSTVWXYZ0", new ProposalEventInput { Kind = "立案" }));

        Assert.IsType<Failure.NotFound>(outcome.Failure);
    }

    [Fact]
    public async Task A_filing_after_the_last_configured_session_is_refused()
    {
        await using var host = await ProposalTestData.HostAsync(Db.Sqlite, new TestClock(new DateTimeOffset(2027, 6, 1, 0, 0, 0, TimeSpan.Zero)));

        var outcome = await host.RunAsync<ProposalOffice, Result<ProposalChange>>(o => o.FileAsync(TestActors.Clerk("clerk"), new ProposalFiling { Title = "关于某事的提案", FiledOn = new DateOnly(2027, 2, 1), Proposers = ["经济界"], ProposerType = "sector" }));

        Assert.IsType<Failure.Invalid>(outcome.Failure);
        Assert.Contains("没有已设置的会议", outcome.Failure!.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_derived_records_can_be_rebuilt_from_items_and_events()
    {
        await using var host = await ProposalTestData.HostAsync(Db.Sqlite, new TestClock(ProposalTestData.Start));
        var id = await ProposalTestData.ProposalAsync(host, "关于重建的提案", new DateOnly(2025, 1, 10), steps: ["立案", "交办", "已答复"]);
        var before = await host.RunAsync<AppDbContext, ProposalRecord>(d => d.Set<ProposalRecord>().AsNoTracking().SingleAsync());
        await host.RunAsync<AppDbContext, int>(d => d.Set<ProposalRecord>().ExecuteDeleteAsync());

        var rebuilt = await host.RunAsync<ProposalIndexer, int>(i => i.RebuildAllAsync());

        var after = await host.RunAsync<AppDbContext, ProposalRecord>(d => d.Set<ProposalRecord>().AsNoTracking().SingleAsync());
        Assert.Equal(1, rebuilt);
        Assert.Equal((id, before.Number, ProposalStatus.Replied, before.DueOn, "A"), (after.ContentItemId, after.Number, after.Status, after.DueOn, after.ReplyClass));
    }
}
