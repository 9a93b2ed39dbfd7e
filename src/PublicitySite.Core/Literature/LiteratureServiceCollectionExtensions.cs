using Microsoft.Extensions.DependencyInjection;
using PublicitySite.Contents;

namespace PublicitySite.Literature;

internal static class LiteratureServiceCollectionExtensions
{
    /// <summary>文史资料: the article index (kept by a change sink), catalogue reads and the collection importer.</summary>
    public static IServiceCollection AddLiterature(this IServiceCollection services)
    {
        services.AddScoped<LiteratureIndexer>();
        services.AddScoped<IContentChangeSink>(sp => sp.GetRequiredService<LiteratureIndexer>());
        services.AddScoped<LiteratureCatalog>();
        services.AddScoped<CollectionImporter>();
        services.AddMemoryCache();
        services.AddSingleton<ArticleRenderCache>();
        return services;
    }
}
