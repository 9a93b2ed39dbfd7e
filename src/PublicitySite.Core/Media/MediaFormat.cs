namespace PublicitySite.Media;

/// <summary>The only kinds of file the site accepts, each decided from the file's own bytes.</summary>
public enum MediaFormat
{
    Jpeg,
    Png,
    Gif,
    Webp,
    Pdf,
}

public static class MediaFormats
{
    /// <summary>What a refusal names, so an editor knows what to send instead.</summary>
    public const string AcceptedList = "JPEG、PNG、WebP、GIF 图片或 PDF 文档";

    public static bool IsImage(this MediaFormat format) => format != MediaFormat.Pdf;

    public static string ContentType(this MediaFormat format) => format switch
    {
        MediaFormat.Jpeg => "image/jpeg",
        MediaFormat.Png => "image/png",
        MediaFormat.Gif => "image/gif",
        MediaFormat.Webp => "image/webp",
        _ => "application/pdf",
    };

    public static string Extension(this MediaFormat format) => format switch
    {
        MediaFormat.Jpeg => "jpg",
        MediaFormat.Png => "png",
        MediaFormat.Gif => "gif",
        MediaFormat.Webp => "webp",
        _ => "pdf",
    };
}
