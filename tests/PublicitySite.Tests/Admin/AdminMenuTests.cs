using AngleSharp.Html.Parser;
using PublicitySite.Tests.Infrastructure;

namespace PublicitySite.Tests.Admin;

/// <summary>The admin menu, built from what each feature registers and what the role may use.</summary>
public sealed class AdminMenuTests
{
    [Fact]
    public async Task An_administrator_sees_the_groups_in_menu_order_with_every_page()
    {
        using var site = new TestSite(seed: false);
        using var admin = await AdminSession.LoginAsync(site, "menu-admin", "Administrator");
        var nav = await MenuAsync(admin);

        Assert.Equal(["内容", "审核", "提案", "委员", "文史", "媒体库", "系统"], TopLevel(nav)); // a group of one shows its link
        Assert.Equal(["用户与角色", "错敏词", "网站设置", "搜索管理", "导航管理", "审计日志", "API令牌", "Webhook", "邮件通知", "网站迁移", "我的账户"], Group(nav, "系统"));
        Assert.Contains("委员账户", Group(nav, "委员"));
        Assert.Equal(["内容列表", "新建", "导入Word", "专题"], Group(nav, "内容"));
        Assert.Equal("/admin/proposals", nav.QuerySelector("a[href='/admin/proposals']")!.GetAttribute("href"));
    }

    [Fact]
    public async Task A_contributor_sees_only_what_the_role_may_use()
    {
        using var site = new TestSite(seed: false);
        using var contributor = await AdminSession.LoginAsync(site, "menu-contributor", "Contributor");
        var nav = await MenuAsync(contributor);

        var links = nav.QuerySelectorAll("a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Contains("导入Word", links);
        Assert.Contains("API令牌", links);
        Assert.Contains("我的账户", links);
        Assert.DoesNotContain("用户与角色", links);
        Assert.DoesNotContain("提案办理", links);
        Assert.DoesNotContain("待审稿件", links);
        Assert.DoesNotContain("Webhook", links);
        Assert.DoesNotContain("邮件通知", links);
        Assert.DoesNotContain("委员账户", links);
    }

    [Fact]
    public async Task The_group_of_the_page_one_is_on_is_marked()
    {
        using var site = new TestSite(seed: false);
        using var admin = await AdminSession.LoginAsync(site, "menu-current", "Administrator");
        var (_, html) = await admin.GetAsync("/admin/users");
        var current = new HtmlParser().ParseDocument(html).QuerySelector("nav[aria-label='管理菜单'] details.current > summary");
        Assert.Equal("系统", current?.TextContent.Trim());
    }

    private static async Task<AngleSharp.Dom.IElement> MenuAsync(AdminSession session)
    {
        var (_, html) = await session.GetAsync("/admin");
        return new HtmlParser().ParseDocument(html).QuerySelector("nav[aria-label='管理菜单']")!;
    }

    /// <summary>Each group's name, or the link itself for a group of one.</summary>
    private static List<string> TopLevel(AngleSharp.Dom.IElement nav) =>
        [.. nav.Children.Select(c => c.LocalName == "details" ? c.QuerySelector("summary")!.TextContent.Trim() : c.TextContent.Trim())];

    private static List<string> Group(AngleSharp.Dom.IElement nav, string name) =>
        [.. nav.QuerySelectorAll("details").First(d => d.QuerySelector("summary")!.TextContent.Trim() == name).QuerySelectorAll("li a").Select(a => a.TextContent.Trim())];
}
