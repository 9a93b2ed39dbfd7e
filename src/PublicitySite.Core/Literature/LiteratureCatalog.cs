using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PublicitySite.Contents;
using PublicitySite.Contents.Definitions;
using PublicitySite.Storage;

namespace PublicitySite.Literature;

/// <summary>A collection (辑) as lists show it.</summary>
public sealed record CollectionSummary(
    string Id, string Title, string Url, int? Number, int? Year, string? Topic, string? Editor, string? Cover,
    string? CoverAlt, string? Pdf, string? Summary, int ArticleCount, bool Sample);

/// <summary>A version of an article that was once public and can be cited, and where the current one lives.</summary>
public sealed record CitedVersion(PublishedEntry Entry, int CurrentVersion, string CurrentUrl)
{
    public bool IsCurrent => Entry.Version.Number == CurrentVersion;
}

/// <summary>Reads of 文史资料: collections, a collection's contents, an article's neighbours, cited versions.</summary>
public sealed class LiteratureCatalog(AppDbContext db, ContentQueries queries, LiteratureIndexer indexer)
{
    public const string CollectionPart = "LiteratureCollectionPart";

    /// <summary>Published collections in 辑号 order, each with its number of published articles.</summary>
    public async Task<IReadOnlyList<CollectionSummary>> CollectionsAsync(CancellationToken cancellationToken = default)
    {
        await EnsureIndexedAsync(cancellationToken);
        var page = await queries.ListAsync(new ContentQuery { ContentType = LiteratureIndexer.CollectionType, PageSize = 1000 }, cancellationToken);
        var counts = await db.Set<LiteratureArticleEntry>().AsNoTracking()
            .Where(e => e.CollectionId != null)
            .GroupBy(e => e.CollectionId!)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return page.Items
            .Select(e => Summary(e, counts.GetValueOrDefault(e.Item.Id)))
            .OrderBy(c => c.Number ?? int.MaxValue).ThenBy(c => c.Year).ThenBy(c => c.Title, StringComparer.Ordinal)
            .ToList();
    }

    public async Task<CollectionSummary?> CollectionAsync(string id, CancellationToken cancellationToken = default)
    {
        var entry = await queries.GetAsync(id, cancellationToken);
        if (entry is null || entry.Version.ContentType != LiteratureIndexer.CollectionType)
        {
            return null;
        }

        var count = await db.Set<LiteratureArticleEntry>().CountAsync(e => e.CollectionId == id, cancellationToken);
        return Summary(entry, count);
    }

    /// <summary>The table of contents: by 篇序, then by first printed page, then by title.</summary>
    public async Task<IReadOnlyList<LiteratureArticleEntry>> ContentsAsync(string collectionId, CancellationToken cancellationToken = default)
    {
        await EnsureIndexedAsync(cancellationToken);
        var rows = await db.Set<LiteratureArticleEntry>().AsNoTracking().Where(e => e.CollectionId == collectionId).ToListAsync(cancellationToken);
        return rows.OrderBy(e => e.Order ?? int.MaxValue).ThenBy(e => e.FirstPage ?? int.MaxValue).ThenBy(e => e.Title, StringComparer.Ordinal).ToList();
    }

    /// <summary>Builds the article index once when published articles exist but the index is empty (an older database).</summary>
    public async Task EnsureIndexedAsync(CancellationToken cancellationToken = default)
    {
        if (!await db.Set<LiteratureArticleEntry>().AnyAsync(cancellationToken)
            && await db.ContentItemVersions.AnyAsync(v => v.Published && v.ContentType == LiteratureIndexer.ArticleType, cancellationToken))
        {
            await indexer.RebuildAsync(cancellationToken);
        }
    }

    /// <summary>The articles before and after <paramref name="articleId"/> in its collection's contents.</summary>
    public async Task<(LiteratureArticleEntry? Previous, LiteratureArticleEntry? Next)> NeighboursAsync(string articleId, string? collectionId, CancellationToken cancellationToken = default)
    {
        if (collectionId is null)
        {
            return (null, null);
        }

        var contents = await ContentsAsync(collectionId, cancellationToken);
        var index = contents.ToList().FindIndex(e => e.ContentItemId == articleId);
        if (index < 0)
        {
            return (null, null);
        }

        return (index > 0 ? contents[index - 1] : null, index < contents.Count - 1 ? contents[index + 1] : null);
    }

    /// <summary>
    /// Version <paramref name="number"/> of an article, when the article is public now and that version was
    /// public once (the current one or one it replaced). Drafts never published are not citable.
    /// </summary>
    public async Task<CitedVersion?> CitedAsync(string id, int number, CancellationToken cancellationToken = default)
    {
        var item = await db.ContentItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id && !i.Deleted && i.PublishedVersion != null, cancellationToken);
        if (item is null || item.ContentType != LiteratureIndexer.ArticleType)
        {
            return null;
        }

        var version = await db.ContentItemVersions.AsNoTracking().FirstOrDefaultAsync(
            v => v.ContentItemId == id && v.Number == number && (v.Status == ContentStatus.Published || v.Status == ContentStatus.Archived),
            cancellationToken);
        if (version is null)
        {
            return null;
        }

        var current = new PublishedEntry(item, version);
        return new CitedVersion(current, item.PublishedVersion!.Value, current.Url);
    }

    public static string CitationUrl(string id, int version) => $"/literature/cite/{id}/v{version.ToString(CultureInfo.InvariantCulture)}";

    private static CollectionSummary Summary(PublishedEntry entry, int count)
    {
        var data = ContentData.Parse(entry.Version.Data);
        static int? Int(JsonObject d, string f) =>
            ContentData.Get(d, CollectionPart, f) is JsonValue v && decimal.TryParse(v.ToString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var n) ? (int)n : null;
        string? Text(string part, string field) => ContentData.GetString(data, part, field) is { Length: > 0 } s ? s : null;
        return new CollectionSummary(
            entry.Item.Id,
            entry.Version.Title,
            entry.Url,
            Int(data, "Number"),
            Int(data, "Year"),
            Text(CollectionPart, "Topic"),
            Text(CollectionPart, "Editor"),
            Text(BuiltInParts.Cover, "Cover"),
            Text(BuiltInParts.Cover, "CoverAlt"),
            Text(CollectionPart, "Pdf"),
            Text(BuiltInParts.Summary, "Summary"),
            count,
            ContentData.GetBool(data, BuiltInParts.Sample, "Sample"));
    }
}
