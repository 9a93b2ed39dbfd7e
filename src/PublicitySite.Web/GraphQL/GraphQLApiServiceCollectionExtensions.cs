using GraphQL;

namespace PublicitySite.Web.GraphQL;

internal static class GraphQLApiServiceCollectionExtensions
{
    public static IServiceCollection AddGraphQLApi(this IServiceCollection services)
    {
        services.AddSingleton<IDocumentExecuter, DocumentExecuter>();
        // CJK written as characters, as everywhere else in the API.
        // Made on the first GraphQL request, so a site nobody queries never loads the GraphQL assemblies.
        services.AddSingleton<IGraphQLTextSerializer>(_ => new global::GraphQL.SystemTextJson.GraphQLSerializer(
            o => o.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All)));
        services.AddSingleton<GraphSchemaProvider>();
        services.AddOptions<GraphQLOptions>().BindConfiguration(GraphQLOptions.Section);
        return services;
    }
}
