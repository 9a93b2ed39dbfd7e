namespace PublicitySite.Web.GraphQL;

/// <summary>
/// Bound from the <c>GraphQL</c> section. Anonymous callers and API tokens each have their own limits
/// (<c>GraphQL__Anonymous__MaxComplexity</c>, <c>GraphQL__Token__MaxComplexity</c>, …).
/// </summary>
internal sealed class GraphQLOptions
{
    public const string Section = "GraphQL";

    /// <summary>
    /// Whether callers without a token may ask for the schema (<c>__schema</c>, <c>__type</c>). Not set: allowed
    /// everywhere except in the Production environment.
    /// </summary>
    public bool? AnonymousIntrospection { get; set; }

    public GraphQLLimits Anonymous { get; set; } = new();

    public GraphQLLimits Token { get; set; } = new()
    {
        MaxQueryLength = 100_000,
        MaxComplexity = 100_000,
        MaxFields = 2_000,
        MaxAliases = 200,
        MaxResponseBytes = 16 * 1024 * 1024,
        TimeoutSeconds = 30,
    };

    public bool IntrospectionAllowed(bool token, IHostEnvironment environment) =>
        token || (AnonymousIntrospection ?? !environment.IsProduction());
}

/// <summary>What one request may ask for. Defaults are the anonymous caller's.</summary>
internal sealed class GraphQLLimits
{
    /// <summary>Characters of query text, checked before the text is parsed.</summary>
    public int MaxQueryLength { get; set; } = 20_000;

    /// <summary>
    /// Estimated work (<see cref="GraphQueryCost"/>): each field counts 1, <c>bodyHtml</c>/<c>bodyText</c> count
    /// 10, and a paged list multiplies what it selects by its <c>pageSize</c>.
    /// </summary>
    public int MaxComplexity { get; set; } = 20_000;

    public int MaxDepth { get; set; } = 10;

    /// <summary>Fields selected, counted after fragments are expanded (every alias counts).</summary>
    public int MaxFields { get; set; } = 300;

    public int MaxAliases { get; set; } = 20;

    public int MaxResponseBytes { get; set; } = 2 * 1024 * 1024;

    public int TimeoutSeconds { get; set; } = 15;
}
