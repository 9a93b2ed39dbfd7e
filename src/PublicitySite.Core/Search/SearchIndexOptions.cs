namespace PublicitySite.Search;

/// <summary>How the index follows the change log (configuration section <c>Search</c>).</summary>
public sealed class SearchIndexOptions
{
    public const string Section = "Search";

    /// <summary>How often the change log is read without a nudge: the bound on how stale a node's search can be.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a change-log id seen missing is waited for before it is taken for a rolled-back transaction.</summary>
    public TimeSpan GapTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often the index is compared with the database (document count and versions) and repaired.</summary>
    public TimeSpan ConsistencyInterval { get; set; } = TimeSpan.FromMinutes(10);
}
