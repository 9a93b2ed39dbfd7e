using PublicitySite.Contents;
using PublicitySite.Words;

namespace PublicitySite.Workflow;

/// <summary>
/// What a workflow command did: the version it wrote or moved, the stage that version now waits at (null when
/// it is not in review) and, after a save, the 错敏词 check of the new text as a warning.
/// </summary>
public sealed record WorkflowChange(ContentItemVersion Version, string? StageName = null, WordCheckResult? WordCheck = null);
