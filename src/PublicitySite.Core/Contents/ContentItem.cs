namespace PublicitySite.Contents;

/// <summary>
/// The stable identity of a piece of content. What readers see lives in <see cref="ContentItemVersion"/>;
/// this row only says which version is latest and which (at most one) is published.
/// </summary>
public sealed class ContentItem
{
    public required string Id { get; init; }

    public required string ContentType { get; init; }

    public required string Owner { get; init; }

    public DateTime CreatedUtc { get; init; }

    /// <summary>Root-relative public path without the leading slash, fixed when first published.</summary>
    public string? Path { get; set; }

    public int LatestVersion { get; set; }

    public int? PublishedVersion { get; set; }

    /// <summary>发布时间 shown to readers: the first publication, kept across later edits.</summary>
    public DateTime? FirstPublishedUtc { get; set; }

    /// <summary>Key of the seed or import file this item came from, so a second import skips it.</summary>
    public string? ImportKey { get; set; }

    public bool Deleted { get; set; }
}
