namespace PublicitySite.Contents.Definitions;

/// <summary>A 栏目: a named list of items of one type, with its own page and feed.</summary>
public sealed record ColumnDefinition
{
    /// <summary>The column's name as readers see it and as items store it, e.g. 政协要闻.</summary>
    public required string Name { get; init; }

    /// <summary>ASCII key used in URLs, e.g. <c>yaowen</c> for /column/yaowen.</summary>
    public required string Key { get; init; }

    public required string ContentType { get; init; }

    public int Order { get; init; }

    public string? Description { get; init; }

    /// <summary>Shown on the home page as a block of its own.</summary>
    public bool OnHome { get; init; } = true;

    /// <summary>A picture column (图片新闻): shown as a grid of covers, and its items must have a cover.</summary>
    public bool Pictures { get; init; }

    /// <summary>
    /// 信息归档: items older than this many years leave the lists and the home page but keep their address.
    /// Null follows the site setting <c>ArchiveYears</c>; 0 never archives (领导讲话, 文史).
    /// </summary>
    public int? ArchiveAfterYears { get; init; }
}
