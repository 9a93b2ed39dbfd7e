using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PublicitySite.Contents;
using PublicitySite.Storage;

namespace PublicitySite.Literature;

/// <summary>Keeps <see cref="LiteratureArticleEntry"/> in step with published articles, after each commit.</summary>
public sealed class LiteratureIndexer(AppDbContext db) : IContentIndexSink
{
    public const string CollectionType = "LiteratureCollection";
    public const string ArticleType = "LiteratureArticle";
    public const string Part = "LiteratureArticlePart";

    public async ValueTask OnChangedAsync(ContentChange change, CancellationToken cancellationToken)
    {
        if (change.ContentType != ArticleType || change.Kind == ContentChangeKind.Saved)
        {
            return;
        }

        await db.Set<LiteratureArticleEntry>().Where(e => e.ContentItemId == change.ContentItemId).ExecuteDeleteAsync(cancellationToken);
        if (change.Kind == ContentChangeKind.Published)
        {
            var row = await db.ContentItemVersions.AsNoTracking()
                .Where(v => v.ContentItemId == change.ContentItemId && v.Published)
                .Join(db.ContentItems.AsNoTracking().Where(i => !i.Deleted), v => v.ContentItemId, i => i.Id, (v, i) => new { v, i })
                .FirstOrDefaultAsync(cancellationToken);
            if (row is not null)
            {
                db.Set<LiteratureArticleEntry>().Add(Entry(row.i, row.v));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<int> RebuildAsync(CancellationToken cancellationToken = default)
    {
        await db.Set<LiteratureArticleEntry>().ExecuteDeleteAsync(cancellationToken);
        var rows = await db.ContentItemVersions.AsNoTracking()
            .Where(v => v.Published && v.ContentType == ArticleType)
            .Join(db.ContentItems.AsNoTracking().Where(i => !i.Deleted), v => v.ContentItemId, i => i.Id, (v, i) => new { v, i })
            .ToListAsync(cancellationToken);
        db.Set<LiteratureArticleEntry>().AddRange(rows.Select(r => Entry(r.i, r.v)));
        await db.SaveChangesAsync(cancellationToken);
        return rows.Count;
    }

    internal static LiteratureArticleEntry Entry(ContentItem item, ContentItemVersion version)
    {
        var data = ContentData.Parse(version.Data);
        var pages = ContentData.GetString(data, Part, "Pages");
        return new LiteratureArticleEntry
        {
            ContentItemId = item.Id,
            CollectionId = ContentData.GetList(data, Part, "Collection") is [var collection, ..] ? collection : null,
            Order = Number(ContentData.Get(data, Part, "Order")),
            FirstPage = FirstPage(pages),
            Title = version.Title,
            Path = item.Path is null ? $"/content/{item.Id}" : "/" + item.Path,
            Credits = Credits(data) is { Length: > 0 } c ? c : null,
            Pages = pages,
            Period = ContentData.GetString(data, Part, "Period"),
            Place = ContentData.GetString(data, Part, "Place"),
        };
    }

    /// <summary>"作者：甲，口述：乙，整理：丙", leaving out roles nobody filled.</summary>
    public static string Credits(JsonObject data)
    {
        var roles = new[] { ("Author", "作者"), ("Narrator", "口述"), ("Compiler", "整理") };
        return string.Join("，", roles
            .Select(r => (Label: r.Item2, Value: ContentData.GetString(data, Part, r.Item1)))
            .Where(r => !string.IsNullOrWhiteSpace(r.Value))
            .Select(r => $"{r.Label}：{r.Value}"));
    }

    private static int? Number(JsonNode? node) =>
        node is JsonValue v && decimal.TryParse(v.ToString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var n) && n is >= int.MinValue and <= int.MaxValue ? (int)n : null;

    /// <summary>The first page of "12-20", "12–20" or "第12页".</summary>
    private static int? FirstPage(string? pages)
    {
        if (string.IsNullOrEmpty(pages))
        {
            return null;
        }

        var digits = new string(pages.SkipWhile(c => !char.IsAsciiDigit(c)).TakeWhile(char.IsAsciiDigit).ToArray());
        return digits.Length is > 0 and < 9 ? int.Parse(digits, CultureInfo.InvariantCulture) : null;
    }
}
