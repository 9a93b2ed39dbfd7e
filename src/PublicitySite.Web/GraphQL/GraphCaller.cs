using Microsoft.AspNetCore.Authentication;
using PublicitySite.Contents;
using PublicitySite.Contents.Definitions;
using PublicitySite.Users;
using PublicitySite.Web.Auth;
using PublicitySite.Workflow;

namespace PublicitySite.Web.GraphQL;

/// <summary>
/// Who sent a GraphQL request, asked only when a query wants drafts. The rules are the REST API's for
/// version histories: a live API token with the read:drafts scope, whose user's role (as it is now) may view
/// drafts of the item's type and column, or may edit the item.
/// </summary>
internal sealed class GraphCaller(HttpContext http)
{
    public const string Key = "caller";

    private Task<(Actor? Actor, string? Refusal)>? reader;

    /// <summary>Status of each draft-mode version served in this request, for the <c>status</c> field.</summary>
    public Dictionary<(string Id, int Version), ContentStatus> Statuses { get; } = [];

    public WorkflowPolicy Policy { get; } = new(http.RequestServices.GetRequiredService<SiteDefinitionStore>().Current);

    /// <summary>The acting user, or the reason drafts are refused; checked once per request.</summary>
    public Task<(Actor? Actor, string? Refusal)> DraftReaderAsync() => reader ??= CheckAsync();

    public bool MaySee(Actor actor, ContentItem item, string? column) =>
        Policy.Has(actor, Permissions.ViewDrafts, item.ContentType, column) || Policy.CanEdit(actor, item, column);

    /// <summary>Whether the role could see any draft of the type at all (a list for a role that cannot is refused, not empty).</summary>
    public bool MaySeeType(Actor actor, string type) =>
        Policy.Has(actor, Permissions.ViewDrafts, type, null)
        || Policy.Has(actor, Permissions.EditAnyContent, type, null)
        || Policy.Has(actor, Permissions.EditOwnContent, type, null);

    private async Task<(Actor?, string?)> CheckAsync()
    {
        // The endpoint is anonymous by default (the admin cookie is not a credential here): only a bearer token counts.
        var result = await http.AuthenticateAsync(AuthSchemes.Token);
        if (!result.Succeeded)
        {
            return (null, "查看草稿需要在 Authorization 头中提供有效的 API 令牌（Bearer，权限范围 read:drafts）");
        }

        if (!ActorAccessor.HasScope(result.Principal, TokenScopes.ReadDrafts))
        {
            return (null, "该令牌没有 read:drafts 权限范围，不能查看草稿");
        }

        http.User = result.Principal;
        var actor = await http.RequestServices.GetRequiredService<ActorAccessor>().GetAsync(http);
        return actor is null ? (null, UserTexts.AccountUnavailable) : (actor, null);
    }
}
