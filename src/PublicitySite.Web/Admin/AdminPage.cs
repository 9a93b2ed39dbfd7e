using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PublicitySite.Commands;
using PublicitySite.Contents.Definitions;
using PublicitySite.Web.Auth;
using PublicitySite.Workflow;

namespace PublicitySite.Web.Admin;

/// <summary>
/// Base of every signed-in admin page: resolves the acting user (role as it is now), refuses a locked or
/// deleted account, admits only roles holding the page's <see cref="AdminPermissionAttribute"/>, and marks the
/// answer private, uncacheable and not for indexing.
/// </summary>
public abstract class AdminPage : PageModel
{
    public Actor Me { get; private set; } = Actor.System;

    public WorkflowPolicy Policy { get; private set; } = new(SiteDefinition.Empty);

    [TempData]
    public string? Flash { get; set; }

    /// <summary>Errors of the last action, shown at the top of the page.</summary>
    public List<string> Errors { get; } = [];

    /// <summary>Set when the role may not use the page at all; the views then show only the refusal.</summary>
    public bool Denied { get; protected set; }

    public string RoleLabel => Policy.RoleLabel(Me.Role);

    public bool Can(string permission) => Policy.Has(Me, permission);

    /// <summary>A content type as the office calls it (新闻, not News).</summary>
    public string TypeLabel(string contentType) => Policy.Site.FindType(contentType)?.Label ?? contentType;

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        // The same values antiforgery sets on pages with forms, so it has nothing to override.
        http.Response.Headers.CacheControl = "no-cache, no-store";
        http.Response.Headers.Pragma = "no-cache";
        http.Response.Headers["X-Robots-Tag"] = "noindex, nofollow";
        http.Response.Headers["X-Frame-Options"] = "DENY";
        http.Response.Headers["X-Content-Type-Options"] = "nosniff";
        if (await http.RequestServices.GetRequiredService<ActorAccessor>().GetAsync(http) is not { } actor)
        {
            await http.RequestServices.GetRequiredService<LoginService>().SignOutAsync(http, null);
            context.Result = new RedirectResult("/admin/login");
            return;
        }

        Me = actor;
        Policy = new WorkflowPolicy(http.RequestServices.GetRequiredService<SiteDefinitionStore>().Current);
        if ((await PageGate.RefusalAsync(context, actor) ?? ScopeRefusal()) is { } reason)
        {
            Refuse(context, reason);
            return;
        }

        await next();
    }

    /// <summary>
    /// A refusal of the whole page that the permission alone cannot express (a role scoped to other content types,
    /// a workflow stage), asked after the page's permissions; null admits.
    /// </summary>
    protected virtual string? ScopeRefusal() => null;

    /// <summary>
    /// Answers a request the role may not make before its handler runs, so nothing is read or written for it:
    /// 403 with <paramref name="reason"/> on the page, or as JSON to a handler that answers JSON.
    /// </summary>
    protected void Refuse(PageHandlerExecutingContext context, string reason)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (PageGate.AnswersJson(context.HandlerMethod?.MethodInfo))
        {
            context.Result = new JsonResult(new { error = reason }) { StatusCode = StatusCodes.Status403Forbidden };
            return;
        }

        Denied = true;
        context.Result = Forbidden(reason);
    }

    /// <summary>
    /// The one mapping of a command's failure onto a page: each field's message into ModelState (under the
    /// field's name) and the error list at the top, with the status code the API would answer.
    /// </summary>
    protected IActionResult Refused(Failure failure, Func<IActionResult>? page = null)
    {
        ArgumentNullException.ThrowIfNull(failure);
        IReadOnlyList<FieldError> fields = failure is Failure.Invalid invalid ? invalid.Fields : [new FieldError("", failure.Detail)];
        foreach (var field in fields)
        {
            ModelState.AddModelError(field.Field, field.Message);
            Errors.Add(field.Message);
        }

        Response.StatusCode = Api.ResultProblems.StatusOf(failure);
        return page is null ? Page() : page();
    }

    protected IActionResult Forbidden(string reason)
    {
        Errors.Add(reason);
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Page();
    }
}
