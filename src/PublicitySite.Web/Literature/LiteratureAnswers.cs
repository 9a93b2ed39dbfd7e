using PublicitySite.Contents;

namespace PublicitySite.Web.Literature;

/// <summary>A list of the API with its length: the collections, or one collection's articles.</summary>
internal sealed record LiteratureListAnswer<TItem>(int Total, IReadOnlyList<TItem> Items);

/// <summary>One collection (辑) as lists show it.</summary>
internal sealed record CollectionAnswer(
    string Id,
    string Title,
    string Url,
    int? Number,
    int? Year,
    string? Topic,
    string? Editor,
    string? Cover,
    string? Pdf,
    string? Summary,
    int ArticleCount,
    bool Sample);

/// <summary>One article in a collection's contents.</summary>
internal sealed record ArticleAnswer(string Id, string Title, string Url, string? Collection, int? Order, string? Pages, string? Credits, string? Period, string? Place);

/// <summary><c>GET /api/literature/collections/{id}</c>: the collection, its description and its contents in order.</summary>
internal sealed record CollectionDetailAnswer(CollectionAnswer Item, string? DescriptionHtml, IReadOnlyList<ArticleAnswer> Articles);

/// <summary><c>GET /api/literature/articles/{id}</c>: the full text, and the address that cites this version.</summary>
internal sealed record ArticleDetailAnswer(ContentView Item, string CitationUrl, string ContentHash);
