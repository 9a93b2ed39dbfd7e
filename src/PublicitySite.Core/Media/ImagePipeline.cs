using Microsoft.Extensions.Options;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.Memory;
using SixLabors.ImageSharp.Processing;

namespace PublicitySite.Media;

/// <summary>An image after the pipeline: stored bytes and their size in pixels.</summary>
public sealed record ProcessedImage(byte[] Bytes, int Width, int Height);

/// <summary>Why an image was refused, in words an editor can act on.</summary>
public sealed class ImageRefusedException(string message) : Exception(message);

/// <summary>
/// ImageSharp behind the defences its 2.x line needs: only the four accepted formats are registered, the
/// header is identified (and oversized images refused) before any pixel is decoded, and the allocator refuses
/// any single buffer above a limit, so a file that lies about its size fails in milliseconds instead of taking
/// gigabytes.
/// </summary>
public sealed class ImagePipeline : IDisposable
{
    private const string Unreadable = "图片文件头无法读取，文件可能已损坏或并非真正的图片";

    // Decoding is memory- and CPU-heavy: one image per core at a time, however many uploads and variant
    // requests arrive together, so a burst queues instead of exhausting memory.
    private readonly SemaphoreSlim gate = new(Environment.ProcessorCount, Environment.ProcessorCount);
    private readonly Lazy<Configuration> configuration;
    private readonly MediaOptions options;

    public ImagePipeline(IOptions<MediaOptions> settings)
    {
        options = settings.Value;
        configuration = new(Configure);
    }

    // Made with the first image, not at start-up: a site that serves no upload that day never loads ImageSharp.
    private Configuration Configure() =>
        new(new JpegConfigurationModule(), new PngConfigurationModule(), new GifConfigurationModule(), new WebpConfigurationModule())
        {
            MemoryAllocator = MemoryAllocator.Create(new MemoryAllocatorOptions { AllocationLimitMegabytes = options.DecoderMemoryMegabytes }),
        };

    /// <summary>Runs image work off the request thread, within the per-core limit.</summary>
    public async Task<T> RunAsync<T>(Func<T> work, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await Task.Run(work, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose() => gate.Dispose();

    /// <summary>Reads the size from the header and refuses what is too large; nothing is decoded.</summary>
    public (int Width, int Height) Identify(byte[] data, int frames)
    {
        IImageInfo? info;
        try
        {
            info = Image.Identify(configuration.Value, data, out _);
        }
        catch (Exception e) when (IsDecoderFailure(e))
        {
            throw new ImageRefusedException(Unreadable);
        }

        if (info is null)
        {
            throw new ImageRefusedException(Unreadable);
        }

        var megapixels = (double)info.Width * info.Height / 1_000_000;
        if (info.Width <= 0 || info.Height <= 0)
        {
            throw new ImageRefusedException("图片的宽度或高度为 0");
        }

        if (info.Width > options.MaxSide || info.Height > options.MaxSide || megapixels > options.MaxMegapixels)
        {
            throw new ImageRefusedException(
                $"图片尺寸过大（{info.Width}×{info.Height} 像素）。每边不超过 {options.MaxSide} 像素、总计不超过 {options.MaxMegapixels:0.#} 百万像素");
        }

        if (megapixels * frames > options.MaxTotalMegapixels)
        {
            throw new ImageRefusedException($"动图帧数过多（{frames} 帧），解码所需内存超出限制");
        }

        return (info.Width, info.Height);
    }

    /// <summary>
    /// Decodes and encodes again in the same format: EXIF, XMP, IPTC, ICC and text chunks are dropped (a
    /// phone photo's GPS position never reaches the public) after the EXIF orientation is applied to the pixels.
    /// Any markup hidden in the original does not survive either.
    /// </summary>
    public ProcessedImage Reencode(byte[] data, MediaFormat format)
    {
        using var image = Load(data);
        image.Mutate(x => x.AutoOrient());
        StripMetadata(image);
        using var output = new MemoryStream();
        image.Save(output, EncoderFor(format));
        return new ProcessedImage(output.ToArray(), image.Width, image.Height);
    }

    /// <summary>
    /// A reduced copy of a large photo that is still at least <paramref name="minWidth"/> wide and
    /// <paramref name="minHeight"/> high, so every variant can be cut from it without decoding the full original
    /// again (decoding a 12-megapixel JPEG is most of a variant's cost). Null when the original is small enough.
    /// </summary>
    public ProcessedImage? MakeSource(byte[] original, int minWidth, int minHeight)
    {
        using var image = Load(original);
        var scale = Math.Max((double)minWidth / image.Width, (double)minHeight / image.Height);
        if (scale > 0.75)
        {
            return null;
        }

        image.Mutate(x => x.Resize((int)Math.Ceiling(image.Width * scale), (int)Math.Ceiling(image.Height * scale)));
        using var output = new MemoryStream();
        image.Save(output, new JpegEncoder { Quality = 95 });
        return new ProcessedImage(output.ToArray(), image.Width, image.Height);
    }

    /// <summary>Makes one variant: fit within the width, or crop to the box around the focal point.</summary>
    public ProcessedImage Resize(byte[] original, VariantProfile profile, double focalX, double focalY, bool webp)
    {
        using var image = Load(original);
        // Variants are stills: the first frame of an animation.
        while (image.Frames.Count > 1)
        {
            image.Frames.RemoveFrame(image.Frames.Count - 1);
        }

        var resize = profile.Crop
            ? new ResizeOptions
            {
                Size = new Size(profile.Width, profile.Height!.Value),
                Mode = ResizeMode.Crop,
                CenterCoordinates = new PointF((float)Math.Clamp(focalX, 0, 1), (float)Math.Clamp(focalY, 0, 1)),
            }
            : new ResizeOptions { Size = new Size(profile.Width, 0), Mode = ResizeMode.Max };
        if (profile.Crop || image.Width > profile.Width)
        {
            image.Mutate(x => x.Resize(resize));
        }

        if (!webp)
        {
            // JPEG has no transparency: lay a transparent logo on white rather than on black.
            image.Mutate(x => x.BackgroundColor(Color.White));
        }

        StripMetadata(image);
        using var output = new MemoryStream();
        image.Save(output, webp ? Webp(options.WebpQuality) : new JpegEncoder { Quality = options.JpegQuality });
        return new ProcessedImage(output.ToArray(), image.Width, image.Height);
    }

    private Image Load(byte[] data)
    {
        try
        {
            return Image.Load(configuration.Value, data);
        }
        catch (Exception e) when (IsDecoderFailure(e))
        {
            throw new ImageRefusedException(e is InvalidMemoryOperationException
                ? "图片解码所需内存超出限制，文件可能是恶意构造的“解压炸弹”"
                : "图片内容已损坏或不完整，无法解码");
        }
    }

    private static bool IsDecoderFailure(Exception e) =>
        e is ImageFormatException or UnknownImageFormatException or InvalidImageContentException or InvalidMemoryOperationException
            or NotSupportedException or IndexOutOfRangeException or ArgumentException or OverflowException;

    private static void StripMetadata(Image image)
    {
        image.Metadata.ExifProfile = null;
        image.Metadata.XmpProfile = null;
        image.Metadata.IptcProfile = null;
        image.Metadata.IccProfile = null;
        image.Metadata.GetPngMetadata().TextData.Clear();
        image.Metadata.GetGifMetadata().Comments.Clear();
        foreach (var frame in image.Frames)
        {
            frame.Metadata.ExifProfile = null;
            frame.Metadata.XmpProfile = null;
            frame.Metadata.IptcProfile = null;
            frame.Metadata.IccProfile = null;
        }
    }

    private WebpEncoder Webp(int quality) =>
        new() { Quality = quality, Method = (WebpEncodingMethod)Math.Clamp(options.WebpMethod, 0, 6), FileFormat = WebpFileFormatType.Lossy };

    private IImageEncoder EncoderFor(MediaFormat format) => format switch
    {
        MediaFormat.Png => new PngEncoder { CompressionLevel = PngCompressionLevel.DefaultCompression },
        MediaFormat.Gif => new GifEncoder(),
        MediaFormat.Webp => Webp(Math.Max(options.WebpQuality, 90)),
        _ => new JpegEncoder { Quality = Math.Max(options.JpegQuality, 90) },
    };
}
