using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using PublicitySite.Commands;
using PublicitySite.Workflow;

namespace PublicitySite.Web.Admin;

/// <summary>
/// Reads a page's <see cref="AdminPermissionAttribute"/>s (the page model's, then the handler's) and asks the
/// permission policies (<c>Auth/PermissionPolicies</c>, one per recipe permission, the API's too) whether the
/// request's user holds them.
/// </summary>
internal static class PageGate
{
    /// <summary>Why the user may not run this handler, or null when every gate admits them.</summary>
    public static async Task<string?> RefusalAsync(PageHandlerExecutingContext context, Actor actor)
    {
        var http = context.HttpContext;
        var authorization = http.RequestServices.GetRequiredService<IAuthorizationService>();
        foreach (var gate in GatesOf(context.HandlerInstance.GetType(), context.HandlerMethod?.MethodInfo))
        {
            if (!await AdmitsAsync(authorization, http, gate.AnyOf))
            {
                return gate.Reason
                    ?? http.RequestServices.GetRequiredService<CommandAccess>().Check(actor, gate.AnyOf[0])?.Detail
                    ?? FailureTexts.ForbiddenTitle;
            }
        }

        return null;
    }

    /// <summary>A handler declared to return JSON (a script polls it) is refused in JSON, not with a page.</summary>
    public static bool AnswersJson(MethodInfo? handler) =>
        handler?.ReturnType is { } type && (type == typeof(JsonResult) || type == typeof(Task<JsonResult>));

    private static IEnumerable<AdminPermissionAttribute> GatesOf(Type page, MethodInfo? handler)
    {
        if (page.GetCustomAttribute<AdminPermissionAttribute>(inherit: true) is { } whole)
        {
            yield return whole;
        }

        if (handler?.GetCustomAttribute<AdminPermissionAttribute>() is { } own)
        {
            yield return own;
        }
    }

    private static async Task<bool> AdmitsAsync(IAuthorizationService authorization, HttpContext http, IReadOnlyList<string> anyOf)
    {
        foreach (var permission in anyOf)
        {
            if ((await authorization.AuthorizeAsync(http.User, http, permission)).Succeeded)
            {
                return true;
            }
        }

        return false;
    }
}
