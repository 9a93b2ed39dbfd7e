namespace PublicitySite.Contents.Definitions;

/// <summary>A role with its Chinese name and permissions, optionally limited to some types and columns.</summary>
public sealed record RoleDefinition
{
    public required string Name { get; init; }

    public required string DisplayName { get; init; }

    public IReadOnlyList<string> Permissions { get; init; } = [];

    /// <summary>Content types the role's content permissions apply to; empty means all.</summary>
    public IReadOnlyList<string> ContentTypes { get; init; } = [];

    /// <summary>Columns the role's content permissions apply to; empty means all.</summary>
    public IReadOnlyList<string> Columns { get; init; } = [];
}
