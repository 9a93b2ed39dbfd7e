using System.Text.Json.Serialization;
using PublicitySite.Contents.Definitions;

namespace PublicitySite.Navigation;

/// <summary>
/// One menu entry: a column (by key), a 专题 or a page (by its address on this site), or an outside address.
/// 友情链接 carry the group they are listed under (全国政协, 省政协, 市县政协, 政府网站, …).
/// </summary>
public sealed record NavigationLink
{
    /// <summary>The name shown; left empty on a column entry, the column's current name (so a renamed column follows).</summary>
    public string Label { get; init; } = "";

    /// <summary>One of <see cref="NavigationKinds"/>.</summary>
    public string Kind { get; init; } = NavigationKinds.Page;

    /// <summary>The column key, the site path (<c>/zhuanti/…</c>, <c>/pages/…</c>) or the outside URL.</summary>
    public string Target { get; init; } = "";

    public string? Group { get; init; }

    [JsonIgnore]
    public bool IsOutside => Kind == NavigationKinds.Url;

    public string LabelIn(SiteDefinition site) =>
        Label.Length == 0 && Kind == NavigationKinds.Column ? site?.FindColumn(Target)?.Name ?? Target : Label;

    /// <summary>Where the entry leads on this site (an outside address goes through the 即将离开本站 page).</summary>
    [JsonIgnore]
    public string Href => Kind switch
    {
        NavigationKinds.Column => "/column/" + Target,
        NavigationKinds.Url => "/leave?to=" + Uri.EscapeDataString(Target),
        _ => Target,
    };
}

public static class NavigationKinds
{
    public const string Column = "column";
    public const string Topic = "topic";
    public const string Page = "page";
    public const string Url = "url";

    public static readonly IReadOnlyList<(string Key, string Label)> All =
        [(Column, "栏目"), (Topic, "专题"), (Page, "页面"), (Url, "外部网址")];

    public static string Label(string kind) => All.FirstOrDefault(k => k.Key == kind).Label ?? kind;
}

/// <summary>The three menus administrators edit. A null menu is not set here (the recipe's, or the columns, apply).</summary>
public sealed record SiteNavigation
{
    public const string MainMenu = "main";
    public const string FooterMenu = "footer";
    public const string FriendsMenu = "friends";

    public static readonly IReadOnlyList<(string Key, string Label)> Menus =
        [(MainMenu, "主菜单"), (FooterMenu, "页脚链接"), (FriendsMenu, "友情链接")];

    /// <summary>The groups 友情链接 usually fall into; others may be typed.</summary>
    public static readonly IReadOnlyList<string> FriendGroups = ["全国政协", "省政协", "市县政协", "政府网站"];

    public static SiteNavigation Empty { get; } = new();

    public IReadOnlyList<NavigationLink>? Main { get; init; }

    public IReadOnlyList<NavigationLink>? Footer { get; init; }

    public IReadOnlyList<NavigationLink>? Friends { get; init; }

    public static bool IsMenu(string? menu) => Menus.Any(m => m.Key == menu);

    public static string MenuLabel(string menu) => Menus.FirstOrDefault(m => m.Key == menu).Label ?? menu;

    public IReadOnlyList<NavigationLink>? Get(string menu) => menu switch
    {
        MainMenu => Main,
        FooterMenu => Footer,
        FriendsMenu => Friends,
        _ => null,
    };

    public SiteNavigation With(string menu, IReadOnlyList<NavigationLink> links) => menu switch
    {
        MainMenu => this with { Main = links },
        FooterMenu => this with { Footer = links },
        FriendsMenu => this with { Friends = links },
        _ => throw new ArgumentOutOfRangeException(nameof(menu), menu, "unknown menu"),
    };

    /// <summary>Each menu as stored, else as the recipe gives it.</summary>
    public SiteNavigation Over(SiteNavigation? recipe) => new()
    {
        Main = Main ?? recipe?.Main,
        Footer = Footer ?? recipe?.Footer,
        Friends = Friends ?? recipe?.Friends,
    };

    /// <summary>The 友情链接 by group, groups in the order they first appear.</summary>
    public IReadOnlyList<(string Group, IReadOnlyList<NavigationLink> Links)> FriendsByGroup() =>
        (Friends ?? []).GroupBy(l => string.IsNullOrWhiteSpace(l.Group) ? "其他" : l.Group!)
            .Select(g => (g.Key, (IReadOnlyList<NavigationLink>)g.ToList())).ToList();
}

/// <summary>What makes an entry acceptable: a label, a kind, and a target that exists or is a proper address.</summary>
public static class NavigationRules
{
    public const int MaxLabel = 20;
    public const int MaxGroup = 20;
    public const int MaxTarget = 500;
    public const int MaxLinks = 60;

    /// <summary>Every problem of the list, in Chinese, numbered by entry (第1项…).</summary>
    public static List<string> Check(string menu, IReadOnlyList<NavigationLink> links, SiteDefinition site)
    {
        ArgumentNullException.ThrowIfNull(links);
        ArgumentNullException.ThrowIfNull(site);
        var errors = new List<string>();
        if (!SiteNavigation.IsMenu(menu))
        {
            errors.Add($"未知的菜单“{menu}”");
            return errors;
        }

        if (links.Count > MaxLinks)
        {
            errors.Add($"一个菜单最多 {MaxLinks} 项");
        }

        for (var i = 0; i < links.Count; i++)
        {
            var link = links[i];
            var at = $"第{i + 1}项";
            if (string.IsNullOrWhiteSpace(link.Label))
            {
                if (link.Kind != NavigationKinds.Column)
                {
                    errors.Add($"{at}：请填写名称");
                }
            }
            else if (link.Label.Length > MaxLabel || link.Label.Any(char.IsControl))
            {
                errors.Add($"{at}：名称最多 {MaxLabel} 个字，且不能含控制字符");
            }

            if (menu == SiteNavigation.FriendsMenu && string.IsNullOrWhiteSpace(link.Group))
            {
                errors.Add($"{at}（{link.Label}）：友情链接须选择分组");
            }
            else if (link.Group is { Length: > MaxGroup })
            {
                errors.Add($"{at}（{link.Label}）：分组名称最多 {MaxGroup} 个字");
            }

            if (TargetProblem(link, site) is { } problem)
            {
                errors.Add($"{at}（{link.Label}）：{problem}");
            }
        }

        return errors;
    }

    private static string? TargetProblem(NavigationLink link, SiteDefinition site)
    {
        var target = link.Target;
        if (string.IsNullOrWhiteSpace(target))
        {
            return "请填写链接目标";
        }

        if (target.Length > MaxTarget || target.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            return "链接目标过长或含空白字符";
        }

        return link.Kind switch
        {
            NavigationKinds.Column => site.Columns.Any(c => c.Key == target) ? null : $"栏目“{target}”不存在",
            NavigationKinds.Topic or NavigationKinds.Page => target.StartsWith('/') && !target.StartsWith("//", StringComparison.Ordinal) && !target.Contains('\\', StringComparison.Ordinal)
                ? null
                : "本站地址须以 / 开头，例如 /zhuanti/lianghui",
            NavigationKinds.Url => Uri.TryCreate(target, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && uri.Host.Length > 0
                ? null
                : "外部网址须以 http:// 或 https:// 开头",
            _ => $"未知的链接类型“{link.Kind}”",
        };
    }
}
