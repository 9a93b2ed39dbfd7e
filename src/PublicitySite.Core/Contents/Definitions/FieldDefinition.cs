namespace PublicitySite.Contents.Definitions;

/// <summary>One field of a part, as the recipe declares it.</summary>
public sealed record FieldDefinition
{
    public required string Name { get; init; }

    public string? DisplayName { get; init; }

    public FieldType Type { get; init; } = FieldType.Text;

    public bool Required { get; init; }

    public int? MaxLength { get; init; }

    /// <summary>Allowed values of a Choice field (or of each item of a TextList when given).</summary>
    public IReadOnlyList<string>? Options { get; init; }

    /// <summary>For ContentPicker: the content type picked.</summary>
    public string? ContentType { get; init; }

    /// <summary>For ContentPicker: more than one item may be picked.</summary>
    public bool Multiple { get; init; }

    /// <summary>For Object and ObjectList: the sub-fields.</summary>
    public IReadOnlyList<FieldDefinition>? Fields { get; init; }

    /// <summary>Stored for the office but never shown to the public: not in pages, API, search or feeds.</summary>
    public bool Private { get; init; }

    public string? Hint { get; init; }

    /// <summary>For Media: what the field takes, <c>image</c> (the default, e.g. a cover) or <c>document</c> (a PDF).</summary>
    public string? Accept { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    public bool TakesImages => Type == FieldType.Media && Accept is null or MediaAccept.Image;

    [System.Text.Json.Serialization.JsonIgnore]
    public string Label => DisplayName ?? Name;
}

/// <summary>Values of <see cref="FieldDefinition.Accept"/>.</summary>
internal static class MediaAccept
{
    public const string Image = "image";
    public const string Document = "document";
}
