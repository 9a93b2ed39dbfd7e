namespace PublicitySite.Web.Admin;

/// <summary>
/// The recipe permission an admin page needs (on the page model) or one of its handlers needs on top (on the
/// handler method); with several, holding any one of them admits. <see cref="AdminPage"/> checks it before any
/// handler runs, through the permission policies the API uses, so the page's handlers need no check of their own.
/// A refusal is a 403 with <see cref="Reason"/> in the page's error list (JSON <c>{ error }</c> for a handler
/// declared to return a <see cref="Microsoft.AspNetCore.Mvc.JsonResult"/>); without a reason, the words Core
/// uses when a command is refused for want of the permission.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = true)]
public sealed class AdminPermissionAttribute(params string[] anyOf) : Attribute
{
    public IReadOnlyList<string> AnyOf { get; } = anyOf;

    /// <summary>What the refused user reads, in the office's words (for example who handles the page instead).</summary>
    public string? Reason { get; set; }
}
