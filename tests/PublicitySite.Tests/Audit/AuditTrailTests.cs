using System.Reflection;
using PublicitySite.Audit;
using PublicitySite.Commands;
using PublicitySite.Tests.Infrastructure;
using PublicitySite.Tests.Workflow;
using PublicitySite.Users;

namespace PublicitySite.Tests.Audit;

public sealed class AuditTrailTests
{
    [Fact]
    public void An_audit_line_cannot_be_changed_once_written()
    {
        var settable = typeof(AuditEntry).GetProperties()
            .Where(p => p.SetMethod is { IsPublic: true } setter && !setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(System.Runtime.CompilerServices.IsExternalInit)))
            .Select(p => p.Name);
        Assert.Empty(settable);
        Assert.DoesNotContain(typeof(AuditLog).GetMethods(BindingFlags.Public | BindingFlags.Instance), m => m.Name.Contains("Delete", StringComparison.Ordinal) || m.Name.Contains("Update", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Role_changes_and_user_creation_are_recorded_with_who_did_them()
    {
        await using var host = await CoreHost.StartAsync(Db.Sqlite, configure: s => PublicitySite.Workflow.WorkflowServiceCollectionExtensions.AddWorkflowCore(s));
        var admin = await host.Services.UserAsync("audit-admin", "Administrator");
        await host.RunAsync<UserAdministration>(async u =>
        {
            Assert.True((await u.AddAsync(admin, "new-clerk", "Contributor", Editorial.Password, "新同事")).Succeeded);
            Assert.True((await u.ChangeRoleAsync(admin, "new-clerk", "Editor")).Succeeded);
        });
        var contributor = await host.Services.UserAsync("plain", "Contributor");
        var refused = await host.RunAsync<UserAdministration, Result<Done>>(u => u.ChangeRoleAsync(contributor, "new-clerk", "Administrator"));
        Assert.IsType<Failure.Forbidden>(refused.Failure);

        var (_, entries) = await host.RunAsync<AuditLog, (int, IReadOnlyList<AuditEntry>)>(a => a.QueryAsync(new AuditFilter { Target = "new-clerk" }));
        Assert.Equal([AuditActions.RoleChanged, AuditActions.UserCreated], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal("audit-admin", e.Actor));
        Assert.Contains("Contributor → Editor", entries[0].Detail);
    }
}
