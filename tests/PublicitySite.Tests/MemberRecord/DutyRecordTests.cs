using System.Net;
using System.Text.RegularExpressions;
using PublicitySite.Proposals;
using PublicitySite.Tests.Admin;
using PublicitySite.Tests.Infrastructure;
using PublicitySite.Tests.MemberPortal;

namespace PublicitySite.Tests.MemberRecord;

/// <summary>
/// 履职档案 and 履职积分 gathered from real activity: a proposal led and co-signed through the portal and filed by the
/// office, a 社情民意 adopted, rosters of two meetings, a news item naming the member; points by the recipe's rules.
/// </summary>
public sealed partial class DutyRecordTests
{
    internal const string Proposal = "关于完善社区养老助餐服务的提案";
    internal const string Opinion = "关于规范共享单车停放的建议";
    internal const string Speech = "示例委员在专题协商会上发言";

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task A_members_year_lists_every_duty_and_the_points_follow_the_recipe(Db db)
    {
        using var site = new TestSite(seed: false, db: db);
        var (a, b) = await BusyYearAsync(site);
        using var lead = await PortalTestData.SignInAsync(site, "wy-d1");

        var (status, record) = await lead.GetAsync($"/member/record?year={RecordTestData.ThisYear}");
        Assert.Equal(HttpStatusCode.OK, status);
        foreach (var expected in new[] { Proposal, "领衔", "立案", Opinion, "市政协采用", Speech, "政协全体会议", "赴示例县视察" })
        {
            Assert.Contains(expected, record, StringComparison.Ordinal);
        }

        // 立案提案 10 + 社情民意采用 5 + 出席全体会议 2 + 出席(视察) 1 + 发言文章 2
        Assert.Equal("20", Total(record));
        using var cosigner = await PortalTestData.SignInAsync(site, "wy-d2");
        var (_, other) = await cosigner.GetAsync("/member/record");
        Assert.Contains("联名", other, StringComparison.Ordinal);
        Assert.Equal("-2", Total(other)); // 联名提案 3 + 缺席 −5
        Assert.DoesNotContain(Opinion, other, StringComparison.Ordinal);

        var (_, lastYear) = await lead.GetAsync($"/member/record?year={RecordTestData.ThisYear - 1}");
        Assert.Equal("0", Total(lastYear));
        Assert.Contains("本年度没有提案", lastYear, StringComparison.Ordinal);
        var (bad, badPage) = await lead.GetAsync("/member/record?year=abc");
        Assert.Equal(HttpStatusCode.BadRequest, bad);
        Assert.Contains("年份有误", badPage, StringComparison.Ordinal);

        using var clerk = await AdminSession.LoginAsync(site, "paiming", "ProposalClerk");
        var (rankStatus, ranking) = await clerk.GetAsync($"/admin/duties?year={RecordTestData.ThisYear}");
        Assert.Equal(HttpStatusCode.OK, rankStatus);
        var first = ranking.IndexOf("示例委员甲戌", StringComparison.Ordinal);
        var second = ranking.IndexOf("示例委员乙亥", StringComparison.Ordinal);
        Assert.True(first > 0 && second > first, "the member with more points comes first");
        Assert.Contains("<strong>20</strong>", ranking, StringComparison.Ordinal);
        Assert.Contains("<strong>-2</strong>", ranking, StringComparison.Ordinal);
        Assert.True(a.Length > 0 && b.Length > 0);
    }

    [Fact]
    public async Task The_ranking_is_refused_to_roles_without_the_duty_permission()
    {
        using var site = new TestSite(seed: false);
        foreach (var (name, role) in new[] { ("bj", "Editor"), ("sh", "Reviewer"), ("qf", "Publisher") })
        {
            using var session = await AdminSession.LoginAsync(site, name, role);
            var (status, html) = await session.GetAsync("/admin/duties");
            Assert.Equal(HttpStatusCode.Forbidden, status);
            Assert.Contains("登记委员履职", html, StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// 甲戌 leads a proposal 乙亥 co-signs (filed, 立案), reports a 社情民意 adopted by the city, attends a plenary
    /// meeting (乙亥 absent) and an inspection, and is named in a published news item. Returns both profile ids.
    /// </summary>
    internal static async Task<(string A, string B)> BusyYearAsync(TestSite site)
    {
        var a = await PortalTestData.MemberAsync(site, "wy-d1", "示例委员甲戌");
        var b = await PortalTestData.MemberAsync(site, "wy-d2", "示例委员乙亥");
        using var lead = await PortalTestData.SignInAsync(site, "wy-d1");
        using var cosigner = await PortalTestData.SignInAsync(site, "wy-d2");
        var draft = await PortalTestData.DraftAsync(lead, Proposal);
        Assert.Equal(HttpStatusCode.Redirect, (await lead.PostAsync($"/member/proposals/{draft}/invite", new() { ["cosigner"] = "wy-d2" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await lead.PostAsync($"/member/proposals/{draft}/submit", new() { ["public"] = "yes" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await cosigner.PostAsync($"/member/proposals/{draft}/cosign", new() { ["answer"] = "confirm" })).StatusCode);
        var itemId = (await PortalTestData.RowAsync(site, draft)).ContentItemId!;
        await PortalTestData.OfficeAsync(site, itemId, new ProposalEventInput { Kind = "立案" });

        var opinion = await RecordTestData.ReportAsync(site, lead, Opinion);
        using var reviewer = await AdminSession.LoginAsync(site, "caiyong", "Reviewer");
        Assert.Equal(HttpStatusCode.Redirect, (await RecordTestData.AdoptAsync(reviewer, opinion.ContentItemId, "市政协采用")).StatusCode);

        using var clerk = await AdminSession.LoginAsync(site, "kaohe", "ProposalClerk");
        await RecordTestData.MeetingAsync(clerk, "政协全体会议", $"{RecordTestData.ThisYear}-01-10", "全体会议", new() { [a] = "出席", [b] = "缺席" });
        await RecordTestData.MeetingAsync(clerk, "赴示例县视察", $"{RecordTestData.ThisYear}-01-20", "视察", new() { [a] = "出席" });
        await RecordTestData.NewsAsync(site, Speech, a);
        return (a, b);
    }

    internal static string Total(string html) => TotalPattern().Match(html) is { Success: true } m ? m.Groups[1].Value : "(none)";

    [GeneratedRegex("id=\"rc-total\">(-?\\d+)<")]
    private static partial Regex TotalPattern();
}
