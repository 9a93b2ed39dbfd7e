using System.Globalization;
using PublicitySite.Proposals;
using PublicitySite.Web.Feeds;
using PublicitySite.Web.Site;

namespace PublicitySite.Web.Proposals;

/// <summary>RSS 2.0 of proposal progress: one entry per recorded event of a public proposal, newest first.</summary>
internal static class ProposalFeed
{
    public const int Size = 50;

    public static async Task<IResult> Rss(HttpContext http, ProposalQueries queries, SitePages pages, CancellationToken cancellationToken)
    {
        var site = await pages.SiteAsync(http);
        var origin = $"{http.Request.Scheme}://{http.Request.Host}";
        var events = await queries.RecentEventsAsync(Size, cancellationToken);
        var xml = new FeedXml();
        xml.WriteStartElement("rss");
        xml.WriteAttributeString("version", "2.0");
        xml.WriteStartElement("channel");
        xml.WriteElementString("title", $"{site.Name} - 提案办理进展");
        xml.WriteElementString("link", origin + "/proposals");
        xml.WriteElementString("description", "提案立案、交办、答复、评价等办理环节的最新进展");
        xml.WriteElementString("language", "zh-CN");
        foreach (var (e, record) in events)
        {
            var summary = ProposalSummary.From(record);
            xml.WriteStartElement("item");
            xml.WriteElementString("title", $"{record.Number}《{record.Title}》：{ProposalNames.Of(e.Kind)}");
            xml.WriteElementString("link", origin + summary.Url);
            xml.WriteElementString("description", string.Join("　", new[] { e.Unit, e.Note }.Where(s => !string.IsNullOrWhiteSpace(s))));
            xml.WriteElementString("pubDate", new DateTimeOffset(e.Date.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)).ToString("r", CultureInfo.InvariantCulture));
            xml.WriteStartElement("guid");
            xml.WriteAttributeString("isPermaLink", "false");
            xml.WriteString($"proposal-event-{e.Id}");
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndElement();

        return Results.Text(xml.ToString(), "application/rss+xml; charset=utf-8");
    }
}
