namespace PublicitySite.Media;

/// <summary>The only kinds of file the site accepts, each decided from the file's own bytes.</summary>
/// <remarks>Stored by name, so new kinds go anywhere in the list.</remarks>
public enum MediaFormat
{
    Jpeg,
    Png,
    Gif,
    Webp,
    Pdf,

    /// <summary>Word 97–2003 (.doc): years of old attachments on committee sites are in it.</summary>
    Doc,

    /// <summary>Excel 97–2003 (.xls).</summary>
    Xls,
    Docx,
    Xlsx,
}

public static class MediaFormats
{
    /// <summary>What a refusal names, so an editor knows what to send instead.</summary>
    public const string AcceptedList = "JPEG、PNG、WebP、GIF 图片，PDF 文档，或 Word、Excel 文件（.doc/.docx/.xls/.xlsx）";

    /// <summary>The formats that are pictures, for queries that filter the library by kind.</summary>
    public static readonly IReadOnlyList<MediaFormat> Images = [MediaFormat.Jpeg, MediaFormat.Png, MediaFormat.Gif, MediaFormat.Webp];

    public static bool IsImage(this MediaFormat format) => format is MediaFormat.Jpeg or MediaFormat.Png or MediaFormat.Gif or MediaFormat.Webp;

    /// <summary>Office files are handed over as downloads: a browser has no business rendering them.</summary>
    public static bool IsOffice(this MediaFormat format) => format is MediaFormat.Doc or MediaFormat.Xls or MediaFormat.Docx or MediaFormat.Xlsx;

    public static string ContentType(this MediaFormat format) => format switch
    {
        MediaFormat.Jpeg => "image/jpeg",
        MediaFormat.Png => "image/png",
        MediaFormat.Gif => "image/gif",
        MediaFormat.Webp => "image/webp",
        MediaFormat.Doc => "application/msword",
        MediaFormat.Xls => "application/vnd.ms-excel",
        MediaFormat.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        MediaFormat.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        _ => "application/pdf",
    };

    public static string Extension(this MediaFormat format) => format switch
    {
        MediaFormat.Jpeg => "jpg",
        MediaFormat.Png => "png",
        MediaFormat.Gif => "gif",
        MediaFormat.Webp => "webp",
        MediaFormat.Doc => "doc",
        MediaFormat.Xls => "xls",
        MediaFormat.Docx => "docx",
        MediaFormat.Xlsx => "xlsx",
        _ => "pdf",
    };
}
