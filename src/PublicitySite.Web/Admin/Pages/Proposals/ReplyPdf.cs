using Microsoft.Extensions.Options;
using PublicitySite.Media;
using PublicitySite.Workflow;

namespace PublicitySite.Web.Admin.Pages.Proposals;

/// <summary>
/// A unit's reply as a PDF, taken through the media pipeline (size counted while reading, type decided by the
/// bytes, scripts and attachments refused) and kept in the media library under 提案答复.
/// </summary>
public sealed class ReplyPdf(MediaUploader uploader, MediaLibrary library, IOptions<MediaOptions> options)
{
    public const string Folder = "提案答复";

    /// <summary>The stored asset, or the Chinese reason it was refused.</summary>
    public async Task<(MediaAsset? Asset, string? Problem)> StoreAsync(Actor actor, IFormFile file, string number, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        await using var stream = file.OpenReadStream();
        var bytes = await MediaUploader.ReadLimitedAsync(stream, options.Value.MaxFileBytes, cancellationToken);
        if (bytes is null)
        {
            return (null, $"答复文件超过 {options.Value.MaxFileBytes / 1024 / 1024} MB 的上限");
        }

        // Checked before the upload so an image is not stored in the library only to be turned down here.
        if (FileSignatures.Detect(bytes) != MediaFormat.Pdf)
        {
            return (null, "答复文件须为 PDF 格式");
        }

        using var content = new MemoryStream(bytes);
        var result = await uploader.UploadAsync(actor, content, new MediaUpload(file.FileName, Alt: $"{number}答复", Folder: Folder, Tags: [Folder]), cancellationToken);
        return result.Failure is { } failure ? (null, "答复文件未被接收：" + failure.Detail) : (result.Value, null);
    }

    /// <summary>Removes a PDF stored for a reply the lifecycle then refused, so no orphan is left in the library.</summary>
    public Task DiscardAsync(MediaAsset asset, CancellationToken cancellationToken) => library.DeleteAsync(asset.Id, cancellationToken);
}
