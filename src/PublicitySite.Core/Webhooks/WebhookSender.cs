using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PublicitySite.Storage;

namespace PublicitySite.Webhooks;

/// <summary>
/// Sends due outbox rows: signed POSTs, retried with doubling back-off, abandoned after the last attempt.
/// The back-off is kept per hook as well: after a failure no delivery to that hook is tried until its wait is
/// over, and a hook that fails <see cref="WebhookOptions.PauseAfterFailures"/> times in a row is paused, its
/// deliveries kept for when an administrator enables it again. Each row is saved as soon as its attempt ends,
/// so a crash repeats at most the delivery in flight.
/// </summary>
public sealed partial class WebhookSender(AppDbContext db, HttpClient http, IOptions<WebhookOptions> options, TimeProvider clock, ILogger<WebhookSender> logger)
{
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Set<WebhookDelivery>()
            .Where(d => d.DeliveredUtc == null && !d.Abandoned && d.NextAttemptUtc <= now)
            .Where(d => !db.Set<Webhook>().Any(h => h.Id == d.WebhookId && (h.PausedUtc != null || h.RetryAfterUtc > now)))
            .OrderBy(d => d.Id).Take(50).ToListAsync(cancellationToken);
        var hooks = await db.Set<Webhook>().ToDictionaryAsync(h => h.Id, cancellationToken);
        var attempted = 0;
        foreach (var delivery in due)
        {
            if (!hooks.TryGetValue(delivery.WebhookId, out var hook) || (!hook.Active && hook.PausedUtc is null))
            {
                delivery.Abandoned = true;
                delivery.LastError = "webhook removed or disabled";
            }
            else if (hook.PausedUtc is not null || hook.RetryAfterUtc > clock.GetUtcNow().UtcDateTime)
            {
                continue; // the hook is resting: this delivery waits its turn, untouched
            }
            else
            {
                await AttemptAsync(hook, delivery, cancellationToken);
                attempted++;
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return attempted;
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
                hook.ConsecutiveFailures = 0;
                hook.RetryAfterUtc = null;
                return;
            }

            delivery.LastError = $"HTTP {(int)response.StatusCode}";
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            delivery.LastError = ex.Message.Length > 500 ? ex.Message[..500] : ex.Message;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        hook.ConsecutiveFailures++;
        hook.RetryAfterUtc = now + Doubling(settings.FirstRetry, hook.ConsecutiveFailures);
        if (hook.ConsecutiveFailures >= settings.PauseAfterFailures)
        {
            hook.PausedUtc = now;
            hook.PausedReason = delivery.LastError;
            hook.Active = false;
            LogPaused(hook.Id, hook.ConsecutiveFailures, delivery.LastError);
        }
        else
        {
            LogFailed(hook.Id, delivery.Id, delivery.LastError, hook.RetryAfterUtc.Value);
        }

        if (delivery.Attempts >= settings.MaxAttempts)
        {
            delivery.Abandoned = true;
            return;
        }

        delivery.NextAttemptUtc = now + Doubling(settings.FirstRetry, delivery.Attempts);
    }

    private static TimeSpan Doubling(TimeSpan first, int failures) =>
        TimeSpan.FromTicks(Math.Min(first.Ticks * (1L << Math.Min(failures - 1, 20)), TimeSpan.FromHours(1).Ticks));

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook {HookId} delivery {DeliveryId} failed ({Error}); the hook rests until {RetryAfterUtc:o}")]
    private partial void LogFailed(long hookId, long deliveryId, string? error, DateTime retryAfterUtc);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook {HookId} paused after {Failures} failures in a row ({Error}); an administrator enables it again at /admin/webhooks")]
    private partial void LogPaused(long hookId, int failures, string? error);
}
