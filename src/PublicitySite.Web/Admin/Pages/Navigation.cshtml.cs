using Microsoft.AspNetCore.Mvc;
using PublicitySite.Contents;
using PublicitySite.Contents.Definitions;
using PublicitySite.Navigation;

namespace PublicitySite.Web.Admin.Pages;

/// <summary>
/// 导航管理: the main menu, the footer links and the 友情链接, one menu at a time. The rows are posted in the
/// order they stand (dragging reorders them in the page); the 上移/下移/删除 buttons work without a script by
/// posting, and each save goes through <see cref="NavigationService"/> (audited, every public page follows).
/// </summary>
[AdminPermission(Permissions.ManageSettings, Reason = NavigationService.Refusal)]
public sealed class NavigationModel(NavigationService navigation, ContentQueries queries) : AdminPage
{
    [BindProperty(SupportsGet = true)]
    public string Menu { get; set; } = SiteNavigation.MainMenu;

    public List<NavigationLink> Links { get; private set; } = [];

    /// <summary>Addresses the target field suggests: columns by key, topics and pages by path.</summary>
    public List<(string Value, string Label)> Targets { get; } = [];

    public bool IsFriends => Menu == SiteNavigation.FriendsMenu;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!SiteNavigation.IsMenu(Menu))
        {
            Menu = SiteNavigation.MainMenu;
        }

        Links = [.. (await navigation.GetAsync(cancellationToken)).Get(Menu) ?? []];
        await LoadTargetsAsync(cancellationToken);
        return Page();
    }

    /// <summary>Saves the rows as posted; <paramref name="move"/> ("3:up", "3:down") and <paramref name="remove"/> change them first.</summary>
    public async Task<IActionResult> OnPostAsync(string? move, int? remove, CancellationToken cancellationToken)
    {
        if (!SiteNavigation.IsMenu(Menu))
        {
            Menu = SiteNavigation.MainMenu;
        }

        Links = Posted();
        var what = "已保存";
        if (remove is { } at && at >= 0 && at < Links.Count)
        {
            what = $"已删除“{Links[at].LabelIn(Policy.Site)}”";
            Links.RemoveAt(at);
        }
        else if (move?.Split(':') is [var index, var direction] && int.TryParse(index, out var from) && from >= 0 && from < Links.Count)
        {
            var to = direction == "up" ? from - 1 : from + 1;
            if (to >= 0 && to < Links.Count)
            {
                (Links[from], Links[to]) = (Links[to], Links[from]);
                what = $"已将“{Links[to].LabelIn(Policy.Site)}”{(direction == "up" ? "上移" : "下移")}";
            }
        }

        var result = await navigation.UpdateAsync(Me, Menu, Links, cancellationToken);
        if (result.Failure is { } failure)
        {
            await LoadTargetsAsync(cancellationToken);
            return Refused(failure);
        }

        Flash = $"{SiteNavigation.MenuLabel(Menu)}{what}，前台页面已即时更新";
        return Redirect("/admin/navigation?menu=" + Menu);
    }

    /// <summary>The rows in the order the form lists them; a row left wholly empty (the blank one for adding) is dropped.</summary>
    private List<NavigationLink> Posted()
    {
        var form = Request.Form;
        var labels = form["label"];
        var kinds = form["kind"];
        var targets = form["target"];
        var groups = form["group"];
        var links = new List<NavigationLink>();
        for (var i = 0; i < labels.Count; i++)
        {
            var label = labels[i]?.Trim() ?? "";
            var target = i < targets.Count ? targets[i]?.Trim() ?? "" : "";
            if (label.Length == 0 && target.Length == 0)
            {
                continue;
            }

            links.Add(new NavigationLink
            {
                Label = label,
                Kind = i < kinds.Count ? kinds[i] ?? NavigationKinds.Page : NavigationKinds.Page,
                Target = target,
                Group = i < groups.Count ? groups[i] : null,
            });
        }

        return links;
    }

    private async Task LoadTargetsAsync(CancellationToken cancellationToken)
    {
        foreach (var column in Policy.Site.Columns.OrderBy(c => c.Order))
        {
            Targets.Add((column.Key, "栏目：" + column.Name));
        }

        foreach (var (type, label) in new[] { ("Topic", "专题"), ("Page", "页面") })
        {
            var page = await queries.ListAsync(new ContentQuery { ContentType = type, PageSize = 100 }, cancellationToken);
            Targets.AddRange(page.Items.Select(e => (e.Url, $"{label}：{e.Version.Title}")));
        }

        Targets.AddRange([("/members", "页面：委员风采"), ("/proposals", "页面：提案追踪"), ("/literature", "页面：文史资料"), ("/zhuanti", "页面：专题"), ("/sitemap", "页面：网站地图")]);
    }
}
