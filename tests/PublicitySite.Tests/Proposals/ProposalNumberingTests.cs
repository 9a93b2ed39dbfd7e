using PublicitySite.Proposals;

namespace PublicitySite.Tests.Proposals;

public sealed class ProposalNumberingTests
{
    [Theory]
    [InlineData(5, 1, 12, "第五届第一次会议第0012号")]
    [InlineData(12, 3, 7, "第十二届第三次会议第0007号")]
    [InlineData(20, 10, 1234, "第二十届第十次会议第1234号")]
    [InlineData(13, 2, 5, "第十三届第二次会议第0005号")]
    public void Numbers_are_written_the_way_the_committee_writes_them(int term, int meeting, int seq, string expected)
    {
        Assert.Equal(expected, ProposalNumbering.Format(term, meeting, seq));
        Assert.True(ProposalNumbering.TryParse(expected, out var parsed));
        Assert.Equal((term, meeting, seq), parsed);
    }

    [Theory]
    [InlineData("2025-01-20", 3)]
    [InlineData("2025-01-21", 4)]
    [InlineData("2024-06-30", 3)]
    [InlineData("2023-01-16", 1)]
    [InlineData("2023-01-17", 2)]
    public void A_filing_after_a_sessions_cut_off_counts_for_the_next_session(string filed, int meeting)
    {
        var session = ProposalNumbering.SessionFor(ProposalRules.DefaultSessions, DateOnly.Parse(filed, System.Globalization.CultureInfo.InvariantCulture));

        Assert.NotNull(session);
        Assert.Equal(5, session.Term);
        Assert.Equal(meeting, session.Meeting);
    }

    [Fact]
    public void A_filing_after_the_last_configured_session_has_no_session()
    {
        Assert.Null(ProposalNumbering.SessionFor(ProposalRules.DefaultSessions, new DateOnly(2027, 1, 21)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("第五届第一次会议")]
    [InlineData("5-1")]
    [InlineData("第五届第一次会议第号")]
    public void Malformed_numbers_do_not_parse(string text)
    {
        Assert.False(ProposalNumbering.TryParse(text, out _));
    }
}
