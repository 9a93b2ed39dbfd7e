namespace PublicitySite.Storage;

/// <summary>A named JSON document: the applied site definition, settings edited in the admin, and the like.</summary>
public sealed class StoredDocument
{
    public required string Key { get; init; }

    public required string Json { get; set; }

    public DateTime UpdatedUtc { get; set; }
}
