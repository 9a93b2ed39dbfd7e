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
}
