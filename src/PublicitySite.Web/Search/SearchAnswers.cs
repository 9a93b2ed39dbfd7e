namespace PublicitySite.Web.Search;

/// <summary>
/// <c>GET /api/search</c> and <c>/api/admin/search</c>: one page of hits with the words searched, the facet counts
/// and, when nothing or only part matched, a message and suggestions.
/// </summary>
internal sealed record SearchAnswer(
    string Query,
    int Total,
    int Page,
    int PageSize,
    IReadOnlyList<string> Terms,
    bool Partial,
    bool Truncated,
    string? Message,
    IReadOnlyList<string> Suggestions,
    IReadOnlyList<SearchHitAnswer> Items,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Facets);

/// <summary>One hit; <c>version</c> and <c>status</c> only in the office's search, which sees drafts.</summary>
internal sealed record SearchHitAnswer(
    string Id,
    string Type,
    string Title,
    string TitleHtml,
    string? Url,
    string Snippet,
    DateTimeOffset? PublishedUtc,
    string? Column,
    int? Version,
    string? Status);

/// <summary><c>GET /api/search/suggest</c>: committee words and names that begin as typed.</summary>
internal sealed record SuggestAnswer(IReadOnlyList<string> Items);

/// <summary>The synonym list: each group's words find each other.</summary>
internal sealed record SynonymsAnswer(IReadOnlyList<IReadOnlyList<string>> Groups);

/// <summary>The index's state and the progress of a rebuild, for the office and monitoring.</summary>
internal sealed record SearchStatusAnswer(
    string State,
    string Label,
    bool Ready,
    bool Rebuilding,
    int Documents,
    string? Generation,
    DateTime? LastRebuildUtc,
    int? Done,
    int? Total,
    string? LastError);
