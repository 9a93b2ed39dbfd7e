using PublicitySite.Contents;
using PublicitySite.Contents.Definitions;

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
    public static SiteModel From(SiteDefinition site) => new(
        site.Setting("SiteName", "政协门户网站"),
        site.Setting("SiteDomain"),
        site.Setting("SiteIDCode"),
        site.Setting("SponsoringUnit"),
        site.Setting("Contact"),
        site.Setting("Address"),
        site.Setting("IcpNumber"),
        site.Setting("PoliceNumber"),
        site.Setting("Slogan"),
        site.Columns.OrderBy(c => c.Order).Select(c => new ColumnLink(c.Name, "/column/" + c.Key)).ToList());
}

public sealed record ColumnLink(string Name, string Url);

/// <summary>What the layout needs to know about the page it wraps (title, meta tags, current column).</summary>
public sealed record LayoutModel(SiteModel Site, string Title, string? ColumnName = null, string? Description = null)
{
    public string? ArticleTitle { get; init; }

    public DateTimeOffset? PubDate { get; init; }

    public string? ContentSource { get; init; }

    public string? Canonical { get; init; }
}

/// <summary>One line of a list: what a reader needs to choose an article.</summary>
public sealed record EntryModel(string Title, string Url, DateTimeOffset? Date, string? Column, string? Summary, bool Sample)
{
    public static EntryModel From(PublishedEntry entry, string? summary = null) => new(
        entry.Version.Title,
        entry.Url,
        entry.Version.PublishedUtc is { } utc ? SiteTime.ToLocal(utc) : null,
        entry.Version.Column,
        summary,
        ContentData.GetBool(ContentData.Parse(entry.Version.Data), BuiltInParts.Sample, "Sample"));
}
