using PublicitySite.Commands;

namespace PublicitySite.Contents;

/// <summary>
/// The refusal content and workflow commands share: a version or status conflict names the version that is
/// current now, so the editor can show what changed and an API client can retry on top of it.
/// </summary>
public static class ContentFailures
{
    private const string CurrentVersionKey = "currentVersion";

    public static Failure.Conflict Conflict(string detail, int? current = null) =>
        new(detail, "版本或状态冲突") { Extensions = new Dictionary<string, object?> { [CurrentVersionKey] = current } };

    /// <summary>The current version a <see cref="Conflict"/> named, or null for any other failure.</summary>
    public static int? CurrentVersion(Failure? failure) =>
        failure is Failure.Conflict { Extensions: var extensions } && extensions.TryGetValue(CurrentVersionKey, out var value) && value is int current
            ? current
            : null;
}
