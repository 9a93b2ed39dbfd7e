using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublicitySite.Audit;
using PublicitySite.Contents;
using PublicitySite.Media;
using PublicitySite.Proposals;
using PublicitySite.Tests.Infrastructure;
using PublicitySite.Tests.Media;

namespace PublicitySite.Tests.Admin.Proposals;

public sealed partial class ProposalOfficePagesTests
{
    [Fact]
    public async Task A_clerk_files_a_proposal_and_walks_it_to_closed_and_the_public_page_shows_the_timeline_and_the_reply_pdf()
    {
        using var site = OfficeSite.Create();
        await OfficeSite.MemberAsync(site);
        using var clerk = await AdminSession.LoginAsync(site, "clerk-walk", "ProposalClerk");

        var (_, form) = await clerk.GetAsync("/admin/proposals/new");
        Assert.Contains($"<option value=\"{OfficeSite.Member}\">", form);
        var id = await OfficeSite.FileAsync(clerk, "关于增设社区老年食堂的提案");

        // Filed on 2025-03-01, after the third session's cut-off (2025-01-20): it counts for the fourth.
        var (_, filed) = await clerk.GetAsync($"/admin/proposals/{id}");
        Assert.Contains("已登记为第五届第四次会议第0001号", filed);
        Assert.Contains("登记“立案”", filed);
        Assert.Contains("登记“不立案”", filed);
        Assert.DoesNotContain("登记“交办”", filed);

        await Step(clerk, id, new() { ["Kind"] = "立案", ["Date"] = "2025-03-10" }, "已立案");
        await Step(clerk, id, new() { ["Kind"] = "交办", ["Date"] = "2025-03-15", ["Unit"] = "市民政局", ["CoUnits"] = "市财政局、市卫生健康委" }, "已交办");
        var reply = await clerk.PostFileAsync($"/admin/proposals/{id}?handler=Record", new()
        {
            ["Kind"] = "已答复", ["Date"] = "2025-05-01", ["Unit"] = "市民政局", ["ReplyClass"] = "A", ["ReplyRefNo"] = "民函〔2025〕12号", ["ReplyText"] = "已在三个街道试点老年食堂。",
        }, "pdf", SampleFiles.Pdf(), "答复.pdf", $"/admin/proposals/{id}");
        Assert.Equal(HttpStatusCode.Redirect, reply.StatusCode);
        await Step(clerk, id, new() { ["Kind"] = "评价", ["Date"] = "2025-05-10", ["Verdict"] = "满意" }, "已评价");
        await Step(clerk, id, new() { ["Kind"] = "办结", ["Date"] = "2025-05-20" }, "已办结");

        var (_, closed) = await clerk.GetAsync($"/admin/proposals/{id}");
        Assert.Contains("此提案已是最终状态", closed);
        Assert.Equal(6, await OfficeSite.EventCountAsync(site, id));

        // The text goes through review like any item; publishing it directly is enough here.
        await using (var scope = site.Services.CreateAsyncScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<ContentManager>().PublishAsync(id)).Succeeded);
        }

        using var reader = site.CreateClient(new() { AllowAutoRedirect = false });
        var page = await reader.GetStringAsync("/proposals/t5-4-0001");
        Assert.Contains("第五届第四次会议第0001号", page);
        foreach (var step in new[] { "待审查", "立案", "交办", "已答复", "评价：满意", "办结", "协办：市财政局、市卫生健康委", "民函〔2025〕12号" })
        {
            Assert.Contains(step, page);
        }

        var pdf = PdfLink().Match(page);
        Assert.True(pdf.Success, "no reply PDF link on the public page");
        var redirect = await reader.GetAsync(pdf.Groups[1].Value);
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        var file = await reader.GetAsync(redirect.Headers.Location);
        Assert.Equal("application/pdf", file.Content.Headers.ContentType?.MediaType);

        var actions = await OfficeSite.DbAsync(site, db => db.Set<AuditEntry>().Where(a => a.Target == id && a.Action.StartsWith("proposal.")).Select(a => a.Action).ToListAsync());
        Assert.Equal(1, actions.Count(a => a == AuditActions.ProposalFiled));
        Assert.Equal(5, actions.Count(a => a == AuditActions.ProposalEvent));
    }

    [Fact]
    public async Task An_assignment_with_the_co_unit_box_left_empty_is_recorded_with_no_co_units()
    {
        using var site = OfficeSite.Create();
        await OfficeSite.MemberAsync(site);
        using var clerk = await AdminSession.LoginAsync(site, "clerk-empty-co", "ProposalClerk");
        var id = await OfficeSite.FileAsync(clerk, "关于规范共享单车停放的提案");
        await Step(clerk, id, new() { ["Kind"] = "立案", ["Date"] = "2025-03-10" }, "已立案");

        // The browser sends the empty text box as an empty value, which binds as a null entry.
        await Step(clerk, id, new() { ["Kind"] = "交办", ["Date"] = "2025-03-15", ["Unit"] = "市城管局", ["CoUnits"] = "", ["Note"] = "" }, "已交办");

        Assert.Null(await OfficeSite.DbAsync(site, db => db.Set<ProposalEvent>().Where(e => e.ContentItemId == id && e.Kind == ProposalEventKind.Assign).Select(e => e.CoUnits).SingleAsync()));
    }

    [Fact]
    public async Task A_reply_pdf_is_not_linked_anywhere_public_while_the_proposer_refuses_publication()
    {
        using var site = OfficeSite.Create();
        await OfficeSite.MemberAsync(site);
        using var clerk = await AdminSession.LoginAsync(site, "clerk-private", "ProposalClerk");
        var filing = OfficeSite.Filing("不公开的提案");
        filing.Remove("Public");
        var created = await clerk.PostAsync("/admin/proposals/new", filing, "/admin/proposals/new");
        var id = created.Headers.Location!.ToString().Split('/').Last();
        await Step(clerk, id, new() { ["Kind"] = "立案", ["Date"] = "2025-03-10" }, "已立案");
        await Step(clerk, id, new() { ["Kind"] = "交办", ["Date"] = "2025-03-15", ["Unit"] = "市民政局" }, "已交办");
        var reply = await clerk.PostFileAsync($"/admin/proposals/{id}?handler=Record", new() { ["Kind"] = "已答复", ["Date"] = "2025-05-01", ["ReplyClass"] = "B" }, "pdf", SampleFiles.Pdf(), "答复.pdf", $"/admin/proposals/{id}");
        Assert.Equal(HttpStatusCode.Redirect, reply.StatusCode);
        await using (var scope = site.Services.CreateAsyncScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<ContentManager>().PublishAsync(id)).Succeeded);
        }

        var (_, office) = await clerk.GetAsync($"/admin/proposals/{id}");
        Assert.Matches(PdfLink(), office); // the office sees it
        using var reader = site.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/proposals/t5-4-0001")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/api/proposals/{id}")).StatusCode);
        Assert.DoesNotContain("不公开的提案", await reader.GetStringAsync("/proposals"));
    }

    [Fact]
    public async Task A_crafted_illegal_transition_is_refused_with_the_lifecycles_message_and_changes_nothing()
    {
        using var site = OfficeSite.Create();
        await OfficeSite.MemberAsync(site);
        using var clerk = await AdminSession.LoginAsync(site, "clerk-crafted", "ProposalClerk");
        var id = await OfficeSite.FileAsync(clerk, "越级登记测试提案");

        // The page offers no 答复 form at 待审查; the POST is made by hand, with a PDF attached.
        var crafted = await clerk.PostFileAsync($"/admin/proposals/{id}?handler=Record", new() { ["Kind"] = "已答复", ["ReplyClass"] = "A", ["ReplyText"] = "越级答复" }, "pdf", SampleFiles.Pdf(), "答复.pdf", $"/admin/proposals/{id}");
        var html = await crafted.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, crafted.StatusCode);
        Assert.Contains("提案当前状态为“待审查”，不能记录“已答复”。答复须在交办之后。", html);
        Assert.Equal(1, await OfficeSite.EventCountAsync(site, id));
        Assert.Equal(ProposalStatus.Filed, (await OfficeSite.RecordOfAsync(site, id)).Status);
        Assert.Equal(0, await OfficeSite.DbAsync(site, db => db.Set<MediaAsset>().CountAsync()));

        var verdict = await OfficeSite.RecordAsync(clerk, id, new() { ["Kind"] = "评价", ["Verdict"] = "满意" });
        Assert.Equal(HttpStatusCode.BadRequest, verdict.StatusCode);
        Assert.Contains("评价须在答复之后", await verdict.Content.ReadAsStringAsync());

        var badDate = await OfficeSite.RecordAsync(clerk, id, new() { ["Kind"] = "立案", ["Date"] = "2025-02-30" });
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
        Assert.Contains("日期“2025-02-30”无效", await badDate.Content.ReadAsStringAsync());

        var unknown = await OfficeSite.RecordAsync(clerk, id, new() { ["Kind"] = "撤案" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("未知的办理环节“撤案”", await unknown.Content.ReadAsStringAsync());
        Assert.Equal(1, await OfficeSite.EventCountAsync(site, id));
    }

    [Fact]
    public async Task A_reply_file_that_is_not_a_pdf_is_refused_and_the_reply_is_not_recorded()
    {
        using var site = OfficeSite.Create();
        await OfficeSite.MemberAsync(site);
        using var clerk = await AdminSession.LoginAsync(site, "clerk-png", "ProposalClerk");
        var id = await OfficeSite.FileAsync(clerk, "答复文件类型测试提案");
        await Step(clerk, id, new() { ["Kind"] = "立案" }, "已立案");
        await Step(clerk, id, new() { ["Kind"] = "交办", ["Unit"] = "市民政局" }, "已交办");

        var response = await clerk.PostFileAsync($"/admin/proposals/{id}?handler=Record", new() { ["Kind"] = "已答复", ["ReplyClass"] = "A", ["ReplyText"] = "答复" }, "pdf", SampleFiles.Png(), "答复.pdf", $"/admin/proposals/{id}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("答复文件须为 PDF 格式", await response.Content.ReadAsStringAsync());
        Assert.Equal(ProposalStatus.Assigned, (await OfficeSite.RecordOfAsync(site, id)).Status);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task The_dashboard_filters_by_session_status_and_overdue_and_marks_overdue_days(Db db)
    {
        using var site = OfficeSite.Create(db);
        await OfficeSite.MemberAsync(site);
        using var clerk = await AdminSession.LoginAsync(site, "clerk-list", "ProposalClerk");
        var late = await OfficeSite.FileAsync(clerk, "超期未答复的提案", "2024-03-01");
        await OfficeSite.FileAsync(clerk, "刚提交的提案", "2025-03-01");
        await Step(clerk, late, new() { ["Kind"] = "立案", ["Date"] = "2024-03-05" }, "已立案");
        await Step(clerk, late, new() { ["Kind"] = "交办", ["Date"] = "2024-03-10", ["Unit"] = "市交通运输局" }, "已交办");

        var (status, all) = await clerk.GetAsync("/admin/proposals");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("共 2 件", all);
        Assert.DoesNotContain("class=\"errors\"", all);
        var days = ProposalDates.Today(TimeProvider.System).DayNumber - new DateOnly(2024, 6, 10).DayNumber;
        Assert.Contains($"已超期 {days} 天", all);

        var (_, overdue) = await clerk.GetAsync("/admin/proposals?overdue=true");
        Assert.Contains("超期未答复的提案", overdue);
        Assert.DoesNotContain("刚提交的提案", overdue);

        var (_, session) = await clerk.GetAsync("/admin/proposals?session=5-4&status=待审查");
        Assert.Contains("刚提交的提案", session);
        Assert.DoesNotContain("超期未答复的提案", session);

        var (_, unit) = await clerk.GetAsync("/admin/proposals?unit=市交通运输局");
        Assert.Contains("超期未答复的提案", unit);
        Assert.DoesNotContain("刚提交的提案", unit);

        var (badStatus, bad) = await clerk.GetAsync("/admin/proposals?session=abc&page=x");
        Assert.Equal(HttpStatusCode.OK, badStatus);
        Assert.Contains("届次“abc”格式不对", bad);
        Assert.Contains("页码“x”无效", bad);
    }

    [Fact]
    public async Task Filing_without_a_proposer_or_with_an_unknown_member_is_refused_in_chinese()
    {
        using var site = OfficeSite.Create();
        await OfficeSite.MemberAsync(site);
        using var clerk = await AdminSession.LoginAsync(site, "clerk-bad", "ProposalClerk");
        var filing = OfficeSite.Filing("缺少提案人的提案");
        filing["LeadMember"] = "不在委员库的人";
        filing["Supervisor"] = "";
        filing["FiledOn"] = "明天";

        var response = await clerk.PostAsync("/admin/proposals/new", filing, "/admin/proposals/new");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("委员库中没有“不在委员库的人”", html);
        Assert.Contains("重点提案须填写督办领导", html);
        Assert.Contains("提交日期“明天”无效", html);
        Assert.Equal(0, await OfficeSite.DbAsync(site, db => db.Set<ProposalRecord>().CountAsync()));
    }

    [Fact]
    public async Task An_editor_is_refused_the_office_pages_and_cannot_file_by_a_crafted_post()
    {
        using var site = OfficeSite.Create();
        await OfficeSite.MemberAsync(site);
        using var editor = await AdminSession.LoginAsync(site, "editor-no-office", "Editor");

        var (status, html) = await editor.GetAsync("/admin/proposals");
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("您的角色无权办理提案", html);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync("/admin/proposals/import")).Status);
        var (_, dashboard) = await editor.GetAsync("/admin");
        Assert.DoesNotContain("href=\"/admin/proposals\"", dashboard);

        var post = await editor.PostAsync("/admin/proposals/new", OfficeSite.Filing("编辑越权登记的提案"), "/admin");
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(0, await OfficeSite.DbAsync(site, db => db.Set<ProposalRecord>().CountAsync()));

        using var anonymous = AdminSession.NewClient(site);
        var signedOut = await anonymous.GetAsync("/admin/proposals");
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Contains("/admin/login", signedOut.Headers.Location!.ToString());

        using var clerk = await AdminSession.LoginAsync(site, "clerk-nav", "ProposalClerk");
        Assert.Contains("href=\"/admin/proposals\"", (await clerk.GetAsync("/admin")).Html);
    }

    private static async Task Step(AdminSession clerk, string id, Dictionary<string, string> fields, string status)
    {
        var response = await OfficeSite.RecordAsync(clerk, id, fields);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{fields["Kind"]}: {response.StatusCode} {ErrorsOf(await response.Content.ReadAsStringAsync())}");
        var (_, html) = await clerk.GetAsync($"/admin/proposals/{id}");
        Assert.Contains($"当前状态：{status}", html);
    }

    private static string ErrorsOf(string html) => Regex.Match(html, "<div class=\"errors\"[^>]*>(.*?)</div>", RegexOptions.Singleline).Groups[1].Value;

    [GeneratedRegex("href=\"(/media/[0-9A-Za-z]+)\"")]
    private static partial Regex PdfLink();
}
