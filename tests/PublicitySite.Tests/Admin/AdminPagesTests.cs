using System.Net;
using PublicitySite.Commands;
using PublicitySite.Tests.Infrastructure;
using PublicitySite.Tests.Workflow;

namespace PublicitySite.Tests.Admin;

public sealed class AdminPagesTests : IClassFixture<SeededSiteFixture>
{
    private readonly TestSite site;

    public AdminPagesTests(SeededSiteFixture fixture) => site = fixture.Site;

    [Fact]
    public async Task The_dashboard_lists_items_waiting_at_my_stage_and_my_returned_drafts_with_the_comment()
    {
        var waiting = await site.Services.AtStageAsync(0, "待初审的稿件甲");
        var returned = await site.Services.AtStageAsync(0, "被退回的稿件乙");
        var editor = await site.Services.UserAsync("dash-editor", "Editor");
        Editorial.Ok(await site.Services.WorkflowAsync(w => w.RejectAsync(editor, returned, null, "数据需核实出处")));

        using var editorSession = await AdminSession.LoginAsync(site, "dash-editor", "Editor");
        var (_, editorHtml) = await editorSession.GetAsync("/admin");
        Assert.Contains("待初审的稿件甲", editorHtml);
        Assert.Contains($"/admin/content/review/{waiting}", editorHtml);

        using var writerSession = await AdminSession.LoginAsync(site, "w", "Contributor");
        var (_, writerHtml) = await writerSession.GetAsync("/admin");
        Assert.Contains("被退回的稿件乙", writerHtml);
        Assert.Contains("数据需核实出处", writerHtml);
        Assert.DoesNotContain("待初审的稿件甲</a></td>", writerHtml.Split("退回给我的稿件")[0]);
    }

    [Fact]
    public async Task The_content_list_filters_by_status_and_pages()
    {
        await site.Services.AtStageAsync(0, "列表筛选审核中");
        using var session = await AdminSession.LoginAsync(site, "list-editor", "Editor");
        var (status, html) = await session.GetAsync("/admin/content?status=InReview");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("列表筛选审核中", html);
        Assert.DoesNotContain("已发布</span>", html);

        var (_, all) = await session.GetAsync("/admin/content?type=News");
        Assert.Contains("下一页", all); // the seed holds more than one page of news
    }

    [Fact]
    public async Task Two_editors_saving_the_same_version_the_second_sees_both_texts_and_keeps_theirs()
    {
        var writer = await site.Services.UserAsync("w", "Contributor");
        var id = await site.Services.DraftAsync(writer, "冲突页面测试");
        using var a = await AdminSession.LoginAsync(site, "conflict-page-a", "Editor");
        using var b = await AdminSession.LoginAsync(site, "conflict-page-b", "Editor");
        var fields = (string body) => new Dictionary<string, string> { ["version"] = "1", ["f.Title"] = "冲突页面测试", ["f.Column"] = "工作动态", ["f.Markdown"] = body };

        Assert.Equal(HttpStatusCode.Redirect, (await a.PostAsync($"/admin/content/edit/{id}?handler=Save", fields("甲编辑写的正文"))).StatusCode);
        var second = await b.PostAsync($"/admin/content/edit/{id}?handler=Save", fields("乙编辑写的正文"));
        var html = await second.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("版本冲突", html);
        Assert.Contains("乙编辑写的正文", html);   // still in the form
        Assert.Contains("<del>甲</del>", html);    // the other version, in the diff
        Assert.Contains("name=\"version\" value=\"2\"", html);
    }

    [Fact]
    public async Task A_blocked_submission_shows_the_term_highlighted_with_its_replacement()
    {
        var writer = await site.Services.UserAsync("w", "Contributor");
        var created = await site.Services.WorkflowAsync(w => w.CreateAsync(writer, "News", Editorial.News("错敏词页面", "九三学会的委员发言。")));
        using var session = await AdminSession.LoginAsync(site, "w", "Contributor");
        var response = await session.PostAsync($"/admin/content/edit/{created.Value!.Version.ContentItemId}?handler=Submit", new() { ["version"] = "1", ["wordsChecked"] = "true" });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("<mark class=\"block\">九三学会</mark>", html);
        Assert.Contains("九三学社", html);
    }

    [Fact]
    public async Task History_shows_a_character_diff_and_who_approved()
    {
        var id = await site.Services.AtStageAsync(1, "历史页面测试");
        var editor = await site.Services.UserAsync("history-editor", "Editor");
        Editorial.Ok(await site.Services.WorkflowAsync(w => w.UpdateAsync(editor, id, 1, Editorial.News("历史页面测试", "正文内容已修订。"))));
        using var session = await AdminSession.LoginAsync(site, "history-reader", "Reviewer");
        var (status, html) = await session.GetAsync($"/admin/content/history/{id}?a=1&b=2");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<ins>已修订</ins>", html);
        Assert.Contains("初审通过（e1）", html);
    }

    [Fact]
    public async Task A_draft_saved_in_the_editor_opens_again_in_the_editor_with_its_fields()
    {
        using var session = await AdminSession.LoginAsync(site, "new-page-writer", "Contributor");
        var (newStatus, newHtml) = await session.GetAsync("/admin/content/edit?type=News");
        Assert.Equal(HttpStatusCode.OK, newStatus);
        Assert.Contains("name=\"f.Title\"", newHtml);
        Assert.Contains("formaction=\"/admin/content/edit?handler=Save", newHtml);

        var saved = await session.PostAsync("/admin/content/edit?handler=Save", new() { ["type"] = "News", ["version"] = "0", ["f.Title"] = "编辑器新建稿件", ["f.Column"] = "工作动态", ["f.Markdown"] = "正文" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var (status, html) = await session.GetAsync(saved.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("草稿已保存", html);
        Assert.Contains("value=\"编辑器新建稿件\"", html);
        Assert.Contains("提交审核", html);
    }

    [Fact]
    public async Task The_markdown_preview_is_rendered_and_sanitised_by_the_server()
    {
        using var session = await AdminSession.LoginAsync(site, "preview-editor", "Editor");
        var response = await session.PostAsync("/admin/content/edit?handler=Preview", new() { ["type"] = "News", ["f.Markdown"] = "**加粗**<script>alert(1)</script>" });
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<strong>加粗</strong>", html);
        Assert.DoesNotContain("<script>alert", html);
    }

    [Fact]
    public async Task The_audit_page_is_for_administrators_and_filters_by_action()
    {
        using var editor = await AdminSession.LoginAsync(site, "audit-editor", "Editor");
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync("/admin/audit")).Status);

        using var admin = await AdminSession.LoginAsync(site, "audit-admin", "Administrator");
        var (status, html) = await admin.GetAsync("/admin/audit?action=auth.login&actor=audit-admin");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("audit-admin", html);
        Assert.DoesNotContain("提交审核</td>", html);
    }

    [Fact]
    public async Task Every_audited_action_can_be_chosen_on_the_audit_page()
    {
        var actions = typeof(PublicitySite.Audit.AuditActions).GetFields()
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .Append(PublicitySite.SiteMigration.MigrationWriter.RunAction)
            .Append(PublicitySite.SiteMigration.MigrationWriter.PublishAction)
            .ToList();
        using var admin = await AdminSession.LoginAsync(site, "audit-options", "Administrator");

        var (status, html) = await admin.GetAsync("/admin/audit");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(actions.Count > 40);
        Assert.All(actions, action => Assert.Contains($"<option value=\"{action}\"", html, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Administrators_add_words_that_the_next_submission_checks()
    {
        using var admin = await AdminSession.LoginAsync(site, "words-admin", "Administrator");
        var saved = await admin.PostAsync("/admin/words", new() { ["term"] = "测试旧称", ["replacement"] = "测试新称", ["level"] = "Block", ["enabled"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var writer = await site.Services.UserAsync("w", "Contributor");
        var id = await site.Services.DraftAsync(writer, "含测试旧称的标题");
        var result = await site.Services.WorkflowAsync(w => w.SubmitAsync(writer, id, null, true));
        var refused = Assert.IsType<Failure.WordsFound>(result.Failure);
        Assert.Equal("测试新称", refused.Check.Hits.Single().Replacement);
    }
}
