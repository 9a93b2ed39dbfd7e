using System.Net;
using System.Net.Http.Json;
using PublicitySite.Tests.Infrastructure;
using PublicitySite.Tests.Workflow;
using PublicitySite.Users;

namespace PublicitySite.Tests.Api;

/// <summary>/api/users is guarded by the users.manage permission policy: the role must hold it and a token must carry manage.</summary>
public sealed class UserWriteApiTests : IClassFixture<BlankSiteFixture>
{
    private readonly TestSite site;

    public UserWriteApiTests(BlankSiteFixture fixture) => site = fixture.Site;

    [Fact]
    public async Task An_administrators_token_without_the_manage_scope_cannot_add_users()
    {
        var client = await site.ClientAsync("users-write-only", "Administrator", TokenScopes.WriteContent);
        var response = await client.PostAsJsonAsync("/api/users", new { name = "not-added", role = "Contributor", password = Editorial.Password });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("无权操作", (await response.JsonAsync())["title"]!.ToString());
    }

    [Fact]
    public async Task An_administrators_manage_token_adds_a_user_and_changes_its_role()
    {
        var client = await site.ClientAsync("users-manager", "Administrator", TokenScopes.Manage);
        var created = await client.PostAsJsonAsync("/api/users", new { name = "added-by-api", role = "Contributor", password = Editorial.Password });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var changed = await client.PutAsJsonAsync("/api/users/added-by-api/role", new { role = "Editor" });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal("Editor", (await changed.JsonAsync())["role"]!.ToString());
    }

    [Fact]
    public async Task An_editor_cannot_add_users_whatever_its_token_says()
    {
        var client = await site.ClientAsync("users-editor", "Editor");
        var response = await client.PostAsJsonAsync("/api/users", new { name = "not-added-either", role = "Contributor", password = Editorial.Password });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
