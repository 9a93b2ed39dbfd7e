using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using PublicitySite.Contents;
using PublicitySite.Tests.Infrastructure;
using PublicitySite.Tests.Workflow;
using PublicitySite.Workflow;

namespace PublicitySite.Tests.Api;

/// <summary>Every role against every editorial action through the write API: allowed means 2xx, refused means 403.</summary>
public sealed class RoleMatrixApiTests
{
    [Fact]
    public async Task Every_role_gets_exactly_the_actions_the_recipe_grants_through_the_api()
    {
        using var site = new TestSite(seed: false);
        var services = site.Services;
        var mismatches = new List<string>();
        var cells = 0;
        foreach (var role in Editorial.Roles)
        {
            var name = "m-" + role.ToLowerInvariant();
            var me = await services.UserAsync(name, role);
            var client = await site.ClientAsync(name, role);
            foreach (var action in RoleMatrix.Actions)
            {
                var response = await PerformAsync(site, client, me, action);
                var allowed = response.IsSuccessStatusCode;
                cells++;
                if (allowed != RoleMatrix.Expect(role, action) || (!allowed && response.StatusCode != HttpStatusCode.Forbidden))
                {
                    mismatches.Add($"{role} {action}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }
            }
        }

        Assert.Equal(Editorial.Roles.Length * RoleMatrix.Actions.Length, cells);
        Assert.Empty(mismatches);
    }

    private static async Task<HttpResponseMessage> PerformAsync(TestSite site, HttpClient client, Actor me, string action)
    {
        var services = site.Services;
        switch (action)
        {
            case "create":
                return await client.PostAsJsonAsync("/api/content", Editorial.News("矩阵新建"));
            case "editOwn":
                return await PutAsync(client, await OwnedByAsync(site, me), 1);
            case "editOther":
                return await PutAsync(client, await services.DraftAsync(await services.UserAsync("w", "Contributor")), 1);
            case "submit":
                return await client.PostAsJsonAsync($"/api/content/{await OwnedByAsync(site, me)}/submit", new { wordsChecked = true });
            case "approve初审":
                return await client.PostAsJsonAsync($"/api/content/{await services.AtStageAsync(0)}/approve", new { });
            case "approve复审":
                return await client.PostAsJsonAsync($"/api/content/{await services.AtStageAsync(1)}/approve", new { });
            case "approve签发":
                return await client.PostAsJsonAsync($"/api/content/{await services.AtStageAsync(2)}/approve", new { });
            case "approveOwn":
                return await client.PostAsJsonAsync($"/api/content/{await OwnAtStageAsync(site, me)}/approve", new { });
            case "reject":
                return await client.PostAsJsonAsync($"/api/content/{await services.AtStageAsync(0)}/reject", new { comment = "请补充会议时间" });
            case "publish":
                return await client.PostAsJsonAsync($"/api/content/{await services.AtStageAsync(2)}/publish", new { });
            case "schedule":
                return await client.PostAsJsonAsync($"/api/content/{await services.AtStageAsync(2)}/publish", new { at = DateTimeOffset.UtcNow.AddDays(1) });
            case "unpublish":
                return await client.PostAsJsonAsync($"/api/content/{await services.AtStageAsync(3)}/unpublish", new { });
            case "restore":
                var id = await services.DraftAsync(await services.UserAsync("w", "Contributor"));
                var writer = await services.UserAsync("w", "Contributor");
                Editorial.Ok(await services.WorkflowAsync(w => w.UpdateAsync(writer, id, 1, Editorial.News("第二稿"))));
                return await client.PostAsJsonAsync($"/api/content/{id}/restore", new { from = 1 });
            default:
                return await client.PostAsJsonAsync("/api/users", new { name = "new-" + Guid.NewGuid().ToString("N")[..8], role = "Contributor", password = Editorial.Password });
        }
    }

    private static async Task<HttpResponseMessage> PutAsync(HttpClient client, string id, int version)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/content/{id}") { Content = JsonContent.Create(Editorial.News("矩阵修改")) };
        request.Headers.IfMatch.Add(new($"\"{version}\""));
        return await client.SendAsync(request);
    }

    /// <summary>A draft owned by <paramref name="me"/>, made without permission checks so roles that may not create still own one.</summary>
    private static async Task<string> OwnedByAsync(TestSite site, Actor me)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var content = scope.ServiceProvider.GetRequiredService<ContentManager>();
        var result = await content.CreateAsync("News", Editorial.News("矩阵自有稿"), me.Name);
        return result.Value!.ContentItemId;
    }

    /// <summary>An item <paramref name="me"/> wrote, waiting at the stage their role approves (初审 for roles without one).</summary>
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
