using Microsoft.OpenApi;
using PublicitySite.Proposals;
using PublicitySite.Web.Proposals;
using PublicitySite.Web.Search;

namespace PublicitySite.Tests.Api;

/// <summary>
/// What each read of the API takes in its query string, written out here by hand from the handlers: the OpenAPI
/// document must list exactly these for every GET operation, with a length limit on free text and the values of
/// each closed set, so a client learns them from the document rather than from a 400.
/// </summary>
internal static class OpenApiQueryParameters
{
    private static readonly string[] Paging = ["page", "pageSize"];
    private static readonly string[] ProposalFilters = ["term", "meeting", "session", "status", "category", "unit", "key", "sector"];
    private static readonly string[] SearchFilters = ["q", "type", "column", "year", "sector", "status", "sort", "archived"];

    private static readonly Dictionary<string, string[]> Expected = new()
    {
        ["/api/content"] = ["q", "type", "column", "tag", "sort", "from", "to", .. Paging],
        ["/api/news"] = ["q", "column", "tag", "sort", "from", "to", .. Paging],
        ["/api/content/by-path"] = ["path"],
        ["/api/content/{id}"] = [],
        ["/api/content/{id}/versions"] = [],
        ["/api/search"] = [.. SearchFilters, .. Paging],
        ["/api/admin/search"] = [.. SearchFilters, .. Paging],
        ["/api/search/suggest"] = ["q"],
        ["/api/admin/search/status"] = [],
        ["/api/admin/search/synonyms"] = [],
        ["/api/members"] = ["term", "sector", "party", "q", .. Paging],
        ["/api/members/{id}"] = [],
        ["/api/proposals"] = [.. ProposalFilters, .. Paging],
        ["/api/proposals/{id}"] = [],
        ["/api/proposals/queue"] = [],
        ["/api/proposals/export"] = ["format", .. ProposalFilters],
        ["/api/media"] = ["q", "tag", "folder", "kind", .. Paging],
        ["/api/media/{id}"] = [],
        ["/api/literature/collections"] = [],
        ["/api/literature/collections/{id}"] = [],
        ["/api/literature/articles"] = ["collection"],
        ["/api/literature/articles/{id}"] = [],
        ["/api/graphql"] = ["query", "operationName"],
    };

    /// <summary>
    /// Free text: each has a maxLength. Other strings are closed sets, numbers or shapes the handler checks; the
    /// search query is cut rather than refused (its answer says truncated), so it has none.
    /// </summary>
    private static readonly string[] FreeText =
    [
        "/api/content q", "/api/content tag", "/api/news q", "/api/news tag",
        "/api/search sector", "/api/admin/search sector", "/api/search/suggest q",
        "/api/members term", "/api/members sector", "/api/members party", "/api/members q",
        "/api/proposals category", "/api/proposals unit", "/api/proposals sector",
        "/api/proposals/export category", "/api/proposals/export unit", "/api/proposals/export sector",
        "/api/media q", "/api/media tag", "/api/media folder", "/api/content/by-path path",
    ];

    private static readonly Dictionary<string, string[]> Closed = new()
    {
        ["/api/content sort"] = ["newest", "oldest", "title", "modified"],
        ["/api/news sort"] = ["newest", "oldest", "title", "modified"],
        ["/api/search sort"] = ["relevance", "date", "oldest"],
        ["/api/admin/search sort"] = ["relevance", "date", "oldest"],
        ["/api/search archived"] = ["1", "0"],
        ["/api/admin/search archived"] = ["1", "0"],
        ["/api/search status"] = [.. ProposalNames.AllStatuses],
        ["/api/admin/search status"] = [.. ProposalNames.AllStatuses],
        ["/api/proposals status"] = [.. ProposalNames.AllStatuses],
        ["/api/proposals/export status"] = [.. ProposalNames.AllStatuses],
        ["/api/proposals key"] = ["true", "false"],
        ["/api/proposals/export key"] = ["true", "false"],
        ["/api/proposals/export format"] = ["docx", "xlsx"],
        ["/api/media kind"] = ["image", "document"],
    };

    public static void AssertDescribed(OpenApiDocument document)
    {
        // The lists that refuse an unknown parameter by name accept exactly what they describe.
        Assert.Equal(SearchRequestParser.Known.Order(StringComparer.Ordinal), Expected["/api/search"].Order(StringComparer.Ordinal));
        Assert.Equal(ProposalFilterParser.Known.Order(StringComparer.Ordinal), Expected["/api/proposals"].Order(StringComparer.Ordinal));

        var reads = document.Paths
            .SelectMany(p => p.Value.Operations!.Where(o => o.Key == HttpMethod.Get).Select(o => (Path: p.Key, Query: (o.Value.Parameters ?? []).Where(q => q.In == ParameterLocation.Query).ToList())))
            .ToList();
        Assert.Equal(Expected.Keys.Order(StringComparer.Ordinal), reads.Select(r => r.Path).Order(StringComparer.Ordinal));
        foreach (var (path, query) in reads)
        {
            Assert.True(
                Expected[path].Order(StringComparer.Ordinal).SequenceEqual(query.Select(q => q.Name!).Order(StringComparer.Ordinal)),
                $"{path}: the document lists [{string.Join(", ", query.Select(q => q.Name))}], the handler reads [{string.Join(", ", Expected[path])}]");
            foreach (var parameter in query)
            {
                var key = $"{path} {parameter.Name}";
                var schema = parameter.Schema!;
                Assert.False(string.IsNullOrEmpty(parameter.Description), $"{key} has no description");
                Assert.True(schema.Type is JsonSchemaType.String or JsonSchemaType.Integer, $"{key} is described as {schema.Type}");
                if (FreeText.Contains(key))
                {
                    Assert.True(schema.MaxLength > 0, $"{key}: free text without a maxLength");
                }

                if (Closed.TryGetValue(key, out var values))
                {
                    Assert.Equal(values, schema.Enum?.Select(v => v!.GetValue<string>()) ?? []);
                }
            }
        }

        Assert.Contains("News", document.Paths["/api/content"].Operations![HttpMethod.Get].Parameters!.Single(p => p.Name == "type").Schema!.Enum!.Select(v => v!.GetValue<string>()));
        Assert.All(["/api/proposals/export", "/api/literature/articles", "/api/graphql", "/api/content/by-path"], path => Assert.True(
            document.Paths[path].Operations![HttpMethod.Get].Parameters!.Single(p => p.Name is "format" or "collection" or "query" or "path").Required,
            $"{path}: the parameter it cannot answer without is not marked required"));
    }
}
