namespace PublicitySite.Contents.Definitions;

/// <summary>The review stages a content type passes before publication (三审 for news).</summary>
public sealed record WorkflowDefinition
{
    public required string ContentType { get; init; }

    public IReadOnlyList<WorkflowStage> Stages { get; init; } = [];
}

public sealed record WorkflowStage
{
    public required string Name { get; init; }

    /// <summary>The role whose members approve at this stage.</summary>
    public required string Role { get; init; }
}
