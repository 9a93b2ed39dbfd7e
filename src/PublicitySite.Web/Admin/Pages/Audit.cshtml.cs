using Microsoft.AspNetCore.Mvc;
using PublicitySite.Audit;
using PublicitySite.Commands;
using PublicitySite.Contents;
using PublicitySite.Contents.Definitions;

namespace PublicitySite.Web.Admin.Pages;

/// <summary>The audit trail with filters, for roles holding audit.view. Read-only: there is no edit path.</summary>
[AdminPermission(Permissions.ViewAudit, Reason = "您的角色无权查看审计日志")]
public sealed class AuditModel(AuditLog audit) : AdminPage
{
    public const int PageSize = 50;

    public static readonly IReadOnlyList<(string Key, string Label)> Actions =
    [
        (AuditActions.Created, "新建"), (AuditActions.Saved, "保存"), (AuditActions.Submitted, "提交审核"), (AuditActions.Approved, "审核通过"),
        (AuditActions.Rejected, "退回"), (AuditActions.Published, "发布"), (AuditActions.Scheduled, "定时发布"), (AuditActions.Unpublished, "撤下"),
        (AuditActions.UnpublishScheduled, "定时撤下"), (AuditActions.Restored, "恢复版本"), (AuditActions.Denied, "越权被拒"),
        (AuditActions.Login, "登录"), (AuditActions.LoginFailed, "登录失败"), (AuditActions.Logout, "退出"), (AuditActions.UserCreated, "新增用户"),
        (AuditActions.RoleChanged, "修改角色"), (AuditActions.PasswordSet, "重设密码"), (AuditActions.TwoFactorEnabled, "启用两步验证"), (AuditActions.TwoFactorReset, "重置两步验证"), (AuditActions.UserDisabled, "停用账号"), (AuditActions.UserEnabled, "启用账号"), (AuditActions.SettingChanged, "修改设置"), (AuditActions.WordsChanged, "修改错敏词"),
        (AuditActions.PreviewLinkCreated, "生成预览链接"), (AuditActions.PreviewLinkRevoked, "撤销预览链接"),
        (AuditActions.ProposalFiled, "登记提案"), (AuditActions.ProposalEvent, "登记办理环节"), (AuditActions.ProposalImported, "批量导入提案"), (AuditActions.ProposalPublished, "发布提案"), (AuditActions.ProposalDirectory, "导入提案名录"), (AuditActions.MemberAccountLinked, "开通委员账户"), (AuditActions.PortalDraftSaved, "委员保存提案草稿"), (AuditActions.PortalCosign, "委员联名"), (AuditActions.PortalSubmitted, "委员提交提案"), (AuditActions.PortalEvaluated, "委员评价答复"), (AuditActions.PortalAttachment, "委员提案附件"), (AuditActions.OpinionReported, "委员报送社情民意"), (AuditActions.OpinionAdoption, "标记社情民意采用"), (AuditActions.MeetingRecorded, "登记会议活动"),
        (AuditActions.PortalConsent, "委员撤回同意公开"), (AuditActions.MailRetried, "重发邮件"),
        (AuditActions.SearchReindex, "重建搜索索引"), (AuditActions.SynonymsChanged, "修改同义词"), (AuditActions.Curated, "头条、置顶与推荐"),
        (AuditActions.MenuChanged, "修改导航"), (AuditActions.BackupRestored, "恢复备份"),
        (PublicitySite.SiteMigration.MigrationWriter.RunAction, "网站迁移"), (PublicitySite.SiteMigration.MigrationWriter.PublishAction, "迁移内容直接发布"),
        (AuditActions.TokenCreated, "创建 API 令牌"), (AuditActions.TokenRevoked, "撤销 API 令牌"),
        (AuditActions.WebhookCreated, "登记 Webhook"), (AuditActions.WebhookChanged, "启用/停用 Webhook"),
        (AuditActions.WebhookDeleted, "删除 Webhook"), (AuditActions.WebhookRetried, "重试 Webhook 投递"),
    ];

    [BindProperty(SupportsGet = true)] public string? Actor { get; set; }

    [BindProperty(SupportsGet = true)] public string? Action { get; set; }

    [BindProperty(SupportsGet = true)] public string? Target { get; set; }

    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }

    /// <summary>Read by <see cref="AdminPaging"/>, never bound: "page" is Razor Pages' own route value.</summary>
    public int PageNumber { get; private set; } = 1;

    public int PageCount => AdminPaging.PageCount(Total, PageSize);

    public int Total { get; private set; }

    public IReadOnlyList<AuditEntry> Items { get; private set; } = [];

    public static string Label(string action) => Actions.FirstOrDefault(a => a.Key == action).Label ?? action;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            Errors.Add(FailureTexts.BadFilterIgnored);
        }

        var requested = AdminPaging.Requested(Request, Errors);
        (PageNumber, (Total, Items)) = await AdminPaging.LoadAsync(requested, PageSize, page => audit.QueryAsync(new AuditFilter
        {
            Actor = Actor?.Trim(),
            Action = Action,
            Target = Target?.Trim(),
            FromUtc = From is { } f ? Utc(f) : null,
            ToUtc = To is { } t ? Utc(t.AddDays(1)) : null,
            Page = page,
            PageSize = PageSize,
        }, cancellationToken), r => r.Total, Errors);
        return Page();
    }

    public string PageUrl(int page) => AdminPaging.Url(Request, "/admin/audit", page);

    private static DateTime Utc(DateOnly day) => new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), SiteTime.Zone.BaseUtcOffset).UtcDateTime;
}
