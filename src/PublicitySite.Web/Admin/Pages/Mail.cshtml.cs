using Microsoft.AspNetCore.Mvc;
using PublicitySite.Contents.Definitions;
using PublicitySite.Mail;

namespace PublicitySite.Web.Admin.Pages;

/// <summary>邮件通知: mails waiting or failed, with the error, and 重新发送.</summary>
[AdminPermission(Permissions.RecordProposals, Permissions.ManageUsers, Reason = MailOutbox.Refusal)]
public sealed class MailModel(MailOutbox outbox) : AdminPage
{
    public IReadOnlyList<OutboxMail> Unsent { get; private set; } = [];

    public bool Enabled => outbox.Enabled;

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostRetryAsync(long id, CancellationToken cancellationToken)
    {
        var result = await outbox.RetryAsync(Me, id, cancellationToken);
        if (result.Failure is { } failure)
        {
            await LoadAsync(cancellationToken);
            return Refused(failure);
        }

        Flash = $"已重新排队发送：{result.Value!.Subject}";
        return Redirect("/admin/mail");
    }

    private async Task LoadAsync(CancellationToken cancellationToken) => Unsent = await outbox.UnsentAsync(cancellationToken);

    public static string StateLabel(MailState state) => state switch
    {
        MailState.Failed => "发送失败",
        MailState.Sent => "已发送",
        _ => "待发送",
    };

    public static string Local(DateTime utc) =>
        PublicitySite.Contents.SiteTime.ToLocal(utc).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
}
