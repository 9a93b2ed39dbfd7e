using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PublicitySite.Commands;
using PublicitySite.Contents;
using PublicitySite.Storage;
using PublicitySite.Workflow;

namespace PublicitySite.Media;

/// <summary>What an editor sends with a file.</summary>
public sealed record MediaUpload(string? FileName, string? Alt = null, string? Caption = null, string? Credit = null, string? Folder = null, IReadOnlyList<string>? Tags = null);

/// <summary>A file that passed every check: its real format and the bytes to keep (re-encoded if an image).</summary>
internal sealed record CheckedFile(MediaFormat Format, ProcessedImage File);

/// <summary>
/// Takes an upload from a stream to a stored asset: size counted while reading, type decided by signature,
/// structure walked, image header checked, then re-encoded without metadata and stored by content hash.
/// </summary>
public sealed class MediaUploader(AppDbContext db, IMediaStore store, ImagePipeline images, IOptions<MediaOptions> settings, TimeProvider clock)
{
    private readonly MediaOptions options = settings.Value;

    /// <summary>Stores a new asset; <paramref name="actor"/> is kept as its uploader.</summary>
    public async Task<Result<MediaAsset>> UploadAsync(Actor actor, Stream content, MediaUpload upload, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(upload);
        if (MediaText.Check(upload, options) is { } invalid)
        {
            return MediaRefusals.Invalid(invalid.Field, invalid.Message);
        }

        var processed = await ProcessAsync(content, upload.Alt, altRequired: true, cancellationToken);
        if (processed.Failure is { } failure)
        {
            return failure;
        }

        var (format, image) = (processed.Value!.Format, processed.Value.File);
        var now = clock.GetUtcNow().UtcDateTime;
        var asset = new MediaAsset
        {
            Id = ContentIds.New(),
            Format = format,
            Hash = await StoreAsync(format, image.Bytes, cancellationToken),
            Length = image.Bytes.Length,
            Width = image.Width,
            Height = image.Height,
            FileName = MediaText.CleanFileName(upload.FileName, format),
            Alt = MediaText.Clean(upload.Alt) ?? "",
            Caption = MediaText.Clean(upload.Caption),
            Credit = MediaText.Clean(upload.Credit),
            Folder = MediaText.Clean(upload.Folder),
            UploadedBy = actor.Name,
            CreatedUtc = now,
            ModifiedUtc = now,
        };
        asset.Tags = MediaText.CleanTags(upload.Tags).Select(t => new MediaTag { MediaId = asset.Id, Tag = t }).ToList();
        db.Set<MediaAsset>().Add(asset);
        await db.SaveChangesAsync(cancellationToken);
        return asset;
    }

    /// <summary>
    /// Puts a new file behind an existing asset: same id (content keeps pointing at it), new hash, so every
    /// public URL changes and no cache serves the old picture.
    /// </summary>
    public async Task<Result<MediaAsset>> ReplaceAsync(string id, Stream content, string? fileName, CancellationToken cancellationToken = default)
    {
        var asset = await db.Set<MediaAsset>().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (asset is null)
        {
            return MediaRefusals.NotFound();
        }

        var processed = await ProcessAsync(content, asset.Alt.Length > 0 ? asset.Alt : null, altRequired: true, cancellationToken);
        if (processed.Value is not { } file)
        {
            return processed.Failure!;
        }

        if (file.Format.IsImage() != asset.Format.IsImage())
        {
            return MediaRefusals.Invalid("file", asset.Format.IsImage() ? "图片只能用图片替换" : "文档只能用文档替换");
        }

        var image = file.File;
        var (oldHash, oldFormat) = (asset.Hash, asset.Format);
        asset.Format = file.Format;
        asset.Hash = await StoreAsync(file.Format, image.Bytes, cancellationToken);
        asset.Length = image.Bytes.Length;
        asset.Width = image.Width;
        asset.Height = image.Height;
        asset.FileName = fileName is null ? asset.FileName : MediaText.CleanFileName(fileName, file.Format);
        asset.ModifiedUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        // A file is often replaced because it must not be shown: its bytes go unless another asset has them.
        if (oldHash != asset.Hash && !await db.Set<MediaAsset>().AnyAsync(a => a.Hash == oldHash, cancellationToken))
        {
            await store.DeleteAsync(MediaKeys.Original(oldHash, oldFormat), cancellationToken);
            await store.DeleteAsync(MediaKeys.Source(oldHash), cancellationToken);
            await store.DeletePrefixAsync(MediaKeys.VariantFolder(oldHash), cancellationToken);
        }

        return asset;
    }

    /// <summary>
    /// Every check an upload passes (size, signature, structure, PDF scripts, image header, re-encoding without
    /// metadata), for files kept outside the library, such as a member's proposal attachments. Nothing is
    /// stored; no alt text is asked for, as such a file is only ever downloaded. The caller decides which of
    /// the accepted formats it takes.
    /// </summary>
    internal Task<Result<CheckedFile>> CheckAsync(Stream content, CancellationToken cancellationToken = default) =>
        ProcessAsync(content, null, altRequired: false, cancellationToken);

    private async Task<Result<CheckedFile>> ProcessAsync(Stream content, string? alt, bool altRequired, CancellationToken cancellationToken)
    {
        var data = await ReadLimitedAsync(content, options.MaxFileBytes, cancellationToken);
        if (data is null)
        {
            return MediaRefusals.TooLarge($"文件超过 {MediaText.Size(options.MaxFileBytes)} 的上限");
        }

        var inspection = FileSignatures.Inspect(data);
        if (inspection.Format is not { } format)
        {
            return data.Length == 0 ? MediaRefusals.Invalid("file", inspection.Problem!) : MediaRefusals.Unsupported(inspection.Problem!);
        }

        if (inspection.Problem is { } broken)
        {
            return MediaRefusals.Invalid("file", broken);
        }

        if (!format.IsImage())
        {
            return new CheckedFile(format, new ProcessedImage(data, 0, 0));
        }

        if (altRequired && string.IsNullOrWhiteSpace(alt))
        {
            return MediaRefusals.Invalid("alt", "图片必须填写替代文字（alt），供读屏软件向视障读者说明图片内容");
        }

        try
        {
            images.Identify(data, inspection.Frames);
            return new CheckedFile(format, await images.RunAsync(() => images.Reencode(data, format), cancellationToken));
        }
        catch (ImageRefusedException e)
        {
            return MediaRefusals.Invalid("file", e.Message);
        }
    }

    private async Task<string> StoreAsync(MediaFormat format, byte[] bytes, CancellationToken cancellationToken)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var key = MediaKeys.Original(hash, format);
        if (!await store.ExistsAsync(key, cancellationToken))
        {
            await store.SaveAsync(key, bytes, cancellationToken);
        }

        return hash;
    }

    /// <summary>Reads at most <paramref name="limit"/> bytes; null as soon as one more arrives, without reading on.</summary>
    public static async Task<byte[]?> ReadLimitedAsync(Stream content, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
