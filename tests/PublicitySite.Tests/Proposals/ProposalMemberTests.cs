using PublicitySite.Proposals;
using PublicitySite.Tests.Infrastructure;

namespace PublicitySite.Tests.Proposals;

/// <summary>The service member profiles call: the proposals a member led or co-signed, with status.</summary>
public sealed class ProposalMemberTests
{
    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task A_members_proposals_are_listed_as_led_or_co_signed_and_refused_ones_are_left_out(Db db)
    {
        await using var host = await ProposalTestData.HostAsync(db, new TestClock(ProposalTestData.Start));
        var lead = await ProposalTestData.MemberAsync(host, "示例委员 甲");
        var co = await ProposalTestData.MemberAsync(host, "示例委员 乙");
        var joint = await ProposalTestData.ProposalAsync(host, "关于联名的提案", new DateOnly(2025, 1, 10), proposers: ["示例委员 甲", "示例委员 乙"], steps: ["立案"]);
        var own = await ProposalTestData.ProposalAsync(host, "关于乙领衔的提案", new DateOnly(2025, 1, 11), proposers: ["示例委员 乙"]);
        await ProposalTestData.ProposalAsync(host, "关于不公开的提案", new DateOnly(2025, 1, 12), isPublic: false, proposers: ["示例委员 甲"]);

        var ofLead = await host.RunAsync<ProposalQueries, IReadOnlyList<MemberProposal>>(q => q.OfMemberAsync(lead));
        var ofCo = await host.RunAsync<ProposalQueries, IReadOnlyList<MemberProposal>>(q => q.OfMemberAsync("示例委员 乙"));

        var only = Assert.Single(ofLead);
        Assert.Equal(joint, only.Record.ContentItemId);
        Assert.True(only.Lead);
        Assert.Equal(ProposalStatus.Accepted, only.Record.Status);
        Assert.Equal([(own, true), (joint, false)], ofCo.Select(m => (m.Record.ContentItemId, m.Lead)).OrderBy(x => x.Item2 ? 0 : 1));
        var byId = await host.RunAsync<ProposalQueries, IReadOnlyList<MemberProposal>>(q => q.OfMemberAsync(co));
        Assert.Equal(ofCo.Select(m => (m.Record.ContentItemId, m.Lead)), byId.Select(m => (m.Record.ContentItemId, m.Lead)));
    }

    [Fact]
    public async Task A_member_added_after_their_proposal_is_linked_to_it()
    {
        await using var host = await ProposalTestData.HostAsync(Db.Sqlite, new TestClock(ProposalTestData.Start));
        var proposal = await ProposalTestData.ProposalAsync(host, "关于先于委员档案的提案", new DateOnly(2025, 1, 10), proposers: ["示例委员 丙"]);
        Assert.Null((await host.RunAsync<ProposalQueries, ProposalDetail?>(q => q.GetAsync(proposal)))!.Proposers[0].MemberId);

        var member = await ProposalTestData.MemberAsync(host, "示例委员 丙");

        var detail = await host.RunAsync<ProposalQueries, ProposalDetail?>(q => q.GetAsync(proposal));
        Assert.Equal(member, detail!.Proposers[0].MemberId);
        Assert.True(detail.MemberUrls.ContainsKey(member));
    }
}
