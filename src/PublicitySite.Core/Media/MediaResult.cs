namespace PublicitySite.Media;

public enum MediaProblemKind
{
    /// <summary>The file or the details sent with it are not acceptable (400).</summary>
    Invalid,

    /// <summary>The file is larger than the limit (413).</summary>
    TooLarge,

    /// <summary>The bytes are not one of the accepted types (415).</summary>
    UnsupportedType,

    NotFound,

    /// <summary>Content still refers to the asset (409).</summary>
    InUse,
}

/// <summary>A refusal in Chinese, with the kind the API turns into a status code.</summary>
public sealed record MediaProblem(MediaProblemKind Kind, string Title, string Detail);

/// <summary>The asset, or why there is none.</summary>
public sealed record MediaResult(MediaAsset? Asset, MediaProblem? Problem, IReadOnlyList<MediaUsageEntry>? Usages = null)
{
    public bool Succeeded => Problem is null;

    public static MediaResult Ok(MediaAsset asset) => new(asset, null);

    public static MediaResult Fail(MediaProblemKind kind, string detail, IReadOnlyList<MediaUsageEntry>? usages = null) => new(null, new MediaProblem(kind, TitleOf(kind), detail), usages);

    private static string TitleOf(MediaProblemKind kind) => kind switch
    {
        MediaProblemKind.TooLarge => "文件过大",
        MediaProblemKind.UnsupportedType => "文件类型不受支持",
        MediaProblemKind.NotFound => "媒体文件不存在",
        MediaProblemKind.InUse => "媒体文件仍在使用中",
        _ => "文件未被接收",
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
