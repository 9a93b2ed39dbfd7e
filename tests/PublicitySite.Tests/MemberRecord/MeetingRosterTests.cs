using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublicitySite.Audit;
using PublicitySite.MemberRecord;
using PublicitySite.Storage;
using PublicitySite.Tests.Admin;
using PublicitySite.Tests.Infrastructure;
using PublicitySite.Tests.MemberPortal;

namespace PublicitySite.Tests.MemberRecord;

/// <summary>会议活动: the office records a meeting and its roster on /admin/meetings, through real sign-in and forms.</summary>
public sealed class MeetingRosterTests
{
    [Fact]
    public async Task The_office_records_a_plenary_meeting_with_who_attended_asked_leave_or_was_absent()
    {
        using var site = new TestSite(seed: false);
        var a = await PortalTestData.MemberAsync(site, "wy-h1", "示例委员午");
        var b = await PortalTestData.MemberAsync(site, "wy-h2", "示例委员未");
        var c = await PortalTestData.MemberAsync(site, "wy-h3", "示例委员申");
        using var clerk = await AdminSession.LoginAsync(site, "huiwu", "ProposalClerk");
        var id = await RecordTestData.MeetingAsync(clerk, "政协第五届第三次全体会议", $"{RecordTestData.ThisYear}-01-15", "全体会议",
            new() { [a] = "出席", [b] = "请假", [c] = "" });

        var (_, roster) = await clerk.GetAsync($"/admin/meetings/{id}");
        Assert.Contains("出席 1 人，请假 1 人，缺席 0 人", roster, StringComparison.Ordinal);
        Assert.Contains("示例委员申", roster, StringComparison.Ordinal); // listed, not on the roster
        var changed = await clerk.PostAsync($"/admin/meetings/{id}?handler=Roster", new() { ["m-" + a] = "出席", ["m-" + b] = "缺席", ["m-" + c] = "出席" });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var rows = await db.Set<MeetingAttendance>().AsNoTracking().Where(r => r.MeetingId == id).ToDictionaryAsync(r => r.MemberId, r => r.State);
        Assert.Equal(new Dictionary<string, Attendance> { [a] = Attendance.Present, [b] = Attendance.Absent, [c] = Attendance.Present }, rows);
        Assert.Equal(3, await db.Set<AuditEntry>().CountAsync(e => e.Action == AuditActions.MeetingRecorded && e.Actor == "huiwu"));
        var (_, list) = await clerk.GetAsync($"/admin/meetings?year={RecordTestData.ThisYear}");
        Assert.Contains("政协第五届第三次全体会议", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_meetings_and_rosters_get_chinese_errors_and_other_roles_are_refused()
    {
        using var site = new TestSite(seed: false);
        var a = await PortalTestData.MemberAsync(site, "wy-h4", "示例委员酉");
        using var clerk = await AdminSession.LoginAsync(site, "huiwu2", "ProposalClerk");
        var wrong = await clerk.PostAsync("/admin/meetings", new() { ["title"] = "", ["date"] = "2026/3/1", ["kind"] = "年会" }, "/admin/meetings");
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        var text = await wrong.Content.ReadAsStringAsync();
        Assert.Contains("请填写会议活动名称", text, StringComparison.Ordinal);
        Assert.Contains("请按“2026-03-01”的格式填写日期", text, StringComparison.Ordinal);
        Assert.Contains("请选择类型：全体会议", text, StringComparison.Ordinal);

        var id = await RecordTestData.MeetingAsync(clerk, "赴示例县视察", $"{RecordTestData.ThisYear}-04-02", "视察", new() { [a] = "出席" });
        var late = await clerk.PostAsync($"/admin/meetings/{id}?handler=Roster", new() { ["m-" + a] = "迟到" });
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        Assert.Contains("出席情况“迟到”无法识别", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var stranger = await clerk.PostAsync($"/admin/meetings/{id}?handler=Roster", new() { ["m-01NOSUCHMEMBER000000000000"] = "出席" });
        Assert.Equal(HttpStatusCode.BadRequest, stranger.StatusCode);
        var (missing, _) = await clerk.GetAsync("/admin/meetings/999999");
        Assert.Equal(HttpStatusCode.NotFound, missing);

        foreach (var (name, role) in new[] { ("bianji3", "Editor"), ("shenhe3", "Reviewer") })
        {
            using var session = await AdminSession.LoginAsync(site, name, role);
            Assert.Equal(HttpStatusCode.Forbidden, (await session.GetAsync("/admin/meetings")).Status);
            var posted = await session.PostAsync("/admin/meetings", new() { ["title"] = "擅自登记", ["date"] = "2026-05-01", ["kind"] = "调研" });
            Assert.Equal(HttpStatusCode.Forbidden, posted.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await session.PostAsync($"/admin/meetings/{id}?handler=Roster", new() { ["m-" + a] = "缺席" })).StatusCode);
        }

        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(1, await db.Set<Meeting>().CountAsync());
        Assert.Equal(Attendance.Present, (await db.Set<MeetingAttendance>().SingleAsync()).State);
    }
}
