using PublicitySite.Contents;
using PublicitySite.Contents.Definitions;
using PublicitySite.Web.Caching;

namespace PublicitySite.Web.Site;

/// <summary>
/// A published item at its public path: article tools (字号, 打印, 分享), 上一篇/下一篇 in its column and
/// related items. Member, proposal and literature pages use the same generic view until their features
/// give them their own.
/// </summary>
public static class ItemPage
{
    public static async Task<IResult> RenderAsync(string path, HttpContext context, SitePages pages, ContentQueries queries, SiteQueries lists, ItemViews views)
    {
        var cancel = context.RequestAborted;
        var clean = path.Trim('/');
        if (clean.Length is 0 or > 300)
        {
            return await pages.NotFoundAsync(context);
        }

        var (entry, redirect) = await queries.FindByPathAsync(clean, cancel);
        if (redirect is not null)
        {
            return Results.Redirect(redirect, permanent: true);
        }

        if (entry is null || !IsPublic(entry))
        {
            return await pages.NotFoundAsync(context);
        }

        var view = views.Get(entry);
        PageCache.Tag(context, PageCache.ItemTag(entry.Item.Id), PageCache.NeighboursTag(view.Type, view.Column), PageCache.TypeTag(view.Type));
        var (previous, next) = await queries.NeighboursAsync(entry, cancel);
        var related = await RelatedAsync(lists, entry, view, cancel);
        var site = pages.Definition;
        var column = view.Column is { } name ? site.FindColumn(name) : null;
        var directory = SiteDirectories.All.FirstOrDefault(d => view.Url.StartsWith(d.Url + "/", StringComparison.Ordinal));
        var columnName = column?.Name ?? directory?.Name;
        var layout = await pages.LayoutAsync(context, view.Title, columnName, view.Summary) with
        {
            ArticleTitle = view.Title,
            PubDate = view.PublishedUtc,
            ContentSource = view.Source ?? "",
            Canonical = view.Url,
            OgType = "article",
        };
        var model = new
        {
            Item = view,
            Cover = ContentData.GetString(view.Parts, BuiltInParts.Cover, "Cover"),
            CoverAlt = ContentData.GetString(view.Parts, BuiltInParts.Cover, "CoverAlt"),
            Previous = previous is null ? null : EntryModel.From(previous),
            Next = next is null ? null : EntryModel.From(next),
            Related = related,
            ColumnName = columnName,
            ColumnUrl = column is not null ? "/column/" + column.Key : directory?.Url,
            QrUrl = "/share/qr.png?path=" + Uri.EscapeDataString(view.Url),
            Sizes = ReaderPreferences.Sizes.Select(s => new { s.Key, s.Label, Current = s.Key == layout.Reader.Size }).ToList(),
        };
        var modified = view.ModifiedUtc > (view.PublishedUtc ?? DateTimeOffset.MinValue) ? view.ModifiedUtc : view.PublishedUtc;
        return await pages.PageAsync(context, "content", model, layout, modified);
    }

    /// <summary>A proposer may refuse publication; such a proposal is treated as if it did not exist.</summary>
    private static bool IsPublic(PublishedEntry entry) =>
        entry.Version.ContentType != "Proposal" || ProposalLine.IsPublic(EntryModel.From(entry));

    /// <summary>Items of the same column sharing the first tag, topped up with the column's newest.</summary>
    private static async Task<List<EntryModel>> RelatedAsync(SiteQueries queries, PublishedEntry entry, ContentView view, CancellationToken cancel)
    {
        string[]? columns = view.Column is null ? null : [view.Column];
        var found = new List<EntryModel>();
        if (view.Tags.Count > 0)
        {
            found.AddRange((await queries.LatestAsync(view.Type, columns, view.Tags[0], 6, cancellationToken: cancel)).Where(e => e.Id != entry.Item.Id));
        }

        if (found.Count < 5)
        {
            var latest = await queries.LatestAsync(view.Type, columns, take: 6, cancellationToken: cancel);
            found.AddRange(latest.Where(e => e.Id != entry.Item.Id && found.All(f => f.Id != e.Id)));
        }

        return found.Where(e => e.Data["ProposalPart"] is null || ProposalLine.IsPublic(e)).Take(5).ToList();
    }
}
