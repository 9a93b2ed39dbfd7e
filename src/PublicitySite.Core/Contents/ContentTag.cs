namespace PublicitySite.Contents;

/// <summary>A tag of a version, in its own table so tag filters use an index instead of scanning JSON.</summary>
public sealed class ContentTag
{
    public long VersionId { get; init; }

    public required string Tag { get; init; }
}
