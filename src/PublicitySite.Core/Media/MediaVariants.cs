using Microsoft.Extensions.Options;

namespace PublicitySite.Media;

/// <summary>
/// Makes a variant on its first request and keeps it in the store. Requests for the same variant wait for one
/// another instead of all resizing; the pipeline runs at most one image per core at a time.
/// </summary>
public sealed class MediaVariants(IMediaStore store, ImagePipeline pipeline, IOptions<MediaOptions> settings) : IDisposable
{
    private readonly SemaphoreSlim[] stripes = Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    public IReadOnlyList<VariantProfile> Profiles => settings.Value.EffectiveProfiles;

    /// <summary>The store key of the variant, made now if it does not exist yet; null for a document.</summary>
    public async Task<string?> GetOrCreateAsync(MediaAsset asset, VariantProfile profile, bool webp, CancellationToken cancellationToken = default)
    {
        if (!asset.Format.IsImage())
        {
            return null;
        }

        var key = MediaKeys.Variant(asset.Hash, profile.Name, webp ? "webp" : "jpg");
        if (await store.ExistsAsync(key, cancellationToken))
        {
            return key;
        }

        var stripe = stripes[(int)((uint)StringComparer.Ordinal.GetHashCode(key) % stripes.Length)];
        await stripe.WaitAsync(cancellationToken);
        try
        {
            if (await store.ExistsAsync(key, cancellationToken))
            {
                return key;
            }

            var source = await LoadSourceAsync(asset, cancellationToken);
            var variant = await pipeline.RunAsync(() => pipeline.Resize(source, profile, asset.FocalX, asset.FocalY, webp), cancellationToken);
            await store.SaveAsync(key, variant.Bytes, cancellationToken);

            return key;
        }
        finally
        {
            stripe.Release();
        }
    }

    /// <summary>
    /// What variants are cut from: for a large JPEG a reduced copy made once and kept (decoding the full
    /// original is most of the cost), otherwise the original itself.
    /// </summary>
    private async Task<byte[]> LoadSourceAsync(MediaAsset asset, CancellationToken cancellationToken)
    {
        var sourceKey = MediaKeys.Source(asset.Hash);
        if (asset.Format == MediaFormat.Jpeg && await ReadAsync(sourceKey, cancellationToken) is { } kept)
        {
            return kept;
        }

        var original = await ReadAsync(MediaKeys.Original(asset.Hash, asset.Format), cancellationToken)
            ?? throw new FileNotFoundException($"The original of media {asset.Id} is missing from the store.");
        if (asset.Format != MediaFormat.Jpeg)
        {
            return original;
        }

        var minWidth = Profiles.Max(p => p.Width);
        var minHeight = Profiles.Where(p => p.Crop).Select(p => p.Height!.Value).DefaultIfEmpty(0).Max();
        var reduced = await pipeline.RunAsync(() => pipeline.MakeSource(original, minWidth, minHeight), cancellationToken);
        if (reduced is null)
        {
            return original;
        }

        await store.SaveAsync(sourceKey, reduced.Bytes, cancellationToken);
        return reduced.Bytes;
    }

    private async Task<byte[]?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        await using var stream = await store.OpenReadAsync(key, cancellationToken);
        if (stream is null)
        {
            return null;
        }

        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, cancellationToken);
        return copy.ToArray();
    }

    /// <summary>The width a profile gives this asset (never upscaled), for <c>srcset</c> descriptors.</summary>
    public static (int Width, int Height) SizeOf(MediaAsset asset, VariantProfile profile)
    {
        if (profile.Crop)
        {
            return (profile.Width, profile.Height!.Value);
        }

        var width = Math.Min(profile.Width, asset.Width);
        var height = asset.Width == 0 ? 0 : (int)Math.Round((double)asset.Height * width / asset.Width);
        return (width, Math.Max(1, height));
    }

    public void Dispose()
    {
        foreach (var stripe in stripes)
        {
            stripe.Dispose();
        }

    }
}
