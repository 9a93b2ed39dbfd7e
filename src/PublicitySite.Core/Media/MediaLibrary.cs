using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PublicitySite.Commands;
using PublicitySite.Storage;

namespace PublicitySite.Media;

/// <summary>What the library grid asks for.</summary>
public sealed record MediaSearch
{
    /// <summary>Matched against the file name, alt text and caption.</summary>
    public string? Text { get; init; }

    public string? Tag { get; init; }

    public string? Folder { get; init; }

    /// <summary>Only images (true), only documents (false), or both.</summary>
    public bool? Images { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 40;
}

public sealed record MediaPage(int Total, int Page, int PageSize, IReadOnlyList<MediaAsset> Items);

/// <summary>What an editor may change about an asset after upload.</summary>
public sealed record MediaEdit(string? Alt, string? Caption, string? Credit, string? Folder, IReadOnlyList<string>? Tags, double? FocalX = null, double? FocalY = null);

/// <summary>
/// The media library's office operations: search and filter, edit the words, list where an asset is used, and
/// delete only what nothing uses.
/// </summary>
public sealed class MediaLibrary(AppDbContext db, IMediaStore store, IOptions<MediaOptions> settings, TimeProvider clock, IEnumerable<IMediaUsageSource> sources)
{
    public const int MaxPageSize = 100;

    public async Task<MediaPage> SearchAsync(MediaSearch search, CancellationToken cancellationToken = default)
    {
        var query = db.Set<MediaAsset>().AsNoTracking().Include(a => a.Tags).AsQueryable();
        if (MediaText.Clean(search.Text) is { } text)
        {
            var lower = text.ToLowerInvariant();
            // Translated to SQL lower(...) LIKE: the culture-aware overloads the analyzers suggest would not translate.
#pragma warning disable CA1304, CA1311, CA1862
            query = query.Where(a => a.FileName.ToLower().Contains(lower) || a.Alt.ToLower().Contains(lower) || (a.Caption != null && a.Caption.ToLower().Contains(lower)));
#pragma warning restore CA1304, CA1311, CA1862
        }

        if (MediaText.Clean(search.Tag) is { } tag)
        {
            query = query.Where(a => a.Tags.Any(t => t.Tag == tag));
        }

        if (MediaText.Clean(search.Folder) is { } folder)
        {
            query = query.Where(a => a.Folder == folder);
        }

        if (search.Images is { } images)
        {
            query = images ? query.Where(a => MediaFormats.Images.Contains(a.Format)) : query.Where(a => !MediaFormats.Images.Contains(a.Format));
        }

        var page = Math.Max(1, search.Page);
        var size = Math.Clamp(search.PageSize, 1, MaxPageSize);
        var total = await query.CountAsync(cancellationToken);
        // Counted in long: (page - 1) × size overflows int for a huge page, and a negative offset reads page 1.
        var skip = (long)(page - 1) * size;
        if (skip >= total)
        {
            return new MediaPage(total, page, size, []);
        }

        var items = await query.OrderByDescending(a => a.CreatedUtc).ThenBy(a => a.Id).Skip((int)skip).Take(size).ToListAsync(cancellationToken);
        return new MediaPage(total, page, size, items);
    }

    public Task<MediaAsset?> GetAsync(string id, CancellationToken cancellationToken = default) =>
        db.Set<MediaAsset>().AsNoTracking().Include(a => a.Tags).FirstOrDefaultAsync(a => a.Id == id, cancellationToken);

    /// <summary>Folders in use with how many assets each holds, for the library's side list.</summary>
    public async Task<IReadOnlyList<(string Folder, int Count)>> FoldersAsync(CancellationToken cancellationToken = default)
    {
        var rows = await db.Set<MediaAsset>().Where(a => a.Folder != null).GroupBy(a => a.Folder!)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        return rows.OrderBy(r => r.Key, StringComparer.Create(new System.Globalization.CultureInfo("zh-CN"), false)).Select(r => (r.Key, r.Count)).ToList();
    }

    public async Task<IReadOnlyList<(string Tag, int Count)>> TagsAsync(CancellationToken cancellationToken = default)
    {
        var rows = await db.Set<MediaTag>().GroupBy(t => t.Tag).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        return rows.OrderByDescending(r => r.Count).ThenBy(r => r.Key, StringComparer.Ordinal).Select(r => (r.Key, r.Count)).ToList();
    }

    public async Task<Result<MediaAsset>> UpdateAsync(string id, MediaEdit edit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(edit);
        var asset = await db.Set<MediaAsset>().Include(a => a.Tags).FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (asset is null)
        {
            return MediaRefusals.NotFound();
        }

        var problem = MediaText.Check(new MediaUpload(null, edit.Alt, edit.Caption, edit.Credit, edit.Folder, edit.Tags), settings.Value);
        if (problem is null && asset.Format.IsImage() && edit.Alt is not null && MediaText.Clean(edit.Alt) is null)
        {
            problem = new FieldError("alt", "图片必须填写替代文字（alt），不能清空");
        }

        if (problem is null && (edit.FocalX is < 0 or > 1 || edit.FocalY is < 0 or > 1))
        {
            problem = new FieldError(edit.FocalX is < 0 or > 1 ? "focalX" : "focalY", "焦点坐标应在 0 到 1 之间（0 为左/上边缘，1 为右/下边缘）");
        }

        if (problem is not null)
        {
            return MediaRefusals.Invalid(problem.Field, problem.Message);
        }

        if (edit.Alt is not null)
        {
            asset.Alt = MediaText.Clean(edit.Alt) ?? "";
        }

        asset.Caption = edit.Caption is null ? asset.Caption : MediaText.Clean(edit.Caption);
        asset.Credit = edit.Credit is null ? asset.Credit : MediaText.Clean(edit.Credit);
        asset.Folder = edit.Folder is null ? asset.Folder : MediaText.Clean(edit.Folder);
        if (edit.Tags is not null)
        {
            var wanted = MediaText.CleanTags(edit.Tags);
            asset.Tags.RemoveAll(t => !wanted.Contains(t.Tag));
            asset.Tags.AddRange(wanted.Where(t => asset.Tags.All(x => x.Tag != t)).Select(t => new MediaTag { MediaId = id, Tag = t }));
        }

        if (edit.FocalX is { } x && edit.FocalY is { } y && (x != asset.FocalX || y != asset.FocalY))
        {
            asset.FocalX = x;
            asset.FocalY = y;
            // Crops depend on the focal point: drop them so they are made again around the new one.
            await store.DeletePrefixAsync(MediaKeys.VariantFolder(asset.Hash), cancellationToken);
        }

        asset.ModifiedUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return asset;
    }

    /// <summary>
    /// The content items that use the asset (latest or published version), newest change first, then the uses
    /// other features report (<see cref="IMediaUsageSource"/>); an item both report is listed once, as the latter.
    /// </summary>
    public async Task<IReadOnlyList<MediaUsageEntry>> UsageAsync(string id, CancellationToken cancellationToken = default)
    {
        var rows = await (from u in db.Set<MediaUsage>()
                          join i in db.ContentItems on u.ContentItemId equals i.Id
                          join v in db.ContentItemVersions on i.Id equals v.ContentItemId
                          where u.MediaId == id && v.Latest && !i.Deleted
                          orderby v.ModifiedUtc descending
                          select new MediaUsageEntry(i.Id, i.ContentType, v.Title, i.PublishedVersion != null, i.Path))
            .ToListAsync(cancellationToken);
        var other = new List<MediaUsageEntry>();
        foreach (var source in sources)
        {
            other.AddRange(await source.UsesOfAsync(id, cancellationToken));
        }

        return [.. rows.Where(r => other.All(o => o.ContentItemId != r.ContentItemId)), .. other];
    }

    /// <summary>Deletes an asset nothing uses. While content refers to it, the answer lists that content instead.</summary>
    public async Task<Result<MediaAsset>> DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        var asset = await db.Set<MediaAsset>().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (asset is null)
        {
            return MediaRefusals.NotFound();
        }

        var usages = await UsageAsync(id, cancellationToken);
        if (usages.Count > 0)
        {
            var names = string.Join("、", usages.Take(5).Select(u => u.Number is { } number ? $"提案{number}“{u.Title}”的答复" : $"“{u.Title}”"));
            // A reply is part of the proposal's record and cannot be taken out of it, so there is nothing to remove first.
            var advice = usages.Any(u => u.Use is not null) ? "提案的答复文件属于办理记录，提案页面链接着它，不能删除" : "请先从这些内容中移除后再删除";
            return MediaRefusals.InUse($"仍有 {usages.Count} 项内容使用此文件（{names}{(usages.Count > 5 ? " 等" : "")}），{advice}", usages);
        }

        db.Set<MediaAsset>().Remove(asset);
        await db.SaveChangesAsync(cancellationToken);
        // The bytes may be shared with another asset of identical content: remove them only when nobody else has them.
        if (!await db.Set<MediaAsset>().AnyAsync(a => a.Hash == asset.Hash, cancellationToken))
        {
            await store.DeleteAsync(MediaKeys.Original(asset.Hash, asset.Format), cancellationToken);
            await store.DeleteAsync(MediaKeys.Source(asset.Hash), cancellationToken);
            await store.DeletePrefixAsync(MediaKeys.VariantFolder(asset.Hash), cancellationToken);
        }

        return asset;
    }
}
