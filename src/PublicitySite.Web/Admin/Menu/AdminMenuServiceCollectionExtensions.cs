using PublicitySite.Contents.Definitions;

namespace PublicitySite.Web.Admin.Menu;

/// <summary>The editorial side's links: review, content of every type, 社情民意 handling, users and settings.</summary>
internal static class AdminMenuServiceCollectionExtensions
{
    public static IServiceCollection AddEditorialMenu(this IServiceCollection services) => services
        .AddAdminMenuEntry("审核", "我的待办", "/admin", _ => true)
        .AddAdminMenuEntry("审核", "待审稿件", "/admin/content?status=InReview", p => p.Can(Permissions.ReviewContent) || p.Can(Permissions.PublishContent), 1)
        .AddAdminMenuEntry("内容", "内容列表", "/admin/content", _ => true)
        .AddAdminMenuEntry("内容", "新建", "/admin/content/edit", p => p.Can(Permissions.CreateContent), 1)
        .AddAdminMenuEntry("内容", "导入Word", "/admin/content/import-word", p => p.Can(Permissions.CreateContent), 2)
        .AddAdminMenuEntry("内容", "专题", "/admin/content?type=Topic", p => Sees(p, "Topic"), 3)
        .AddAdminMenuEntry("委员", "委员资料", "/admin/content?type=Member", p => Sees(p, "Member"))
        .AddAdminMenuEntry("委员", "社情民意", "/admin/opinions", p => OfficeAccess.Opinions(p.Policy, p.Me), 1)
        .AddAdminMenuEntry("委员", "委员账户", "/admin/members/accounts", p => p.Can(Permissions.ManageUsers) || p.Can(Permissions.RecordProposals), 2)
        .AddAdminMenuEntry("文史", "文史辑", "/admin/content?type=LiteratureCollection", p => Sees(p, "LiteratureCollection"))
        .AddAdminMenuEntry("文史", "文史篇", "/admin/content?type=LiteratureArticle", p => Sees(p, "LiteratureArticle"), 1)
        .AddAdminMenuEntry("系统", "用户与角色", "/admin/users", p => p.Can(Permissions.ManageUsers))
        .AddAdminMenuEntry("系统", "错敏词", "/admin/words", p => p.Can(Permissions.ManageUsers), 1)
        .AddAdminMenuEntry("系统", "网站设置", "/admin/settings", p => p.Can(Permissions.ManageSettings), 2)
        .AddAdminMenuEntry("系统", "导航管理", "/admin/navigation", p => p.Can(Permissions.ManageSettings), 3)
        .AddAdminMenuEntry("系统", "审计日志", "/admin/audit", p => p.Can(Permissions.ViewAudit), 4)
        .AddAdminMenuEntry("系统", "API令牌", "/admin/tokens", _ => true, 5)
        .AddAdminMenuEntry("系统", "我的账户", "/admin/account", _ => true, 7);

    /// <summary>A type's list is in the menu for roles that write it or see its drafts, and only if the recipe has it.</summary>
    private static bool Sees(AdminPage page, string type) =>
        page.Policy.Site.FindType(type) is not null
        && (page.Policy.Has(page.Me, Permissions.CreateContent, type, null) || page.Policy.Has(page.Me, Permissions.ViewDrafts, type, null));
}
