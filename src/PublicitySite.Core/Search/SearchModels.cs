namespace PublicitySite.Search;

public enum SearchSort
{
    Relevance,
    Newest,
    Oldest,
}

/// <summary>Who is searching: readers see published items; the office sees the latest version of what its role may see.</summary>
public enum SearchScope
{
    Public,
    Staff,
}

public sealed record SearchRequest
{
    public string? Query { get; init; }

    public string? Type { get; init; }

    public string? Column { get; init; }

    public string? Year { get; init; }

    public string? Sector { get; init; }

    public string? Status { get; init; }

    public SearchSort Sort { get; init; } = SearchSort.Relevance;

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 10;

    public SearchScope Scope { get; init; } = SearchScope.Public;

    /// <summary>For <see cref="SearchScope.Staff"/>: the types the user's role may see; empty means all.</summary>
    public IReadOnlyList<string> AllowedTypes { get; init; } = [];

    /// <summary>含归档信息: false leaves out items older than their column's archive window (<see cref="ArchivedBefore"/>).</summary>
    public bool IncludeArchived { get; init; } = true;

    /// <summary>Per column name, the time (UTC) before which its items are archived; read when <see cref="IncludeArchived"/> is false.</summary>
    public IReadOnlyDictionary<string, DateTime> ArchivedBefore { get; init; } = new Dictionary<string, DateTime>();

    public bool HasFilters => Type is not null || Column is not null || Year is not null || Sector is not null || Status is not null || ExcludesArchived;

    internal bool ExcludesArchived => !IncludeArchived && ArchivedBefore.Count > 0;
}

public sealed record SearchHit(
    string Id,
    string Type,
    string Title,
    string TitleHtml,
    string? Url,
    string Snippet,
    DateTimeOffset? PublishedUtc,
    string? Column,
    int Version,
    string State,
    float Score);

public sealed record SearchResult
{
    public int Total { get; init; }

    public int Page { get; init; }

    public int PageSize { get; init; }

    public IReadOnlyList<SearchHit> Items { get; init; } = [];

    /// <summary>Counts per value of type, column, year, sector and status over the query without its filters.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Facets { get; init; } = new Dictionary<string, IReadOnlyDictionary<string, int>>();

    /// <summary>The words the query was understood as (after folding and segmentation).</summary>
    public IReadOnlyList<string> Terms { get; init; } = [];

    /// <summary>True when no item held every word and the items shown hold only some of them.</summary>
    public bool Partial { get; init; }

    /// <summary>When nothing matched: words from the query (or related) that do find something.</summary>
    public IReadOnlyList<string> Suggestions { get; init; } = [];

    /// <summary>Set when the query was cut to <see cref="QueryPlanner.MaxQueryLength"/> characters.</summary>
    public bool Truncated { get; init; }

    public static SearchResult Empty(int page, int pageSize) => new() { Page = page, PageSize = pageSize };
}
