using GraphQL;
using GraphQL.Execution;
using GraphQL.Transport;
using GraphQL.Types;
using PublicitySite.Web.Literature;
using PublicitySite.Web.Members;

namespace PublicitySite.Web.Graph;

/// <summary>
/// <c>POST /api/graphql</c>: read-only GraphQL over published content. Each feature adds its fields to the
/// query type (<see cref="MemberGraph"/>, <see cref="LiteratureGraph"/>); resolvers use the same services as
/// the pages and the REST API, so they can show no more than those do.
/// </summary>
public sealed class PublicSchema : Schema
{
    public PublicSchema(IServiceProvider services)
        : base(services)
    {
        var query = new ObjectGraphType { Name = "Query", Description = "已发布的公开内容" };
        MemberGraph.AddFields(query);
        LiteratureGraph.AddFields(query);
        Query = query;
    }
}

public static class GraphEndpoints
{
    public const int MaxQueryLength = 20_000;

    public static IServiceCollection AddPublicGraph(this IServiceCollection services)
    {
        services.AddGraphQL(b => b
            .AddSchema<PublicSchema>()
            .AddSystemTextJson()
            // Resolvers share the request's DbContext, which allows one query at a time: run fields in turn.
            .AddExecutionStrategy<SerialExecutionStrategy>(GraphQLParser.AST.OperationType.Query)
            .AddGraphTypes(typeof(PublicSchema).Assembly)
            .AddComplexityAnalyzer(c => { c.MaxDepth = 10; c.MaxComplexity = 5_000; }));
        return services;
    }

    public static IEndpointRouteBuilder MapPublicGraph(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/graphql", Execute).WithTags("GraphQL").WithSummary("GraphQL 查询（只读，已发布内容）");
        return routes;
    }

    private static async Task Execute(HttpContext http, IDocumentExecuter<PublicSchema> executer, IGraphQLTextSerializer serializer, CancellationToken cancellationToken)
    {
        GraphQLRequest? request;
        try
        {
            request = await serializer.ReadAsync<GraphQLRequest>(http.Request.Body, cancellationToken);
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidOperationException or NotSupportedException)
        {
            await Problem(http, "请求体应为 JSON：{ \"query\": \"…\", \"variables\": { … } }");
            return;
        }

        if (string.IsNullOrWhiteSpace(request?.Query) || request.Query.Length > MaxQueryLength)
        {
            await Problem(http, $"缺少 query，或 query 超过 {MaxQueryLength} 个字符");
            return;
        }

        var result = await executer.ExecuteAsync(o =>
        {
            o.Query = request.Query;
            o.Variables = request.Variables;
            o.OperationName = request.OperationName;
            o.RequestServices = http.RequestServices;
            o.CancellationToken = cancellationToken;
        });
        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.StatusCode = result.Executed ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest;
        await serializer.WriteAsync(http.Response.Body, result, cancellationToken);
    }

    private static Task Problem(HttpContext http, string detail) =>
        Results.Problem(title: "请求参数有误", detail: detail, statusCode: StatusCodes.Status400BadRequest).ExecuteAsync(http);
}
