namespace PublicitySite.Contents.Definitions;

/// <summary>A content type as the recipe defines it: its parts and where its items live on the site.</summary>
public sealed record ContentTypeDefinition
{
    public required string Name { get; init; }

    public string? DisplayName { get; init; }

    public IReadOnlyList<string> Parts { get; init; } = [];

    /// <summary>
    /// Public path pattern, e.g. <c>news/{year}/{slug}</c>. <c>{year}</c> is the year of first publication,
    /// <c>{slug}</c> the item's slug (or its id when it has none). Null for types with no page of their own.
    /// </summary>
    public string? Route { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    public string Label => DisplayName ?? Name;
}
