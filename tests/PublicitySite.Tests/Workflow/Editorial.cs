using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PublicitySite.Commands;
using PublicitySite.Tests.Infrastructure;
using PublicitySite.Users;
using PublicitySite.Workflow;

namespace PublicitySite.Tests.Workflow;

/// <summary>People, tokens and news items for workflow tests, made through the real services.</summary>
internal static class Editorial
{
    public const string Password = "editor-password-1";

    /// <summary>The roles the role × action matrices run; Member (委员) holds none of the editorial actions.</summary>
    public static readonly string[] Roles = ["Administrator", "Publisher", "Reviewer", "Editor", "Contributor", "ProposalClerk", "HistoryEditor", "Member"];

    public static async Task<Actor> UserAsync(this IServiceProvider services, string name, string role)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserService>();
        if (await users.FindAsync(name) is null)
        {
            var (_, errors) = await users.AddAsync(name, role, Password);
            Assert.Empty(errors);
        }

        return new Actor(name, role);
    }

    /// <summary>A client that sends a fresh API token of <paramref name="name"/> (created with <paramref name="role"/> if new).</summary>
    public static async Task<HttpClient> ClientAsync(this TestSite site, string name, string role, params string[] scopes)
    {
        await site.Services.UserAsync(name, role);
        await using var scope = site.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserService>().FindAsync(name);
        var (_, secret) = await scope.ServiceProvider.GetRequiredService<TokenService>().CreateAsync(user!, "test", null, scopes.Length > 0 ? scopes : TokenScopes.All);
        var client = site.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    public static async Task<T> WorkflowAsync<T>(this IServiceProvider services, Func<WorkflowService, Task<T>> action)
    {
        await using var scope = services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<WorkflowService>());
    }

    public static JsonObject News(string title, string body = "正文内容。", string column = "工作动态") =>
        new() { ["type"] = "News", ["title"] = title, ["body"] = body, ["column"] = column, ["source"] = "本网" };

    /// <summary>A news draft written by <paramref name="author"/> through the workflow (permission checks included).</summary>
    public static async Task<string> DraftAsync(this IServiceProvider services, Actor author, string? title = null)
    {
        var result = await services.WorkflowAsync(w => w.CreateAsync(author, "News", News(title ?? "测试稿件" + Guid.NewGuid().ToString("N")[..6])));
        Assert.True(result.Succeeded, result.Failure?.Detail);
        return result.Value!.Version.ContentItemId;
    }

    /// <summary>
    /// A news item by contributor <c>w</c> that passed <paramref name="stagesPassed"/> stages (0 = waiting at 初审),
    /// approved by <c>e1</c>, <c>r1</c>, <c>p1</c> in turn; 3 means published.
    /// </summary>
    public static async Task<string> AtStageAsync(this IServiceProvider services, int stagesPassed, string? title = null)
    {
        var writer = await services.UserAsync("w", "Contributor");
        Actor[] approvers = [await services.UserAsync("e1", "Editor"), await services.UserAsync("r1", "Reviewer"), await services.UserAsync("p1", "Publisher")];
        var id = await services.DraftAsync(writer, title);
        Ok(await services.WorkflowAsync(w => w.SubmitAsync(writer, id, null, wordsChecked: true)));
        for (var i = 0; i < stagesPassed; i++)
        {
            var approver = approvers[i];
            Ok(await services.WorkflowAsync(w => w.ApproveAsync(approver, id, null, null)));
        }

        return id;
    }

    public static void Ok(Result<WorkflowChange> result) => Assert.True(result.Succeeded, result.Failure?.Detail);

    public static async Task<JsonObject> JsonAsync(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>())!;
}
