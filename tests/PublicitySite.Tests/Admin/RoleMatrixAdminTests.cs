using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PublicitySite.Contents;
using PublicitySite.Tests.Infrastructure;
using PublicitySite.Tests.Workflow;
using PublicitySite.Workflow;

namespace PublicitySite.Tests.Admin;

/// <summary>The same role × action table as the API test, through the admin pages' forms: allowed redirects, refused is 403.</summary>
public sealed class RoleMatrixAdminTests
{
    [Fact]
    public async Task Every_role_gets_exactly_the_actions_the_recipe_grants_through_the_admin_pages()
    {
        using var site = new TestSite(seed: false);
        var mismatches = new List<string>();
        var cells = 0;
        foreach (var role in Editorial.Roles)
        {
            var name = "pm-" + role.ToLowerInvariant();
            using var session = await AdminSession.LoginAsync(site, name, role);
            if (role == "Member")
            {
                // A member's /admin is 委员之家 (a redirect): the form token comes from their own password page.
                await session.ReadTokenAsync("/admin/account/password");
            }

            var me = new Actor(name, role);
            foreach (var action in RoleMatrix.Actions)
            {
                var response = await PerformAsync(site, session, me, action);
                cells++;
                var allowed = response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK;
                if (allowed != RoleMatrix.Expect(role, action) || (!allowed && response.StatusCode != HttpStatusCode.Forbidden))
                {
                    mismatches.Add($"{role} {action}: {(int)response.StatusCode}");
                }
            }
        }

        Assert.Equal(Editorial.Roles.Length * RoleMatrix.Actions.Length, cells);
        Assert.Empty(mismatches);
    }

    private static async Task<HttpResponseMessage> PerformAsync(TestSite site, AdminSession session, Actor me, string action)
    {
        var services = site.Services;
        var tomorrow = DateTime.UtcNow.AddHours(8 + 24).ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        return action switch
        {
            "create" => await session.PostAsync("/admin/content/edit?handler=Save", Fields(("type", "News"), ("version", "0"))),
            "editOwn" => await session.PostAsync($"/admin/content/edit/{await OwnedByAsync(site, me)}?handler=Save", Fields(("version", "1"))),
            "editOther" => await session.PostAsync($"/admin/content/edit/{await services.DraftAsync(await services.UserAsync("w", "Contributor"))}?handler=Save", Fields(("version", "1"))),
            "submit" => await session.PostAsync($"/admin/content/edit/{await OwnedByAsync(site, me)}?handler=Submit", new() { ["version"] = "1", ["wordsChecked"] = "true" }),
            "approve初审" => await session.PostAsync($"/admin/content/review/{await services.AtStageAsync(0)}?handler=Approve", new() { ["version"] = "1" }),
            "approve复审" => await session.PostAsync($"/admin/content/review/{await services.AtStageAsync(1)}?handler=Approve", new() { ["version"] = "1" }),
            "approve签发" => await session.PostAsync($"/admin/content/review/{await services.AtStageAsync(2)}?handler=Approve", new() { ["version"] = "1" }),
            "approveOwn" => await session.PostAsync($"/admin/content/review/{await OwnAtStageAsync(site, me)}?handler=Approve", new() { ["version"] = "1" }),
            "reject" => await session.PostAsync($"/admin/content/review/{await services.AtStageAsync(0)}?handler=Reject", new() { ["version"] = "1", ["comment"] = "请补充会议时间" }),
            "publish" => await session.PostAsync($"/admin/content/edit/{await services.AtStageAsync(2)}?handler=Publish", new() { ["version"] = "1" }),
            "schedule" => await session.PostAsync($"/admin/content/review/{await services.AtStageAsync(2)}?handler=Approve", new() { ["version"] = "1", ["at"] = tomorrow }),
            "unpublish" => await session.PostAsync($"/admin/content/edit/{await services.AtStageAsync(3)}?handler=Unpublish", []),
            "restore" => await session.PostAsync($"/admin/content/history/{await TwoVersionsAsync(services)}?handler=Restore", new() { ["from"] = "1", ["expected"] = "2" }),
            _ => await session.PostAsync("/admin/users?handler=Add", new() { ["name"] = "new" + Guid.NewGuid().ToString("N")[..8], ["role"] = "Contributor", ["password"] = Editorial.Password }),
        };
    }

    private static Dictionary<string, string> Fields(params (string Key, string Value)[] extra)
    {
        var fields = new Dictionary<string, string> { ["f.Title"] = "页面矩阵稿件", ["f.Column"] = "工作动态", ["f.Markdown"] = "正文。", ["f.Source"] = "本网" };
        foreach (var (key, value) in extra)
        {
            fields[key] = value;
        }

        return fields;
    }

    private static async Task<string> TwoVersionsAsync(IServiceProvider services)
    {
        var writer = await services.UserAsync("w", "Contributor");
        var id = await services.DraftAsync(writer);
        Editorial.Ok(await services.WorkflowAsync(w => w.UpdateAsync(writer, id, 1, Editorial.News("第二稿"))));
        return id;
    }

    private static async Task<string> OwnedByAsync(TestSite site, Actor me)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ContentManager>().CreateAsync("News", Editorial.News("页面自有稿"), me.Name);
        return result.Value!.ContentItemId;
    }

    private static async Task<string> OwnAtStageAsync(TestSite site, Actor me)
    {
        var services = site.Services;
        var id = await OwnedByAsync(site, me);
        var admin = await services.UserAsync("matrix-admin", "Administrator");
        Editorial.Ok(await services.WorkflowAsync(w => w.SubmitAsync(admin, id, null, true)));
        Actor[] approvers = [await services.UserAsync("e1", "Editor"), await services.UserAsync("r1", "Reviewer")];
        for (var i = 0; i < RoleMatrix.OwnStage(me.Role); i++)
        {
            var approver = approvers[i];
            Editorial.Ok(await services.WorkflowAsync(w => w.ApproveAsync(approver, id, null, null)));
        }

        return id;
    }
}
