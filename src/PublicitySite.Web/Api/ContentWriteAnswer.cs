using PublicitySite.Workflow;

namespace PublicitySite.Web.Api;

/// <summary>
/// What the write API answers after a workflow command: the version as it now stands, the stage it waits at,
/// and after a save the 错敏词 found in the new text (a warning; submitting is what they stop).
/// </summary>
internal sealed record ContentWriteAnswer(string Id, int Version, string Status, string StatusLabel, string? Stage, string ContentHash, IReadOnlyList<WordHitAnswer>? Words)
{
    public static ContentWriteAnswer Of(WorkflowChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var v = change.Version;
        return new(v.ContentItemId, v.Number, v.Status.ToString(), WorkflowService.StatusLabel(v.Status), change.StageName, v.ContentHash,
            change.WordCheck?.Hits.Select(h => new WordHitAnswer(h.Field, h.Term, h.Replacement, h.Level.ToString(), h.Note)).ToList());
    }
}

/// <summary>One term the 错敏词 check found: where, which, what to write instead, and how serious.</summary>
internal sealed record WordHitAnswer(string Field, string Term, string? Replacement, string Level, string? Note);
