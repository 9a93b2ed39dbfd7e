using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublicitySite.Audit;
using PublicitySite.Contents;
using PublicitySite.MemberRecord;
using PublicitySite.Storage;
using PublicitySite.Tests.Admin;
using PublicitySite.Tests.Infrastructure;
using PublicitySite.Tests.MemberPortal;

namespace PublicitySite.Tests.MemberRecord;

/// <summary>社情民意 from 委员之家 to the office's adoption and back to the member's 消息, over real HTTP and sign-in.</summary>
public sealed class PortalOpinionTests
{
    private const string Title = "关于改善老旧社区夜间照明的建议";

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task A_member_reports_a_social_opinion_the_office_marks_a_leaders_instruction_and_the_member_is_told(Db db)
    {
        using var site = new TestSite(seed: false, db: db);
        var memberId = await PortalTestData.MemberAsync(site, "wy-sq", "示例委员卯");
        using var member = await PortalTestData.SignInAsync(site, "wy-sq");
        var row = await RecordTestData.ReportAsync(site, member, Title);

        Assert.Equal(memberId, row.MemberId);
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var version = await store.ContentItemVersions.AsNoTracking().SingleAsync(v => v.ContentItemId == row.ContentItemId && v.Latest);
            Assert.Equal("SocialOpinion", version.ContentType);
            Assert.Equal(ContentStatus.Draft, version.Status);
            Assert.Contains(memberId, ContentData.GetList(ContentData.Parse(version.Data), PortalOpinions.Part, "Reporters"));
        }

        var (_, mine) = await member.GetAsync("/member/opinions");
        Assert.Contains(Title, mine, StringComparison.Ordinal);
        Assert.Contains("待审核", mine, StringComparison.Ordinal);

        using var reviewer = await AdminSession.LoginAsync(site, "shenhe", "Reviewer");
        var (_, office) = await reviewer.GetAsync("/admin/opinions");
        Assert.Contains(Title, office, StringComparison.Ordinal);
        Assert.Contains($"/admin/opinions/adopt/{row.ContentItemId}", office, StringComparison.Ordinal);
        var adopted = await RecordTestData.AdoptAsync(reviewer, row.ContentItemId, "领导批示", "请市城管局研究落实");
        Assert.Equal(HttpStatusCode.Redirect, adopted.StatusCode);
        Assert.Equal("领导批示", await RecordTestData.AdoptionAsync(site, row.ContentItemId));

        var (_, home) = await member.GetAsync("/member");
        Assert.Contains("社情民意被领导批示", home, StringComparison.Ordinal);
        Assert.Contains($"/member/opinions/{row.Id}", home, StringComparison.Ordinal);
        Assert.Contains("mp-badge", home, StringComparison.Ordinal);
        var (status, detail) = await member.GetAsync($"/member/opinions/{row.Id}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("请市城管局研究落实", detail, StringComparison.Ordinal);
        Assert.Contains("领导批示", detail, StringComparison.Ordinal);
        var (_, seen) = await member.GetAsync("/member");
        Assert.DoesNotContain("社情民意被领导批示", seen, StringComparison.Ordinal);

        await using var check = site.Services.CreateAsyncScope();
        var audit = await check.ServiceProvider.GetRequiredService<AppDbContext>().Set<AuditEntry>().AsNoTracking()
            .Where(a => a.Target == row.ContentItemId).Select(a => new { a.Actor, a.Action }).ToListAsync();
        Assert.Contains(audit, a => a.Actor == "wy-sq" && a.Action == AuditActions.OpinionReported);
        Assert.Contains(audit, a => a.Actor == "shenhe" && a.Action == AuditActions.OpinionAdoption);
    }

    [Fact]
    public async Task Bad_reports_and_markings_get_chinese_errors_and_roles_without_the_permission_are_refused()
    {
        using var site = new TestSite(seed: false);
        await PortalTestData.MemberAsync(site, "wy-sr", "示例委员辰");
        using var member = await PortalTestData.SignInAsync(site, "wy-sr");
        var empty = await member.PostAsync("/member/opinions", new() { ["title"] = "", ["situation"] = "", ["suggestion"] = "有建议", ["category"] = "体育建设" });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var page = await empty.Content.ReadAsStringAsync();
        Assert.Contains("请填写标题", page, StringComparison.Ordinal);
        Assert.Contains("请填写基本情况", page, StringComparison.Ordinal);
        Assert.Contains("类别“体育建设”不在可选范围内", page, StringComparison.Ordinal);
        Assert.Contains("有建议", page, StringComparison.Ordinal); // what was typed is kept

        var row = await RecordTestData.ReportAsync(site, member, Title);
        var outcomes = new Dictionary<string, HttpStatusCode>();
        foreach (var (name, role) in new[] { ("bianji", "Editor"), ("tianqing", "ProposalClerk"), ("qianfa", "Publisher"), ("guanli", "Administrator") })
        {
            using var session = await AdminSession.LoginAsync(site, name, role);
            outcomes[role] = (await RecordTestData.AdoptAsync(session, row.ContentItemId, "市政协采用")).StatusCode;
        }

        Assert.Equal(HttpStatusCode.Forbidden, outcomes["Editor"]);
        Assert.Equal(HttpStatusCode.Forbidden, outcomes["ProposalClerk"]);
        Assert.Equal(HttpStatusCode.Redirect, outcomes["Publisher"]);
        Assert.Equal(HttpStatusCode.Redirect, outcomes["Administrator"]);

        using var reviewer = await AdminSession.LoginAsync(site, "shenhe2", "Reviewer");
        var badLevel = await RecordTestData.AdoptAsync(reviewer, row.ContentItemId, "国务院采用");
        Assert.Equal(HttpStatusCode.BadRequest, badLevel.StatusCode);
        Assert.Contains("请选择采用级别", await badLevel.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await RecordTestData.AdoptAsync(reviewer, "01NOSUCHITEM0000000000000A", "市政协采用")).StatusCode);
        var (missing, _) = await member.GetAsync("/member/opinions/999999");
        Assert.Equal(HttpStatusCode.NotFound, missing);
    }
}
