using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublicitySite.Audit;
using PublicitySite.Commands;
using PublicitySite.Navigation;
using PublicitySite.Storage;
using PublicitySite.Tests.Admin;
using PublicitySite.Tests.Infrastructure;
using PublicitySite.Workflow;

namespace PublicitySite.Tests.Navigation;

/// <summary>The menus seeded from the recipe, changed only by administrators through the service, and the 即将离开本站 page.</summary>
public sealed class NavigationTests : IDisposable
{
    private static readonly Actor Admin = new("admin", Actor.AdministratorRole);
    private readonly TestSite site = new(seed: false);

    public void Dispose() => site.Dispose();

    [Fact]
    public async Task The_recipe_seeds_the_main_menu_the_footer_and_grouped_friend_links()
    {
        using var client = site.CreateClient();
        var home = await client.GetStringAsync("/");
        var nav = Between(home, "id=\"site-nav\"", "</nav>");
        Assert.True(nav.IndexOf("政协要闻", StringComparison.Ordinal) < nav.IndexOf("文史资料", StringComparison.Ordinal));
        Assert.Contains("href=\"/column/dongtai\"", nav);
        var friends = Between(home, "class=\"friend-links\"", "</nav>");
        foreach (var group in new[] { "全国政协", "省政协", "市县政协", "政府网站" })
        {
            Assert.Contains($"<h3>{group}</h3>", friends);
        }

        Assert.Contains("href=\"/leave?to=https%3A%2F%2Fwww.gov.cn%2F\"", friends);
        Assert.Contains("href=\"/pages/lianxi-women\"", Between(home, "class=\"footer-links\"", "</ul>"));
    }

    [Fact]
    public async Task An_administrator_reorders_the_menu_and_the_cached_home_page_follows_at_once()
    {
        using var client = site.CreateClient();
        Assert.Contains("政协要闻", await client.GetStringAsync("/")); // now in the page cache
        var main = (await GetAsync()).Main!.ToList();
        var moved = main.Single(l => l.Target == "tupian");
        main.Remove(moved);
        main.Insert(0, moved);
        main.Add(new NavigationLink { Label = "两会专题", Kind = NavigationKinds.Topic, Target = "/zhuanti/lianghui" });
        var result = await UpdateAsync(Admin, SiteNavigation.MainMenu, main);
        Assert.True(result.Succeeded, result.Failure?.Detail);

        var nav = Between(await client.GetStringAsync("/"), "id=\"site-nav\"", "</nav>");
        Assert.True(nav.IndexOf("图片新闻", StringComparison.Ordinal) < nav.IndexOf("政协要闻", StringComparison.Ordinal), nav);
        Assert.Contains("href=\"/zhuanti/lianghui\"", nav);

        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var line = await db.Set<AuditEntry>().Where(a => a.Action == AuditActions.MenuChanged).OrderByDescending(a => a.Id).FirstAsync();
        Assert.Equal("admin", line.Actor);
        Assert.StartsWith("主菜单：图片新闻、政协要闻", line.Detail);
        Assert.NotNull(await db.Documents.FirstOrDefaultAsync(d => d.Key == NavigationService.DocumentKey));
    }

    [Fact]
    public async Task Roles_without_the_settings_permission_are_refused_and_nothing_changes()
    {
        var before = await GetAsync();
        var result = await UpdateAsync(new Actor("editor1", "Editor"), SiteNavigation.FooterMenu, []);
        Assert.Contains("仅管理员", Assert.IsType<Failure.Forbidden>(result.Failure).Detail);
        Assert.Equal(before.Footer!.Count, (await GetAsync()).Footer!.Count);
    }

    [Fact]
    public async Task Bad_entries_are_refused_with_a_chinese_message_for_each()
    {
        var result = await UpdateAsync(Admin, SiteNavigation.FriendsMenu,
        [
            new NavigationLink { Label = "", Kind = NavigationKinds.Url, Target = "https://www.gov.cn/", Group = "政府网站" },
            new NavigationLink { Label = "外链", Kind = NavigationKinds.Url, Target = "javascript:alert(1)", Group = "政府网站" },
            new NavigationLink { Label = "无分组", Kind = NavigationKinds.Url, Target = "https://www.gov.cn/" },
            new NavigationLink { Label = "栏目", Kind = NavigationKinds.Column, Target = "nosuchcolumn", Group = "本站" },
            new NavigationLink { Label = "页面", Kind = NavigationKinds.Page, Target = "//evil.example/", Group = "本站" },
        ]);
        var errors = Assert.IsType<Failure.Invalid>(result.Failure).Fields.Select(f => f.Message).ToList();
        Assert.Contains(errors, e => e.StartsWith("第1项：请填写名称", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("外部网址须以 http:// 或 https:// 开头", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("友情链接须选择分组", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("栏目“nosuchcolumn”不存在", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("本站地址须以 / 开头", StringComparison.Ordinal));
        Assert.Equal(6, (await GetAsync()).Friends!.Count);
    }

    [Fact]
    public async Task An_editor_gets_a_chinese_refusal_on_the_admin_page()
    {
        using var editor = await AdminSession.LoginAsync(site, "nav-editor", "Editor");
        var (status, html) = await editor.GetAsync("/admin/navigation");
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("无权修改网站导航", html);
    }

    [Fact]
    public async Task The_leave_page_names_an_outside_menu_address_and_refuses_any_other()
    {
        using var client = site.CreateClient();
        var page = await client.GetStringAsync("/leave?to=" + Uri.EscapeDataString("https://www.gov.cn/"));
        Assert.Contains("即将离开本站", page);
        Assert.Contains("href=\"https://www.gov.cn/\"", page);
        Assert.Contains("中国政府网", page);

        var other = await client.GetAsync("/leave?to=" + Uri.EscapeDataString("https://evil.example/"));
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        var body = await other.Content.ReadAsStringAsync();
        Assert.Contains("不在本站的导航中", body);
        Assert.DoesNotContain("evil.example", body);
    }

    [Fact]
    public async Task The_admin_page_saves_a_new_friend_link_and_moves_rows_without_a_script()
    {
        using var admin = await AdminSession.LoginAsync(site, "nav-admin", "Administrator");
        var (status, form) = await admin.GetAsync("/admin/navigation?menu=friends");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("示例县政协（示例）", form);
        var fields = new List<KeyValuePair<string, string>> { new("menu", "friends") };
        foreach (var link in (await GetAsync()).Friends!)
        {
            fields.AddRange([new("label", link.Label), new("kind", link.Kind), new("target", link.Target), new("group", link.Group!)]);
        }

        fields.AddRange([new("label", "示例区政协（示例）"), new("kind", "url"), new("target", "https://qu.example.gov.cn/"), new("group", "市县政协")]);
        fields.Add(new("move", "6:up")); // the new row, at index 6, goes above 示例市人民政府
        var saved = await admin.PostRowsAsync("/admin/navigation", fields, "/admin/navigation?menu=friends");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var friends = (await GetAsync()).Friends!;
        Assert.Equal(7, friends.Count);
        Assert.Equal("示例区政协（示例）", friends[5].Label);

        using var client = site.CreateClient();
        Assert.Contains("示例区政协（示例）", await client.GetStringAsync("/"));
    }

    private async Task<SiteNavigation> GetAsync()
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NavigationService>().GetAsync();
    }

    private async Task<Result<SiteNavigation>> UpdateAsync(Actor actor, string menu, IReadOnlyList<NavigationLink> links)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NavigationService>().UpdateAsync(actor, menu, links);
    }

    private static string Between(string html, string start, string end)
    {
        var from = html.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from >= 0, $"no {start}");
        var to = html.IndexOf(end, from, StringComparison.Ordinal);
        return html[from..to];
    }
}
