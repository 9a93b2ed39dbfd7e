using System.Globalization;
using Microsoft.Extensions.Options;
using PublicitySite.Audit;
using PublicitySite.Web.Admin;
using PublicitySite.Web.Admin.Notices;
using PublicitySite.Contents;
using PublicitySite.Contents.Definitions;

namespace PublicitySite.Web.Auth;

/// <summary>
/// Tells those who manage users when an account, or one address, failed to sign in many times in the last
/// 24 hours: sign-ins are never locked, so someone must hear of a guessing attack.
/// </summary>
internal sealed class SignInNotices(FailedSignIns failures, IOptions<LoginOptions> options, TimeProvider clock) : IAdminNoticeSource
{
    public async Task<IReadOnlyList<AdminNotice>> ReadAsync(AdminPage page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (!page.Can(Permissions.ManageUsers))
        {
            return [];
        }

        var (byAccount, byAddress) = await failures.SinceAsync(clock.GetUtcNow().UtcDateTime.AddHours(-24), cancellationToken);
        var notices = byAccount.Where(g => g.Count >= options.Value.NoticeAccountFailures).Select(g => new AdminNotice(
            $"账号「{g.Key}」24 小时内登录失败 {g.Count} 次（来自 {g.Spread} 个地址），最近一次在 {Local(g.LastUtc)}。如非本人所为，请提醒其使用强密码并开启两步验证。",
            "/admin/audit?action=" + AuditActions.LoginFailed + "&target=" + Uri.EscapeDataString(g.Key), "查看登录记录"));
        notices = notices.Concat(byAddress.Where(g => g.Count >= options.Value.NoticeAddressFailures).Select(g => new AdminNotice(
            $"地址 {g.Key} 24 小时内登录失败 {g.Count} 次，尝试了 {g.Spread} 个账号，最近一次在 {Local(g.LastUtc)}。可考虑在防火墙或管理后台地址白名单中阻止它。",
            "/admin/audit?action=" + AuditActions.LoginFailed, "查看登录记录")));
        return [.. notices.Take(10)];
    }

    private static string Local(DateTime utc) => SiteTime.ToLocal(utc).ToString("M月d日 HH:mm", CultureInfo.InvariantCulture);
}
