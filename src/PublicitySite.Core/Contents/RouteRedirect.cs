namespace PublicitySite.Contents;

/// <summary>An old public path of an item, kept so links made before a retitle still arrive (301).</summary>
public sealed class RouteRedirect
{
    public required string Path { get; init; }

    public required string ContentItemId { get; init; }

    public DateTime CreatedUtc { get; init; }
}
