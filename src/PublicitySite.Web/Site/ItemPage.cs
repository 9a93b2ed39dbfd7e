using PublicitySite.Contents;
using PublicitySite.Contents.Definitions;
using PublicitySite.Web.Caching;

namespace PublicitySite.Web.Site;

/// <summary>
/// A published item at its public path: article tools (字号, 打印, 分享), 上一篇/下一篇 in its column and
/// related items. Member, proposal and literature pages use the same generic view until their features
/// give them their own.
/// </summary>
internal static class ItemPage
{
    public static async Task<IResult> RenderAsync(string path, HttpContext context, SitePages pages, ContentQueries queries, PublicReadCache cache, ColumnListings listings, ItemViews views, PublicitySite.Settings.SiteSettingsService settings, TimeProvider clock, SiteQueries siteQueries)
    {
        var cancel = context.RequestAborted;
        var clean = path.Trim('/');
        if (clean.Length is 0 or > 300)
        {
            return await pages.NotFoundAsync(context);
        }

        // Misses are not kept: addresses that do not exist must not crowd out the ones that do. Signed-in
        // readers bypass it, as they bypass the page cache.
        var (entry, redirect) = PageCachePolicy.CarriesCredentials(context.Request)
            ? await queries.FindByPathAsync(clean, cancel)
            : await cache.GetOrLoadAsync(("path", clean), ct => queries.FindByPathAsync(clean, ct), found => found.Entry is not null, cancel);
        if (redirect is not null)
        {
            return Results.Redirect(redirect, permanent: true);
        }

        if (entry is null || !IsPublic(entry))
        {
            return await pages.NotFoundAsync(context);
        }

        var view = views.Get(entry);
        if (view.Type == TopicPages.ContentType)
        {
            return await TopicPages.RenderAsync(context, pages, siteQueries, view, view.ModifiedUtc);
        }

        PageCache.Tag(context, PageCache.ItemTag(entry.Item.Id), PageCache.NeighboursTag(view.Type, view.Column), PageCache.TypeTag(view.Type));
        var listing = await listings.GetAsync(view.Type, view.Column, cancel);
        var (previous, next) = ColumnListings.Neighbours(listing, entry.Item.Id);
        var related = Related(listing, entry.Item.Id, view.Tags);
        var (columnName, columnUrl) = ColumnOf(pages.Definition, view);
        var layout = await pages.LayoutAsync(context, view.Title, columnName, view.Summary) with
        {
            ArticleTitle = view.Title,
            PubDate = view.PublishedUtc,
            ContentSource = view.Source ?? "",
            Canonical = view.Url,
            OgType = "article",
        };
        var archived = PublicitySite.Curation.ArchiveWindow.IsArchived(view.Column is { } columnKey ? pages.Definition.FindColumn(columnKey) : null, await settings.GetAsync(cancel), view.PublishedUtc?.UtcDateTime, clock.GetUtcNow().UtcDateTime);
        var model = Model(view, columnName, columnUrl, layout, previous?.ToEntry(), next?.ToEntry(), related, archived);
        var modified = view.ModifiedUtc > (view.PublishedUtc ?? DateTimeOffset.MinValue) ? view.ModifiedUtc : view.PublishedUtc;
        return await pages.PageAsync(context, "content", model, layout, modified);
    }

    /// <summary>The column (or site directory) an item's breadcrumb names and links to.</summary>
    public static (string? Name, string? Url) ColumnOf(SiteDefinition site, ContentView view)
    {
        var column = view.Column is { } name ? site.FindColumn(name) : null;
        var directory = SiteDirectories.All.FirstOrDefault(d => view.Url.StartsWith(d.Url + "/", StringComparison.Ordinal));
        return (column?.Name ?? directory?.Name, column is not null ? "/column/" + column.Key : directory?.Url);
    }

    /// <summary>
    /// The content view's model: one shape for the public page and the admin's preview, so a preview shows the
    /// same breadcrumb, cover and 字号 control as the published page.
    /// </summary>
    public static object Model(ContentView view, string? columnName, string? columnUrl, LayoutModel layout, EntryModel? previous, EntryModel? next, IReadOnlyList<EntryModel> related, bool archived = false) => new
    {
        Item = view,
        Cover = ContentData.GetString(view.Parts, BuiltInParts.Cover, "Cover"),
        CoverAlt = ContentData.GetString(view.Parts, BuiltInParts.Cover, "CoverAlt"),
        Previous = previous,
        Next = next,
        Related = related,
        ColumnName = columnName,
        ColumnUrl = columnUrl,
        QrUrl = "/share/qr.png?path=" + Uri.EscapeDataString(view.Url),
        Archived = archived,
        Sizes = ReaderPreferences.Sizes.Select(s => new { s.Key, s.Label, Current = s.Key == layout.Reader.Size }).ToList(),
    };

    /// <summary>A proposer may refuse publication; such a proposal is treated as if it did not exist.</summary>
    private static bool IsPublic(PublishedEntry entry) =>
        entry.Version.ContentType != "Proposal" || ProposalLine.IsPublic(EntryModel.From(entry));

    /// <summary>Items of the same column sharing the first tag, topped up with the column's newest.</summary>
    private static List<EntryModel> Related(IReadOnlyList<ListingRow> listing, string id, IReadOnlyList<string> tags)
    {
        var others = listing.Where(r => r.Id != id);
        var found = tags.Count > 0 ? others.Where(r => r.Tags.Contains(tags[0])).Take(5).ToList() : [];
        found.AddRange(others.Where(r => !found.Contains(r)).Take(5 - found.Count));
        return found.Select(r => r.ToEntry()).ToList();
    }
}
