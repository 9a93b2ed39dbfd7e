namespace PublicitySite.Contents.Definitions;

/// <summary>A named group of fields that content types are built from.</summary>
public sealed record ContentPartDefinition
{
    public required string Name { get; init; }

    public string? DisplayName { get; init; }

    public IReadOnlyList<FieldDefinition> Fields { get; init; } = [];

    [System.Text.Json.Serialization.JsonIgnore]
    public string Label => DisplayName ?? Name;
}
