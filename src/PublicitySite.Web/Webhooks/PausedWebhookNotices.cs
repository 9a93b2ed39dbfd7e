using PublicitySite.Web.Admin;
using PublicitySite.Web.Admin.Notices;
using PublicitySite.Webhooks;

namespace PublicitySite.Web.Webhooks;

/// <summary>A webhook paused after failing again and again: the front end it feeds has stopped hearing of changes.</summary>
internal sealed class PausedWebhookNotices(WebhookService hooks) : IAdminNoticeSource
{
    public async Task<IReadOnlyList<AdminNotice>> ReadAsync(AdminPage page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (!page.Can(Contents.Definitions.Permissions.ManageSettings))
        {
            return [];
        }

        return [.. (await hooks.ListAsync(cancellationToken)).Where(h => h.PausedUtc is not null).Select(h => new AdminNotice(
            $"Webhook #{h.Id}（{h.Url}）连续失败 {h.ConsecutiveFailures} 次，已暂停投递。修好接收方后请在 Webhook 页面恢复。",
            "/admin/webhooks/" + h.Id, "查看投递记录"))];
    }
}
