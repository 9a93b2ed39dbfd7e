using PublicitySite.Contents;
using PublicitySite.Words;

namespace PublicitySite.Workflow;

public enum WorkflowOutcome
{
    Ok,
    NotFound,
    Invalid,
    Forbidden,
    Conflict,

    /// <summary>The 错敏词 check found terms that stop the submission or need an explicit 已核对.</summary>
    WordsFound,
}

/// <summary>What a workflow action did, or why it did nothing (in Chinese, for the person who tried).</summary>
public sealed record WorkflowResult(WorkflowOutcome Outcome, ContentItemVersion? Version, IReadOnlyList<string> Errors)
{
    public bool Succeeded => Outcome == WorkflowOutcome.Ok;

    public int? CurrentVersion { get; init; }

    public WordCheckResult? WordCheck { get; init; }

    /// <summary>The stage the version waits at after the action, or null when it is not in review.</summary>
    public string? StageName { get; init; }

    public static WorkflowResult Ok(ContentItemVersion version, string? stage = null) => new(WorkflowOutcome.Ok, version, []) { StageName = stage };

    public static WorkflowResult NotFound() => new(WorkflowOutcome.NotFound, null, ["内容不存在"]);

    public static WorkflowResult Invalid(params IReadOnlyList<string> errors) => new(WorkflowOutcome.Invalid, null, errors);

    public static WorkflowResult Forbidden(string reason) => new(WorkflowOutcome.Forbidden, null, [reason]);

    public static WorkflowResult Conflict(string reason, int? current = null) => new(WorkflowOutcome.Conflict, null, [reason]) { CurrentVersion = current };

    public static WorkflowResult From(ContentResult result) => result.Outcome switch
    {
        ContentOutcome.Ok => Ok(result.Version!),
        ContentOutcome.NotFound => NotFound(),
        ContentOutcome.Conflict => new(WorkflowOutcome.Conflict, null, result.Errors) { CurrentVersion = result.CurrentVersion },
        _ => new(WorkflowOutcome.Invalid, null, result.Errors),
    };
}
