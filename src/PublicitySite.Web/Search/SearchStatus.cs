using PublicitySite.Search;

namespace PublicitySite.Web.Search;

/// <summary>The outcome of the last rebuild this process ran from the admin page or the API.</summary>
/// <param name="Done">Items processed, as the progress bar last showed them.</param>
/// <param name="Error">Why it failed (Chinese, for the page); null when it finished.</param>
public sealed record RebuildOutcome(DateTime FinishedUtc, int Documents, int Done, int Total, string? Error);

/// <summary>
/// The index as the office and monitoring see it: <c>ready</c> (search answers from a complete index),
/// <c>building</c> (a rebuild runs; search keeps answering from the old index if there is one) or
/// <c>unavailable</c> (no index open and no build running, e.g. after a failed build: search answers 503).
/// </summary>
public sealed record SearchStatus(
    string State,
    bool Searchable,
    int Documents,
    string? Generation,
    DateTime? LastRebuildUtc,
    (int Done, int Total)? Progress,
    RebuildOutcome? Last)
{
    public const string Ready = "ready";
    public const string Building = "building";
    public const string Unavailable = "unavailable";

    public string Label => State switch
    {
        Ready => "就绪",
        Building => Searchable ? "正在重建（搜索仍使用旧索引）" : "正在建立（搜索暂不可用）",
        _ => "不可用",
    };

    /// <param name="running">Whether a rebuild started here is still in hand (it may not have reported progress yet).</param>
    public static SearchStatus Describe(SearchIndexSnapshot index, bool running, RebuildOutcome? last)
    {
        ArgumentNullException.ThrowIfNull(index);
        var searchable = index.State == SearchIndexState.Ready;
        var state = index.Progress is not null || running ? Building : searchable ? Ready : Unavailable;
        return new SearchStatus(state, searchable, index.Documents, index.Generation, index.SwappedUtc ?? last?.FinishedUtc, index.Progress, last);
    }
}
