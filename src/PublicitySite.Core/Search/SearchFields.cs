namespace PublicitySite.Search;

/// <summary>Names of the fields in the index. Text is folded (<see cref="TextFolding"/>) before it gets here.</summary>
internal static class SearchFields
{
    /// <summary>Item id: every document of an item is replaced together.</summary>
    public const string Id = "id";

    /// <summary>"1" on the document of the published version, unless the item may not be shown publicly.</summary>
    public const string Public = "pub";

    /// <summary>"1" on the document of the latest version, which the office searches.</summary>
    public const string Staff = "staff";

    public const string Type = "type";
    public const string Column = "column";
    public const string Year = "year";
    public const string Sector = "sector";
    public const string Status = "status";

    /// <summary>Publication (or, for drafts, modification) time in ticks: sorting and tie-breaking.</summary>
    public const string Date = "date";

    // CJK bigrams (every run of Chinese characters as overlapping pairs): what recall rests on.
    public const string Title = "title";
    public const string Names = "names";
    public const string Meta = "meta";
    public const string Body = "body";

    // Title words (SmartCn): ranking leans on them besides phrases. Bodies get bigrams only: SmartCn over
    // whole bodies cost four times the rest of indexing and did not change the relevance set's figures.
    public const string TitleWords = "title_w";

    // Stored as written, for results and snippets.
    public const string StoredTitle = "s_title";
    public const string StoredText = "s_text";
    public const string StoredUrl = "s_url";
    public const string StoredVersion = "s_version";
    public const string StoredState = "s_state";

    /// <summary>Each name (member, proposer, author) as one term, so the dictionary can be reloaded from the index.</summary>
    public const string NameTerms = "nm";

    public static readonly string[] Facets = [Type, Column, Year, Sector, Status];
}
