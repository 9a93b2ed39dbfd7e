using System.Text.Json.Nodes;
using PublicitySite.Contents;
using PublicitySite.Contents.Definitions;
using PublicitySite.Navigation;
using PublicitySite.Settings;

namespace PublicitySite.Web.Site;

/// <summary>Site-wide values the layout shows: name, footer facts, navigation.</summary>
public sealed record SiteModel(
    string Name,
    string Domain,
    string IdCode,
    string SponsoringUnit,
    string Contact,
    string Address,
    string IcpNumber,
    string PoliceNumber,
    string Slogan,
    IReadOnlyList<ColumnLink> Columns)
{
    /// <summary>The home page's meta description (网站简介), or a sentence made of the name.</summary>
    public string Description { get; init; } = "";

    /// <summary>The 公告条 text while it is to be shown.</summary>
    public string? Notice { get; init; }

    /// <summary>哀悼模式: every public page in greyscale.</summary>
    public bool Mourning { get; init; }

    /// <summary>页脚链接, from the navigation (the built-in ones when none is set).</summary>
    public IReadOnlyList<ColumnLink> Footer { get; init; } = DefaultFooter;

    /// <summary>友情链接 by group (全国政协, 省政协, …); empty hides the block.</summary>
    public IReadOnlyList<LinkGroup> Friends { get; init; } = [];

    private static readonly IReadOnlyList<ColumnLink> DefaultFooter =
        [new("关于本站", "/pages/guanyu-benzhan"), new("联系我们", "/pages/lianxi-women"), new("网站地图", "/sitemap")];

    public static SiteModel From(SiteDefinition site, SiteSettings settings, SiteNavigation? navigation = null) => new(
        settings.Get(SiteSettingKeys.SiteName, "政协门户网站"),
        settings[SiteSettingKeys.SiteDomain],
        settings[SiteSettingKeys.SiteIdCode],
        settings[SiteSettingKeys.SponsoringUnit],
        settings[SiteSettingKeys.Contact],
        settings[SiteSettingKeys.Address],
        settings[SiteSettingKeys.IcpNumber],
        settings[SiteSettingKeys.PoliceNumber],
        settings[SiteSettingKeys.Slogan],
        navigation?.Main is { } main
            ? [.. main.Select(l => ColumnLink.Of(l, site))]
            : [
                .. site.Columns.OrderBy(c => c.Order).Select(c => new ColumnLink(c.Name, "/column/" + c.Key)),
                .. SiteDirectories.All.Select(d => new ColumnLink(d.Name, d.Url)),
            ])
    {
        Footer = navigation?.Footer is { } footer ? [.. footer.Select(l => ColumnLink.Of(l, site))] : DefaultFooter,
        Friends = navigation is null ? [] : [.. navigation.FriendsByGroup().Select(g => new LinkGroup(g.Group, [.. g.Links.Select(l => ColumnLink.Of(l, site))]))],
        Description = settings.Get(SiteSettingKeys.SiteDescription, settings.Get(SiteSettingKeys.SiteName, "政协门户网站") + "：政协要闻、委员风采、提案追踪与文史资料。"),
    };

    /// <summary>With the dated settings (公告条, 哀悼模式) as they stand at <paramref name="nowUtc"/>.</summary>
    public static SiteModel From(SiteDefinition site, SiteSettings settings, DateTime nowUtc, SiteNavigation? navigation = null) => From(site, settings, navigation) with
    {
        Notice = SiteSchedule.Notice(settings, nowUtc),
        Mourning = SiteSchedule.Mourning(settings, nowUtc),
    };
}

/// <summary>A menu entry as the layout shows it; <see cref="Outside"/> links lead through the 即将离开本站 page.</summary>
public sealed record ColumnLink(string Name, string Url, bool Outside = false)
{
    public static ColumnLink Of(NavigationLink link, SiteDefinition site) => new(link.LabelIn(site), link.Href, link.IsOutside);
}

public sealed record LinkGroup(string Name, IReadOnlyList<ColumnLink> Links);

/// <summary>What the layout needs to know about the page it wraps (title, meta tags, current column, reader preferences).</summary>
public sealed record LayoutModel(SiteModel Site, string Title, string? ColumnName = null, string? Description = null)
{
    public string? ArticleTitle { get; init; }

    public DateTimeOffset? PubDate { get; init; }

    public string? ContentSource { get; init; }

    /// <summary>Root-relative; the layout prefixes the request's origin.</summary>
    public string? Canonical { get; init; }

    public string? OgType { get; init; }

    public string? PrevUrl { get; init; }

    public string? NextUrl { get; init; }

    public string? FeedUrl { get; init; }

    public ReaderPreferences Reader { get; init; } = ReaderPreferences.Default;

    /// <summary>The page's own path, for the elder-mode and text-size links.</summary>
    public string Path { get; init; } = "/";

    public string Origin { get; init; } = "";
}

/// <summary>
/// One line of a list: what a reader needs to choose an article. The part data is parsed only when a view
/// asks for more than title, address and date, which most lists never do.
/// </summary>
internal sealed class EntryModel(string id, string title, string url, DateTimeOffset? date, string? column, string data)
{
    private JsonObject? parsed;

    public string Id { get; } = id;

    public string Title { get; } = title;

    public string Url { get; } = url;

    public DateTimeOffset? Date { get; } = date;

    public string? Column { get; } = column;

    public JsonObject Data => parsed ??= ContentData.Parse(data);

    public string? Summary => Field(BuiltInParts.Summary, "Summary");

    public bool Sample => ContentData.GetBool(Data, BuiltInParts.Sample, "Sample");

    /// <summary>An address a view can put in <c>src</c>: a library id becomes its stable <c>/media/{id}</c>.</summary>
    public string? Cover => Members.MemberPages.MediaUrl(Field(BuiltInParts.Cover, "Cover"));

    public string? CoverAlt => Field(BuiltInParts.Cover, "CoverAlt");

    /// <summary>The raw cover value (a library id or address), for the responsive picture filters.</summary>
    public string? CoverId => Field(BuiltInParts.Cover, "Cover");

    /// <summary>The office's placement of this item (置顶, highlight), set by the page that lists it.</summary>
    public Curation.CurationFlags? Curation { get; set; }

    /// <summary>Shown with a 置顶 mark at the top of its column.</summary>
    public bool Pinned { get; set; }

    /// <summary>CSS classes of a highlighted title (标题颜色, 加粗), empty when plain.</summary>
    public string TitleClass => Curation?.TitleClass ?? "";

    public static EntryModel From(PublishedEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new EntryModel(
            entry.Item.Id,
            entry.Version.Title,
            entry.Url,
            entry.Version.PublishedUtc is { } utc ? SiteTime.ToLocal(utc) : null,
            entry.Version.Column,
            entry.Version.Data);
    }

    public string? Field(string part, string field) => ContentData.GetString(Data, part, field);
}
