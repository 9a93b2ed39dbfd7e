using Microsoft.EntityFrameworkCore;
using PublicitySite.Storage;
using PublicitySite.Webhooks;

namespace PublicitySite.Proposals;

/// <summary>
/// The <c>proposal.status</c> webhook: a recorded event that changes a proposal's status puts a delivery in the
/// outbox on the same context, so it commits with the event or not at all. Only proposals the public can see
/// are announced — published, and the proposer agreed to publication: a webhook is one more way out of the
/// office, like the public API.
/// </summary>
internal static class ProposalWebhooks
{
    public static async Task StageAsync(AppDbContext db, ProposalEvent recorded, ProposalStatus? before, ProposalStatus? after, DateTime now, CancellationToken cancellationToken)
    {
        if (before == after || after is not { } status)
        {
            return;
        }

        var record = await db.Set<ProposalRecord>().AsNoTracking().FirstOrDefaultAsync(r => r.ContentItemId == recorded.ContentItemId, cancellationToken);
        if (record is not { PublicConsent: true, Published: true })
        {
            return;
        }

        await WebhookService.EnqueueAsync(db, WebhookEvents.ProposalStatusChanged, new
        {
            @event = WebhookEvents.ProposalStatusChanged,
            id = recorded.ContentItemId,
            number = record.Number,
            title = record.Title,
            status = ProposalNames.Of(status),
            previousStatus = before is { } previous ? ProposalNames.Of(previous) : null,
            step = ProposalNames.Of(recorded.Kind),
            date = recorded.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            unit = recorded.Unit,
            url = record.Path is { } path ? "/" + path : null,
            api = $"/api/proposals/{recorded.ContentItemId}",
            occurredUtc = now,
        }, now, cancellationToken);
    }
}
