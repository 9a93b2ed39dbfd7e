using System.Net;
using System.Net.Http.Json;
using PublicitySite.Tests.Infrastructure;
using PublicitySite.Tests.Workflow;
using PublicitySite.Users;

namespace PublicitySite.Tests.Api;

public sealed class ContentWriteApiTests : IClassFixture<BlankSiteFixture>
{
    private readonly TestSite site;

    public ContentWriteApiTests(BlankSiteFixture fixture) => site = fixture.Site;

    [Fact]
    public async Task A_news_item_passes_three_reviews_and_reaches_the_public_api()
    {
        var writer = await site.ClientAsync("api-writer", "Contributor");
        var editor = await site.ClientAsync("api-editor", "Editor");
        var reviewer = await site.ClientAsync("api-reviewer", "Reviewer");
        var publisher = await site.ClientAsync("api-publisher", "Publisher");
        var anonymous = site.CreateClient();

        var created = await writer.PostAsJsonAsync("/api/content", Editorial.News("三审流程测试稿"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("\"1\"", created.Headers.ETag!.Tag);
        var id = (await created.JsonAsync())["id"]!.ToString();

        var submitted = await writer.PostAsJsonAsync($"/api/content/{id}/submit", new { });
        Assert.Equal("初审", (await submitted.JsonAsync())["stage"]!.ToString());
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/content/{id}")).StatusCode);

        Assert.Equal("复审", (await (await editor.PostAsJsonAsync($"/api/content/{id}/approve", new { })).JsonAsync())["stage"]!.ToString());
        Assert.Equal("终审签发", (await (await reviewer.PostAsJsonAsync($"/api/content/{id}/approve", new { })).JsonAsync())["stage"]!.ToString());
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/content/{id}")).StatusCode);

        var published = await publisher.PostAsJsonAsync($"/api/content/{id}/approve", new { });
        Assert.Equal("Published", (await published.JsonAsync())["status"]!.ToString());
        var read = await anonymous.GetAsync($"/api/content/{id}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("三审流程测试稿", (await read.JsonAsync())["title"]!.ToString());

        var versions = await (await editor.GetAsync($"/api/content/{id}/versions")).JsonAsync();
        var approvals = versions["items"]![0]!["approvals"]!.AsArray();
        Assert.Equal(["api-editor", "api-reviewer", "api-publisher"], approvals.Select(a => a!["by"]!.ToString()));
    }

    [Fact]
    public async Task Two_saves_from_the_same_version_give_the_second_a_conflict_and_lose_nothing()
    {
        var first = await site.ClientAsync("conflict-a", "Editor");
        var second = await site.ClientAsync("conflict-b", "Editor");
        var id = (await (await first.PostAsJsonAsync("/api/content", Editorial.News("并发测试"))).JsonAsync())["id"]!.ToString();

        using var a = new HttpRequestMessage(HttpMethod.Put, $"/api/content/{id}") { Content = JsonContent.Create(Editorial.News("甲的修改")) };
        a.Headers.IfMatch.Add(new("\"1\""));
        using var b = new HttpRequestMessage(HttpMethod.Put, $"/api/content/{id}") { Content = JsonContent.Create(Editorial.News("乙的修改")) };
        b.Headers.IfMatch.Add(new("\"1\""));
        var ra = await first.SendAsync(a);
        var rb = await second.SendAsync(b);

        Assert.Equal(HttpStatusCode.OK, ra.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, rb.StatusCode);
        var problem = await rb.JsonAsync();
        Assert.Equal(2, (int)problem["currentVersion"]!);
        Assert.Contains("第 2 版", problem["detail"]!.ToString());
        var versions = await (await first.GetAsync($"/api/content/{id}/versions")).JsonAsync();
        Assert.Equal(["甲的修改", "并发测试"], versions["items"]!.AsArray().Select(v => v!["title"]!.ToString()));
    }

    [Fact]
    public async Task Saving_without_If_Match_is_refused_with_428()
    {
        var client = await site.ClientAsync("no-etag", "Editor");
        var id = (await (await client.PostAsJsonAsync("/api/content", Editorial.News("无版本号"))).JsonAsync())["id"]!.ToString();
        var response = await client.PutAsJsonAsync($"/api/content/{id}", Editorial.News("改"));
        Assert.Equal(HttpStatusCode.PreconditionRequired, response.StatusCode);
        Assert.Contains("If-Match", (await response.JsonAsync())["detail"]!.ToString());
    }

    [Fact]
    public async Task Writes_without_a_token_get_401_problem_details_not_a_redirect()
    {
        var response = await site.CreateClient().PostAsJsonAsync("/api/content", Editorial.News("匿名"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("需要身份验证", (await response.JsonAsync())["title"]!.ToString());
    }

    [Fact]
    public async Task A_token_without_the_write_scope_cannot_write()
    {
        var client = await site.ClientAsync("read-only", "Editor", TokenScopes.ReadDrafts);
        var response = await client.PostAsJsonAsync("/api/content", Editorial.News("只读令牌"));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("write:content", (await response.JsonAsync())["detail"]!.ToString());
    }

    [Fact]
    public async Task Malformed_json_and_bad_times_are_400_with_a_chinese_reason()
    {
        var client = await site.ClientAsync("bad-input", "Publisher");
        var response = await client.PostAsync("/api/content", new StringContent("{\"type\":", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("JSON", (await response.JsonAsync())["detail"]!.ToString());

        var id = await site.Services.AtStageAsync(2);
        var badTime = await client.PostAsJsonAsync($"/api/content/{id}/publish", new { at = "明天" });
        Assert.Equal(HttpStatusCode.BadRequest, badTime.StatusCode);
        Assert.Contains("ISO 8601", (await badTime.JsonAsync())["detail"]!.ToString());
    }

    [Fact]
    public async Task A_rejection_needs_a_comment_and_the_author_sees_it()
    {
        var editor = await site.ClientAsync("rejecting-editor", "Editor");
        var id = await site.Services.AtStageAsync(0);
        var bare = await editor.PostAsJsonAsync($"/api/content/{id}/reject", new { });
        Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);
        Assert.Contains("退回意见", (await bare.JsonAsync())["detail"]!.ToString());

        var rejected = await editor.PostAsJsonAsync($"/api/content/{id}/reject", new { comment = "第二段人名有误，请核实" });
        Assert.Equal("Draft", (await rejected.JsonAsync())["status"]!.ToString());
        var writer = await site.ClientAsync("w", "Contributor");
        var versions = await (await writer.GetAsync($"/api/content/{id}/versions")).JsonAsync();
        Assert.Equal("第二段人名有误，请核实", versions["items"]![0]!["rejection"]!["comment"]!.ToString());
    }

    [Fact]
    public async Task Editing_a_version_in_review_withdraws_it_and_the_old_approval_is_refused()
    {
        var id = await site.Services.AtStageAsync(1);
        var editor = await site.ClientAsync("late-editor", "Editor");
        var reviewer = await site.ClientAsync("waiting-reviewer", "Reviewer");
        using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/content/{id}") { Content = JsonContent.Create(Editorial.News("审核中被修改")) };
        put.Headers.IfMatch.Add(new("\"1\""));
        Assert.Equal(HttpStatusCode.OK, (await editor.SendAsync(put)).StatusCode);

        var approve = await reviewer.PostAsJsonAsync($"/api/content/{id}/approve", new { version = 1 });
        Assert.Equal(HttpStatusCode.Conflict, approve.StatusCode);
        var versions = await (await reviewer.GetAsync($"/api/content/{id}/versions")).JsonAsync();
        Assert.Equal(["Draft", "Draft"], versions["items"]!.AsArray().Select(v => v!["status"]!.ToString()));
    }

    [Fact]
    public async Task Nobody_approves_text_they_edited_and_each_stage_needs_another_person()
    {
        var id = await site.Services.AtStageAsync(0);
        var admin = await site.ClientAsync("second-admin", "Administrator");
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/content/{id}/approve", new { })).StatusCode);
        var again = await admin.PostAsJsonAsync($"/api/content/{id}/approve", new { });
        Assert.Equal(HttpStatusCode.Forbidden, again.StatusCode);
        Assert.Contains("不同人员", (await again.JsonAsync())["detail"]!.ToString());

        var editorWrote = await site.Services.DraftAsync(await site.Services.UserAsync("self-editor", "Editor"));
        var self = await site.ClientAsync("self-editor", "Editor");
        Assert.Equal(HttpStatusCode.OK, (await self.PostAsJsonAsync($"/api/content/{editorWrote}/submit", new { })).StatusCode);
        var own = await self.PostAsJsonAsync($"/api/content/{editorWrote}/approve", new { });
        Assert.Equal(HttpStatusCode.Forbidden, own.StatusCode);
        Assert.Contains("自己撰写或修改", (await own.JsonAsync())["detail"]!.ToString());
    }

    [Fact]
    public async Task Blocking_terms_stop_a_submission_and_warning_terms_need_confirmation()
    {
        var writer = await site.ClientAsync("words-writer", "Contributor");
        var blocked = (await (await writer.PostAsJsonAsync("/api/content", Editorial.News("座谈会", "多位政协代表参加了座谈。"))).JsonAsync())["id"]!.ToString();
        var refused = await writer.PostAsJsonAsync($"/api/content/{blocked}/submit", new { wordsChecked = true });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var problem = await refused.JsonAsync();
        Assert.True((bool)problem["blocking"]!);
        Assert.Equal("政协委员", problem["hits"]![0]!["replacement"]!.ToString());
        Assert.Contains("【政协代表】", problem["hits"]![0]!["context"]!.ToString());

        var warned = (await (await writer.PostAsJsonAsync("/api/content", Editorial.News("调研", "会同原国土资源部门调研。"))).JsonAsync())["id"]!.ToString();
        var first = await writer.PostAsJsonAsync($"/api/content/{warned}/submit", new { });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, first.StatusCode);
        Assert.False((bool)(await first.JsonAsync())["blocking"]!);
        var confirmed = await writer.PostAsJsonAsync($"/api/content/{warned}/submit", new { wordsChecked = true });
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal("InReview", (await confirmed.JsonAsync())["status"]!.ToString());
    }
}
