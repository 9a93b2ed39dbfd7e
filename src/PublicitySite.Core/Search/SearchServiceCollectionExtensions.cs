using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PublicitySite.Contents;
using PublicitySite.Proposals;

namespace PublicitySite.Search;

public static class SearchServiceCollectionExtensions
{
    /// <summary>The index, its background indexer (a content change sink), the rebuilder and the search service.</summary>
    public static IServiceCollection AddSearch(this IServiceCollection services)
    {
        services.AddSingleton<DomainDictionary>();
        services.AddSingleton<SynonymStore>();
        services.AddSingleton<QueryPlanner>();
        services.AddSingleton<SearchDocumentBuilder>();
        services.AddOptions<SearchIndexOptions>();
        services.AddSingleton<SearchIndex>();
        services.AddSingleton<SearchIndexer>();
        services.AddSingleton<IContentChangeSink>(sp => sp.GetRequiredService<SearchIndexer>());
        services.AddSingleton<IProposalStatusSink>(sp => sp.GetRequiredService<SearchIndexer>());
        services.AddSingleton<IndexConsistencyCheck>();
        services.AddSingleton<SearchIndexRebuilder>();
        services.AddSingleton<ISearchIndexRebuilder>(sp => sp.GetRequiredService<SearchIndexRebuilder>());
        services.TryAddSingleton(new SearchResultCache()); // a host may register its own (the benchmark turns it off)
        services.AddSingleton<SearchService>();
        services.AddScoped<SearchAdministration>();
        return services;
    }
}
