using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PublicitySite.Storage;

namespace PublicitySite.Webhooks;

/// <summary>
/// Sends due outbox rows: signed POSTs, retried with doubling back-off, abandoned after the last attempt.
/// Each row is saved as soon as its attempt ends, so a crash repeats at most the delivery in flight.
/// </summary>
public sealed class WebhookSender(AppDbContext db, HttpClient http, IOptions<WebhookOptions> options, TimeProvider clock)
{
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Set<WebhookDelivery>()
            .Where(d => d.DeliveredUtc == null && !d.Abandoned && d.NextAttemptUtc <= now)
            .OrderBy(d => d.Id).Take(50).ToListAsync(cancellationToken);
        var hooks = await db.Set<Webhook>().AsNoTracking().ToDictionaryAsync(h => h.Id, cancellationToken);
        foreach (var delivery in due)
        {
            if (!hooks.TryGetValue(delivery.WebhookId, out var hook) || !hook.Active)
            {
                delivery.Abandoned = true;
                delivery.LastError = "webhook removed or disabled";
            }
            else
            {
                await AttemptAsync(hook, delivery, cancellationToken);
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return due.Count;
    }

    private async Task AttemptAsync(Webhook hook, WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, hook.Url)
        {
            Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Publicity-Event", delivery.Event);
        request.Headers.Add("X-Publicity-Delivery", delivery.Id.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.Header, WebhookSignature.Create(hook.Secret, timestamp, delivery.Payload));
        delivery.Attempts++;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(settings.Timeout);
            using var response = await http.SendAsync(request, timeout.Token);
            delivery.LastStatus = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                delivery.DeliveredUtc = clock.GetUtcNow().UtcDateTime;
                delivery.LastError = null;
                return;
            }

            delivery.LastError = $"HTTP {(int)response.StatusCode}";
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            delivery.LastError = ex.Message.Length > 500 ? ex.Message[..500] : ex.Message;
        }

        if (delivery.Attempts >= settings.MaxAttempts)
        {
            delivery.Abandoned = true;
            return;
        }

        var wait = TimeSpan.FromTicks(Math.Min(settings.FirstRetry.Ticks * (1L << Math.Min(delivery.Attempts - 1, 20)), TimeSpan.FromHours(1).Ticks));
        delivery.NextAttemptUtc = clock.GetUtcNow().UtcDateTime + wait;
    }
}
