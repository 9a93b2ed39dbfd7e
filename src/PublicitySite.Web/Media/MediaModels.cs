using PublicitySite.Media;

namespace PublicitySite.Web.Media;

/// <summary>One size of an image: its WebP and JPEG addresses and its pixel size.</summary>
internal sealed record VariantModel(string Webp, string Jpeg, int Width, int Height);

/// <summary>An asset as the API returns it (201 of the upload, library lists, detail).</summary>
internal sealed record MediaModel(
    string Id,
    string Url,
    string Stable,
    string Kind,
    string ContentType,
    string FileName,
    long Length,
    int Width,
    int Height,
    string Alt,
    string? Caption,
    string? Credit,
    string? Folder,
    IReadOnlyList<string> Tags,
    double FocalX,
    double FocalY,
    DateTime CreatedUtc,
    IReadOnlyDictionary<string, VariantModel> Variants)
{
    public IReadOnlyList<MediaUsageEntry>? UsedBy { get; init; }
}

/// <summary>One page of the library (<c>GET /api/media</c>), newest first.</summary>
internal sealed record MediaListModel(int Total, int Page, int PageSize, IReadOnlyList<MediaModel> Items);

/// <summary>The body of <c>PUT /api/media/{id}</c>; a field left out stays as it is.</summary>
internal sealed record MediaEditRequest(string? Alt = null, string? Caption = null, string? Credit = null, string? Folder = null, IReadOnlyList<string>? Tags = null, double? FocalX = null, double? FocalY = null);

/// <summary>The library's paging: forty files a page unless asked, at most <see cref="MediaLibrary.MaxPageSize"/>.</summary>
internal sealed class MediaPageLimits : Api.IPagedList
{
    public static int DefaultPageSize => 40;

    public static int MaxPageSize => MediaLibrary.MaxPageSize;
}

internal static class MediaModels
{
    public static MediaModel From(MediaAsset asset, IReadOnlyList<VariantProfile> profiles) => new(
        asset.Id,
        MediaUrls.Original(asset),
        MediaUrls.Stable(asset.Id),
        asset.Format.IsImage() ? "image" : "document",
        asset.Format.ContentType(),
        asset.FileName,
        asset.Length,
        asset.Width,
        asset.Height,
        asset.Alt,
        asset.Caption,
        asset.Credit,
        asset.Folder,
        asset.Tags.Select(t => t.Tag).OrderBy(t => t, StringComparer.Ordinal).ToList(),
        asset.FocalX,
        asset.FocalY,
        asset.CreatedUtc,
        asset.Format.IsImage()
            ? profiles.ToDictionary(p => p.Name, p =>
            {
                var (width, height) = MediaVariants.SizeOf(asset, p);
                return new VariantModel(MediaUrls.Variant(asset, p.Name, webp: true), MediaUrls.Variant(asset, p.Name, webp: false), width, height);
            })
            : new Dictionary<string, VariantModel>());
}
