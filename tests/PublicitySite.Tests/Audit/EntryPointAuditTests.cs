using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using PublicitySite.Audit;
using PublicitySite.Tests.Admin;
using PublicitySite.Tests.Infrastructure;
using PublicitySite.Tests.Workflow;
using PublicitySite.Users;
using PublicitySite.Webhooks;

namespace PublicitySite.Tests.Audit;

/// <summary>
/// One action, every way in: the admin page, the API with a real token and the command line run as a process
/// all reach the same service, so each leaves the same audit line, differing only in who acted.
/// </summary>
public sealed class EntryPointAuditTests
{
    [Fact]
    public async Task Adding_a_user_writes_the_same_audit_line_from_the_admin_the_api_and_the_command_line()
    {
        using var site = new TestSite(seed: false);
        using var session = await AdminSession.LoginAsync(site, "entry-admin", "Administrator");
        using var api = AdminSession.NewClient(site);
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(site, "entry-admin"));

        var page = await session.PostAsync("/admin/users?handler=Add", new() { ["name"] = "via-admin", ["role"] = "Editor", ["password"] = Editorial.Password }, "/admin/users");
        var posted = await api.PostAsJsonAsync("/api/users", new { name = "via-api", role = "Editor", password = Editorial.Password });
        var command = await SiteProcess.RunAsync(site.DataDir, "user", "add", "via-cli", "--role", "Editor", "--password", Editorial.Password);

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        Assert.True(command.ExitCode == 0, command.Error);
        var lines = await LinesAsync(site, AuditActions.UserCreated);
        Assert.Equal(
            [("entry-admin", "via-admin", "角色 Editor"), ("entry-admin", "via-api", "角色 Editor"), ("命令行", "via-cli", "角色 Editor")],
            lines.Select(e => (e.Actor, e.Target, e.Detail)).OrderBy(l => l.Target, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Registering_a_webhook_writes_the_same_audit_line_from_the_admin_and_the_command_line()
    {
        using var site = new TestSite(seed: false);
        using var session = await AdminSession.LoginAsync(site, "hook-admin", "Administrator");

        var page = await session.PostAsync("/admin/webhooks?handler=Add", new() { ["url"] = "https://example.org/from-admin", ["events"] = WebhookEvents.Published }, "/admin/webhooks");
        var command = await SiteProcess.RunAsync(site.DataDir, "webhook", "add", "https://example.org/from-cli", "--event", WebhookEvents.Published);

        Assert.True(page.IsSuccessStatusCode || page.StatusCode == HttpStatusCode.Redirect, page.StatusCode.ToString());
        Assert.True(command.ExitCode == 0, command.Error);
        var lines = (await LinesAsync(site, AuditActions.WebhookCreated)).OrderBy(e => e.Detail, StringComparer.Ordinal).ToList();
        Assert.Equal(
            [("hook-admin", $"https://example.org/from-admin（{WebhookEvents.Published}）"), ("命令行", $"https://example.org/from-cli（{WebhookEvents.Published}）")],
            lines.Select(e => (e.Actor, e.Detail)));
        Assert.All(lines, e => Assert.StartsWith("webhook:", e.Target, StringComparison.Ordinal));
    }

    private static async Task<string> TokenAsync(TestSite site, string user)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var owner = await scope.ServiceProvider.GetRequiredService<UserService>().FindAsync(user);
        var (_, secret) = await scope.ServiceProvider.GetRequiredService<TokenService>().CreateAsync(owner!, "entry", 1, [TokenScopes.Manage]);
        return secret;
    }

    private static async Task<IReadOnlyList<AuditEntry>> LinesAsync(TestSite site, string action)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var (_, items) = await scope.ServiceProvider.GetRequiredService<AuditLog>().QueryAsync(new AuditFilter { Action = action });
        return items;
    }
}
