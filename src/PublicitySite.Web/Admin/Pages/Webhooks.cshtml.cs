using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using PublicitySite.Commands;
using PublicitySite.Contents.Definitions;
using PublicitySite.Webhooks;
using PublicitySite.Web.Webhooks;

namespace PublicitySite.Web.Admin.Pages;

/// <summary>
/// Webhooks for administrators (settings.manage): register (the signing secret is shown once), enable or
/// disable, delete, and each hook's delivery log from the outbox with 立即重试 for failed deliveries.
/// </summary>
[AdminPermission(Permissions.ManageSettings, Reason = WebhookAdministration.Refusal)]
public sealed class WebhooksModel(WebhookAdministration admin, WebhookService hooks, WebhookSignal signal) : AdminPage
{
    public IReadOnlyList<Webhook> Hooks { get; private set; } = [];

    /// <summary>The hook whose delivery log is shown (<c>/admin/webhooks/{id}</c>).</summary>
    public Webhook? Selected { get; private set; }

    public IReadOnlyList<WebhookDelivery> Deliveries { get; private set; } = [];

    /// <summary>Set only in the answer to a successful registration: shown once.</summary>
    public Webhook? Created { get; private set; }

    public async Task<IActionResult> OnGetAsync(long? id)
    {
        await LoadAsync(id);
        return id is not null && Selected is null ? NotFoundPage() : Page();
    }

    public async Task<IActionResult> OnPostAddAsync(string? url, string[]? events)
    {
        var added = await admin.AddAsync(Me, url, (events ?? []).Distinct().ToList());
        Created = added.Value;
        await LoadAsync(null);
        return added.Failure is { } failure ? Refused(failure) : Page();
    }

    public Task<IActionResult> OnPostActiveAsync(long id, bool active) =>
        RunAsync(() => admin.SetActiveAsync(Me, id, active), active ? $"Webhook #{id} 已启用" : $"Webhook #{id} 已停用", id);

    public Task<IActionResult> OnPostDeleteAsync(long id) =>
        RunAsync(() => admin.DeleteAsync(Me, id), $"Webhook #{id} 已删除", null);

    public Task<IActionResult> OnPostRetryAsync(long id, long delivery) =>
        RunAsync(async () =>
        {
            var result = await admin.RetryAsync(Me, id, delivery);
            if (result.Succeeded)
            {
                signal.Wake(); // sent now, not at the next poll
            }

            return result;
        }, $"投递 #{delivery} 已重新排队，马上发送", id);

    public static string Local(DateTime? utc) => utc is { } t ? PublicitySite.Contents.SiteTime.ToLocal(t).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : "—";

    public static string Events(Webhook hook) =>
        string.Join("、", hook.Events.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(e => WebhookAdministration.EventLabels.GetValueOrDefault(e, e)));

    public static (string Label, bool Failed) State(WebhookDelivery d) =>
        d.DeliveredUtc is not null ? ("已送达", false)
        : d.Abandoned ? ("已放弃", true)
        : d.LastError is not null ? ("等待重试", true)
        : ("排队中", false);

    private async Task<IActionResult> RunAsync(Func<Task<Result<Done>>> action, string done, long? back)
    {
        if ((await action()).Failure is { } failure)
        {
            await LoadAsync(back);
            return Refused(failure);
        }

        Flash = done;
        return Redirect(back is { } id ? $"/admin/webhooks/{id}" : "/admin/webhooks");
    }

    private IActionResult NotFoundPage()
    {
        Errors.Add(WebhookAdministration.MissingText);
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    private async Task LoadAsync(long? id)
    {
        Hooks = await hooks.ListAsync();
        Selected = id is { } wanted ? Hooks.FirstOrDefault(h => h.Id == wanted) : null;
        Deliveries = Selected is null ? [] : await hooks.DeliveriesAsync(Selected.Id, WebhookAdministration.LogSize);
    }
}
