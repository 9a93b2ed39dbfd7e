using GraphQL;
using GraphQL.Transport;
using GraphQL.Types;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using PublicitySite.Contents.Definitions;
using PublicitySite.Web.Api;
using PublicitySite.Web.Auth;

namespace PublicitySite.Web.GraphQL;

/// <summary>
/// <c>POST /api/graphql</c> (and GET with <c>?query=</c>) over the same published content as REST. Every request is
/// measured against the caller's <see cref="GraphQLLimits"/> before it runs, and bounded in time and answer size.
/// </summary>
internal static class GraphQLEndpoints
{
    /// <summary>A query sent in the address; its size is measured against the caller's limits like a posted one.</summary>
    internal sealed record GetQuery : Api.IQueryFilters
    {
        [Microsoft.AspNetCore.Mvc.FromQuery(Name = "query")]
        public string? Query { get; init; }

        [Microsoft.AspNetCore.Mvc.FromQuery(Name = "operationName")]
        public string? OperationName { get; init; }

        public static IReadOnlyList<Api.QueryFilter> Described { get; } =
        [
            new("query", "GraphQL 查询文本") { Required = true },
            new("operationName", "查询文本含多个操作时要执行的一个"),
        ];
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

    private static Task Get(HttpContext http, [AsParameters] GetQuery query, IGraphQLTextSerializer serializer, IDocumentExecuter executer, GraphSchemaProvider schemas) =>
        ExecuteAsync(http, new GraphQLRequest { Query = query.Query, OperationName = query.OperationName }, serializer, executer, schemas);

    private static async Task ExecuteAsync(HttpContext http, GraphQLRequest? request, IGraphQLTextSerializer serializer, IDocumentExecuter executer, GraphSchemaProvider schemas)
    {
        if (string.IsNullOrWhiteSpace(request?.Query))
        {
            await Results.Problem(title: ApiProblems.BadRequestTitle, detail: "需要 GraphQL 查询文本（query）", statusCode: StatusCodes.Status400BadRequest,
                extensions: new Dictionary<string, object?> { ["parameter"] = "query" }).ExecuteAsync(http);
            return;
        }

        var token = (await http.AuthenticateAsync(AuthSchemes.Token)).Succeeded;
        var options = http.RequestServices.GetRequiredService<IOptionsMonitor<GraphQLOptions>>().CurrentValue;
        var limits = token ? options.Token : options.Anonymous;
        var schema = schemas.Current;
        if (Refusal(http, request, schema, options, limits, token) is { } refusal)
        {
            await WriteAsync(http, serializer, Error(refusal.Message, refusal.Code), StatusCodes.Status400BadRequest);
            return;
        }

        var limit = TimeSpan.FromSeconds(limits.TimeoutSeconds);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        deadline.CancelAfter(limit);
        ExecutionResult? result = null;
        try
        {
            result = await executer.ExecuteAsync(o =>
            {
                o.Schema = schema;
                o.Query = request.Query;
                o.OperationName = request.OperationName;
                o.Variables = request.Variables;
                o.RequestServices = http.RequestServices;
                o.UserContext = new Dictionary<string, object?> { [GraphCaller.Key] = new GraphCaller(http) };
                o.CancellationToken = deadline.Token;
            });
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !http.RequestAborted.IsCancellationRequested)
        {
            // answered below
        }

        // A result finished after the deadline is refused too: resolvers that never look at the token still stop
        // here. The clock decides, not only the token, whose timer may not have fired yet on a busy machine.
        if (result is null || ((deadline.IsCancellationRequested || clock.Elapsed > limit) && !http.RequestAborted.IsCancellationRequested))
        {
            await WriteAsync(http, serializer, Error($"查询执行超过 {limits.TimeoutSeconds} 秒，已停止", "TIMEOUT"), StatusCodes.Status503ServiceUnavailable);
            return;
        }

        await WriteAsync(http, serializer, result, result.Executed ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest, limits.MaxResponseBytes);
    }

    /// <summary>The limit a request passes, checked on the text and the parsed document before anything executes.</summary>
    private static (string Message, string Code)? Refusal(HttpContext http, GraphQLRequest request, ISchema schema, GraphQLOptions options, GraphQLLimits limits, bool token)
    {
        if (request.Query!.Length > limits.MaxQueryLength)
        {
            return ($"查询文本过长（最多 {limits.MaxQueryLength} 个字符）", "QUERY_TOO_LONG");
        }

        GraphQLParser.AST.GraphQLDocument document;
        try
        {
            document = GraphQLParser.Parser.Parse(request.Query, new GraphQLParser.ParserOptions { MaxDepth = 64 });
        }
        catch (GraphQLParser.Exceptions.GraphQLMaxDepthExceededException)
        {
            return ($"查询嵌套过深（最多 {limits.MaxDepth} 层）", "QUERY_TOO_DEEP");
        }
        catch (GraphQLParser.Exceptions.GraphQLParserException)
        {
            return null; // the executer reports the syntax error with its location
        }

        var cost = GraphQueryCost.Measure(schema, document, request.OperationName, request.Variables, limits);
        if (cost.Refusal is { } message)
        {
            return (message, "QUERY_TOO_COMPLEX");
        }

        var environment = http.RequestServices.GetRequiredService<IHostEnvironment>();
        return cost.Introspects && !options.IntrospectionAllowed(token, environment)
            ? ("匿名请求不能查询接口结构（__schema、__type）：请使用 API 令牌，或参阅 /api/docs", "INTROSPECTION_DISABLED")
            : null;
    }

    private static ExecutionResult Error(string message, string code) =>
        new() { Errors = [new ExecutionError(message) { Code = code }] };

    /// <summary>Serialized into a buffer that refuses to grow past the limit, so an oversized answer is never held whole.</summary>
    private static async Task WriteAsync(HttpContext http, IGraphQLTextSerializer serializer, ExecutionResult result, int status, int maxBytes = int.MaxValue)
    {
        using var buffer = new BoundedBuffer(maxBytes);
        try
        {
            await serializer.WriteAsync(buffer, result, http.RequestAborted);
        }
        catch (BoundedBuffer.FullException)
        {
            await WriteAsync(http, serializer, Error($"查询结果超过 {maxBytes / 1024} KB 的上限：请减小 pageSize 或减少字段", "RESPONSE_TOO_LARGE"), StatusCodes.Status400BadRequest);
            return;
        }

        http.Response.ContentType = "application/graphql-response+json; charset=utf-8";
        http.Response.StatusCode = status;
        http.Response.ContentLength = buffer.Length;
        buffer.Position = 0;
        await buffer.CopyToAsync(http.Response.Body, http.RequestAborted);
    }

    private sealed class BoundedBuffer(int limit) : MemoryStream
    {
        public override void Write(byte[] buffer, int offset, int count)
        {
            Ensure(count);
            base.Write(buffer, offset, count);
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Ensure(buffer.Length);
            base.Write(buffer);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Ensure(count);
            return base.WriteAsync(buffer, offset, count, cancellationToken);
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Ensure(buffer.Length);
            return base.WriteAsync(buffer, cancellationToken);
        }

        public override void WriteByte(byte value)
        {
            Ensure(1);
            base.WriteByte(value);
        }

        private void Ensure(int count)
        {
            if (Length + count > limit)
            {
                throw new FullException();
            }
        }

        public sealed class FullException : Exception;
    }
}

/// <summary>The schema for the current recipe, rebuilt when a recipe changes the definitions.</summary>
internal sealed class GraphSchemaProvider(SiteDefinitionStore definitions)
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
