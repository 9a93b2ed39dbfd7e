namespace PublicitySite.Contents;

public enum ContentSort
{
    Newest,
    Oldest,
    Title,
    Modified,
}

/// <summary>A filter over published content, as lists, feeds and the API ask for it.</summary>
public sealed record ContentQuery
{
    public string? ContentType { get; init; }

    public string? Column { get; init; }

    public string? Tag { get; init; }

    public DateTime? FromUtc { get; init; }

    public DateTime? ToUtc { get; init; }

    /// <summary>Only these items (e.g. the ones a full-text query found); null means no such limit.</summary>
    public IReadOnlyCollection<string>? Ids { get; init; }

    public ContentSort Sort { get; init; } = ContentSort.Newest;

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 20;
}

/// <summary>A published version with the item facts a list needs.</summary>
public sealed record PublishedEntry(ContentItem Item, ContentItemVersion Version)
{
    public string Url => Item.Path is null ? $"/content/{Item.Id}" : "/" + Item.Path;
}

public sealed record Page<T>(int Total, int PageNumber, int PageSize, IReadOnlyList<T> Items)
{
    public int PageCount => PageSize == 0 ? 0 : (Total + PageSize - 1) / PageSize;
}
