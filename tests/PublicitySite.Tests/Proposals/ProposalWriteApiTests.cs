using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using PublicitySite.Audit;
using PublicitySite.Tests.Admin;
using PublicitySite.Tests.Infrastructure;
using PublicitySite.Tests.Workflow;
using PublicitySite.Users;

namespace PublicitySite.Tests.Proposals;

/// <summary>
/// The office's write endpoints over HTTP, signed in the real ways: API tokens through the bearer scheme and the
/// admin session cookie, with the role read from the database and the recipe permission <c>proposals.record</c>.
/// </summary>
public sealed class ProposalWriteApiTests
{
    [Fact]
    public async Task Only_proposal_clerks_record_events_and_an_illegal_one_gets_a_chinese_400()
    {
        using var site = new TestSite(seed: true);
        using var anonymous = site.CreateClient();
        using var editor = await site.ClientAsync("editor-token", "Editor");
        using var clerk = await site.ClientAsync("clerk-token", "ProposalClerk", TokenScopes.RecordProposals);
        var id = await FirstAwaitingReviewAsync(anonymous);
        var accept = new { kind = "立案", note = "经审查予以立案。" };

        var nobody = await anonymous.PostAsJsonAsync($"/api/proposals/{id}/events", accept);
        var wrongRole = await editor.PostAsJsonAsync($"/api/proposals/{id}/events", accept);
        var illegal = await clerk.PostAsJsonAsync($"/api/proposals/{id}/events", new { kind = "已答复", replyClass = "A", replyText = "答复" });
        var badJson = await clerk.PostAsJsonAsync($"/api/proposals/{id}/events", new { kind = "延期", dueOn = "明年" });
        var ok = await clerk.PostAsJsonAsync($"/api/proposals/{id}/events", accept);

        Assert.Equal(HttpStatusCode.Unauthorized, nobody.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, wrongRole.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, illegal.StatusCode);
        Assert.Contains("答复须在交办之后", await illegal.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badJson.StatusCode);
        Assert.Contains("请求正文不是有效的 JSON", await badJson.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        var detail = await anonymous.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/proposals/{id}");
        Assert.Equal("已立案", detail.GetProperty("status").GetString());
        Assert.Equal("立案", detail.GetProperty("timeline").EnumerateArray().Last().GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_clerks_token_with_write_proposals_files_and_is_audited_but_without_the_scope_it_is_refused()
    {
        using var site = new TestSite(seed: true);
        using var clerk = await site.ClientAsync("clerk-filer", "ProposalClerk", TokenScopes.RecordProposals);
        using var readOnly = await site.ClientAsync("clerk-reader", "ProposalClerk", TokenScopes.ReadDrafts);
        var filing = new { title = "关于加强社区养老服务的提案", filedOn = "2024-01-08", proposerType = "sector", proposers = new[] { "经济界" } };

        var refused = await readOnly.PostAsJsonAsync("/api/proposals", filing);
        var filed = await clerk.PostAsJsonAsync("/api/proposals", filing);
        var queue = await clerk.GetAsync("/api/proposals/queue");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, queue.StatusCode);
        var id = (await filed.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetString();
        var entry = Assert.Single(await AuditAsync(site, "clerk-filer", AuditActions.ProposalFiled));
        Assert.Equal(id, entry.Target);
        Assert.Contains("关于加强社区养老服务的提案", entry.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_admin_session_cookie_records_events_like_a_token()
    {
        using var site = new TestSite(seed: true);
        using var admin = await AdminSession.LoginAsync(site, "cookie-admin", "Administrator");
        var id = await FirstAwaitingReviewAsync(admin.Client);

        var ok = await admin.Client.PostAsJsonAsync($"/api/proposals/{id}/events", new { kind = "立案" });

        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        var entry = Assert.Single(await AuditAsync(site, "cookie-admin", AuditActions.ProposalEvent));
        Assert.Equal(id, entry.Target);
        Assert.Contains("立案", entry.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_import_dry_run_over_http_reports_rows_and_a_refused_real_run_is_a_400()
    {
        using var site = new TestSite(seed: true);
        using var clerk = await site.ClientAsync("clerk-importer", "ProposalClerk", TokenScopes.RecordProposals);
        const string Csv = "编号,案由,提案者类别,提案者,提交日期\n第五届第二次会议第0012号,关于重号的提案,sector,经济界,2024-01-10\n";

        var dry = await clerk.PostAsync("/api/proposals/import?format=csv&dryRun=true", new StringContent(Csv, System.Text.Encoding.UTF8, "text/csv"));
        var real = await clerk.PostAsync("/api/proposals/import?format=csv&dryRun=false", new StringContent(Csv, System.Text.Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.OK, dry.StatusCode);
        Assert.Contains("已存在", await dry.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, real.StatusCode);
        var problem = await real.Content.ReadAsStringAsync();
        Assert.Contains("导入未执行", problem, StringComparison.Ordinal);
        Assert.Contains("\"rows\"", problem, StringComparison.Ordinal);
        Assert.Empty(await AuditAsync(site, "clerk-importer", AuditActions.ProposalImported));
    }

    private static async Task<string> FirstAwaitingReviewAsync(HttpClient client)
    {
        var list = await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/proposals?status=" + Uri.EscapeDataString("待审查"));
        return list.GetProperty("items")[0].GetProperty("id").GetString()!;
    }

    private static async Task<IReadOnlyList<AuditEntry>> AuditAsync(TestSite site, string actor, string action)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var (_, items) = await scope.ServiceProvider.GetRequiredService<AuditLog>().QueryAsync(new AuditFilter { Actor = actor, Action = action });
        return items;
    }
}
