using PublicitySite.Commands;

namespace PublicitySite.Media;

/// <summary>
/// The media library's refusals as command failures. Their titles name the file (文件过大, not the general
/// 内容过大) because the library's pages show the title before the detail.
/// </summary>
public static class MediaRefusals
{
    public const string Missing = "媒体文件不存在";

    /// <summary>The file or a detail sent with it (<paramref name="field"/>: file, alt, caption, …) is not acceptable (400).</summary>
    public static Failure Invalid(string field, string detail) => new Failure.Invalid([new FieldError(field, detail)], "文件未被接收");

    /// <summary>The file is larger than the limit (413).</summary>
    public static Failure TooLarge(string detail) => new Failure.TooLarge(detail) with { Title = "文件过大" };

    /// <summary>The bytes are not one of the accepted types (415).</summary>
    public static Failure Unsupported(string detail) => new Failure.Unsupported(detail) with { Title = "文件类型不受支持" };

    public static Failure NotFound() => new Failure.NotFound(Missing);

    /// <summary>Content still refers to the asset (409); the problem details list it under <c>usedBy</c>.</summary>
    public static Failure InUse(string detail, IReadOnlyList<MediaUsageEntry> usages) => new Failure.Conflict(detail, "媒体文件仍在使用中")
    {
        Extensions = new Dictionary<string, object?> { ["usedBy"] = usages },
    };
}

/// <summary>A content item that uses an asset, for the library's "used by" list.</summary>
public sealed record MediaUsageEntry(string ContentItemId, string ContentType, string Title, bool Published, string? Path)
{
    /// <summary>The proposal's number (第五届第一次会议第0012号) when the use is one of its records, not its text.</summary>
    public string? Number { get; init; }

    /// <summary>How it is used when not as part of the item's text or fields (e.g. 提案答复); null for content.</summary>
    public string? Use { get; init; }
}
