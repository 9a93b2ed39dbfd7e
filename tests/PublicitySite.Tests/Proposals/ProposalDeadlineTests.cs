using PublicitySite.Commands;
using Microsoft.EntityFrameworkCore;
using PublicitySite.Proposals;
using PublicitySite.Storage;
using PublicitySite.Tests.Infrastructure;

namespace PublicitySite.Tests.Proposals;

/// <summary>Deadlines and the overdue mark, with a clock the test moves.</summary>
public sealed class ProposalDeadlineTests
{
    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task A_proposal_unanswered_three_months_after_assignment_becomes_overdue_and_shows_in_the_queue(Db db)
    {
        var clock = new TestClock(ProposalTestData.Start);
        await using var host = await ProposalTestData.HostAsync(db, clock);
        var id = await ProposalTestData.ProposalAsync(host, "关于逾期的提案", new DateOnly(2025, 2, 1), steps: ["立案", "交办"]);

        clock.Now = new DateTimeOffset(2025, 5, 3, 12, 0, 0, TimeSpan.FromHours(8)); // the due day itself (assigned 02-03)
        Assert.Equal(0, await host.RunAsync<ProposalDeadlines, int>(d => d.MarkOverdueAsync()));
        var dueSoon = await host.RunAsync<ProposalOffice, ProposalQueue>(o => o.QueueAsync());
        Assert.Contains(dueSoon.DueSoon, r => r.ContentItemId == id);

        clock.Now = new DateTimeOffset(2025, 5, 4, 0, 30, 0, TimeSpan.FromHours(8));
        Assert.Equal(1, await host.RunAsync<ProposalDeadlines, int>(d => d.MarkOverdueAsync()));

        var queue = await host.RunAsync<ProposalOffice, ProposalQueue>(o => o.QueueAsync());
        Assert.Contains(queue.Overdue, r => r.ContentItemId == id);
        Assert.DoesNotContain(queue.DueSoon, r => r.ContentItemId == id);
    }

    [Fact]
    public async Task An_extension_or_a_reply_clears_the_overdue_mark()
    {
        var clock = new TestClock(ProposalTestData.Start);
        await using var host = await ProposalTestData.HostAsync(Db.Sqlite, clock);
        var id = await ProposalTestData.ProposalAsync(host, "关于延期的提案", new DateOnly(2025, 2, 1), steps: ["立案", "交办"]);
        clock.Now = new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);
        await host.RunAsync<ProposalDeadlines, int>(d => d.MarkOverdueAsync());
        Assert.True(await Overdue(host, id));

        var extended = await host.RunAsync<ProposalOffice, Result<ProposalChange>>(o => o.RecordAsync(TestActors.Clerk("clerk"), id, new ProposalEventInput { Kind = "延期", DueOn = new DateOnly(2025, 8, 31), Date = new DateOnly(2025, 6, 1) }));
        Assert.True(extended.Succeeded, extended.Failure?.Detail);
        Assert.False(await Overdue(host, id));

        clock.Now = new DateTimeOffset(2025, 9, 5, 0, 0, 0, TimeSpan.Zero);
        await host.RunAsync<ProposalDeadlines, int>(d => d.MarkOverdueAsync());
        Assert.True(await Overdue(host, id));
        var replied = await host.RunAsync<ProposalOffice, Result<ProposalChange>>(o => o.RecordAsync(TestActors.Clerk("clerk"), id, ProposalTestData.Step("已答复", new DateOnly(2025, 9, 5))));
        Assert.True(replied.Succeeded);
        Assert.False(await Overdue(host, id));
        var record = await host.RunAsync<AppDbContext, ProposalRecord>(d => d.Set<ProposalRecord>().SingleAsync(r => r.ContentItemId == id));
        Assert.False(record.RepliedOnTime);
    }

    private static Task<bool> Overdue(CoreHost host, string id) =>
        host.RunAsync<AppDbContext, bool>(d => d.Set<ProposalRecord>().Where(r => r.ContentItemId == id).Select(r => r.Overdue).SingleAsync());
}
