using GraphQL;
using GraphQL.Transport;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQL.Validation.Complexity;
using GraphQL.Validation.Rules.Custom;
using PublicitySite.Contents.Definitions;

namespace PublicitySite.Web.GraphQL;

/// <summary><c>POST /api/graphql</c> (and GET with <c>?query=</c>) over the same published content as REST.</summary>
public static class GraphQLEndpoints
{
    /// <summary>Deep or huge queries are refused before they run.</summary>
    private static readonly ComplexityOptions Limits = new() { MaxDepth = 10, MaxComplexity = 50_000 };

    public static IServiceCollection AddGraphQLApi(this IServiceCollection services)
    {
        services.AddSingleton<IDocumentExecuter, DocumentExecuter>();
        // CJK written as characters, as everywhere else in the API.
        services.AddSingleton<IGraphQLTextSerializer>(new global::GraphQL.SystemTextJson.GraphQLSerializer(
            o => o.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All)));
        services.AddSingleton<GraphSchemaProvider>();
        return services;
    }

    public static IEndpointRouteBuilder MapGraphQLApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/graphql", Post).WithTags("GraphQL").WithSummary("GraphQL 查询（已发布内容，支持字段筛选、关联与分页；带 read:drafts 令牌时可用 drafts: true 查看最新版本）").DisableAntiforgery();
        routes.MapGet("/api/graphql", Get).WithTags("GraphQL").WithSummary("GraphQL 查询（GET，?query=）");
        return routes;
    }

    private static async Task Post(HttpContext http, IGraphQLTextSerializer serializer, IDocumentExecuter executer, GraphSchemaProvider schemas)
    {
        GraphQLRequest? request;
        try
        {
            request = await serializer.ReadAsync<GraphQLRequest>(http.Request.Body, http.RequestAborted);
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or FormatException or InvalidOperationException)
        {
            request = null;
        }

        await ExecuteAsync(http, request, serializer, executer, schemas);
    }

    private static Task Get(HttpContext http, IGraphQLTextSerializer serializer, IDocumentExecuter executer, GraphSchemaProvider schemas) =>
        ExecuteAsync(http, new GraphQLRequest { Query = http.Request.Query["query"], OperationName = http.Request.Query["operationName"] }, serializer, executer, schemas);

    private static async Task ExecuteAsync(HttpContext http, GraphQLRequest? request, IGraphQLTextSerializer serializer, IDocumentExecuter executer, GraphSchemaProvider schemas)
    {
        if (string.IsNullOrWhiteSpace(request?.Query))
        {
            await Results.Problem(title: "请求参数有误", detail: "需要 GraphQL 查询文本（query）", statusCode: StatusCodes.Status400BadRequest,
                extensions: new Dictionary<string, object?> { ["parameter"] = "query" }).ExecuteAsync(http);
            return;
        }

        var result = await executer.ExecuteAsync(o =>
        {
            o.Schema = schemas.Current;
            o.Query = request.Query;
            o.OperationName = request.OperationName;
            o.Variables = request.Variables;
            o.RequestServices = http.RequestServices;
            o.UserContext = new Dictionary<string, object?> { [GraphCaller.Key] = new GraphCaller(http) };
            o.CancellationToken = http.RequestAborted;
            o.ValidationRules = DocumentValidator.CoreRules.Append(new ComplexityValidationRule(Limits));
        });
        http.Response.ContentType = "application/graphql-response+json; charset=utf-8";
        http.Response.StatusCode = result.Executed ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest;
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }
}

/// <summary>The schema for the current recipe, rebuilt when a recipe changes the definitions.</summary>
public sealed class GraphSchemaProvider(SiteDefinitionStore definitions)
{
    private (SiteDefinition Definition, ISchema Schema)? built;
    private readonly Lock gate = new();

    public ISchema Current
    {
        get
        {
            var definition = definitions.Current;
            lock (gate)
            {
                if (built is not { } b || !ReferenceEquals(b.Definition, definition))
                {
                    var schema = new ContentSchemaBuilder(definition).Build();
                    schema.Initialize();
                    built = (definition, schema);
                }

                return built.Value.Schema;
            }
        }
    }
}
