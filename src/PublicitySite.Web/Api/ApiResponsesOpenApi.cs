using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace PublicitySite.Web.Api;

/// <summary>
/// Writes into the OpenAPI document what every operation can answer besides its success: the error statuses
/// the API's shared parts produce (problem details), and the bearer token where an operation needs one. A test
/// sends generated requests to every operation and fails on any status the document does not list.
/// </summary>
internal static class ApiResponsesOpenApi
{
    public const string BearerScheme = "bearer";

    public static Task DescribeDocument(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "管理后台“API 令牌”页签发的令牌：Authorization: Bearer <令牌>。令牌的权限范围与其用户的角色共同决定可做的事。",
        };
        return Task.CompletedTask;
    }

    public static Task DescribeOperation(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var method = context.Description.HttpMethod ?? "GET";
        var write = method is "POST" or "PUT" or "DELETE" or "PATCH";
        var guarded = context.Description.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>().Any();
        operation.Responses ??= [];

        Add(operation, "400", "请求有误：参数、格式或内容不合要求（detail 说明原因）");
        Add(operation, "404", "不存在，或对当前身份不可见");
        Add(operation, "429", "请求过于频繁（见 Retry-After）");
        if (method == "GET")
        {
            Add(operation, "304", "未修改（If-None-Match 与 ETag 相同）", problem: false);
            Add(operation, "503", "暂不可用（例如搜索索引正在建立，见 Retry-After）");
        }

        if (write)
        {
            Add(operation, "201", "已创建", problem: false);
            Add(operation, "202", "已受理，在后台进行", problem: false);
            Add(operation, "204", "已完成，无内容", problem: false);
            Add(operation, "409", "与当前状态冲突（例如正在被引用，或流程不允许）");
            Add(operation, "412", "版本已变（If-Match 与当前版本不符）");
            Add(operation, "413", ApiProblems.TooLargeTitle);
            Add(operation, "415", "不支持的文件或内容类型");
            Add(operation, "428", "需要 If-Match：先读取当前版本再修改");
        }

        if (guarded || write)
        {
            Add(operation, "401", "未登录或令牌无效");
            Add(operation, "403", "当前角色或令牌范围无权执行");
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] });
        }

        return Task.CompletedTask;
    }

    private static void Add(OpenApiOperation operation, string status, string description, bool problem = true)
    {
        if (operation.Responses!.ContainsKey(status))
        {
            return;
        }

        operation.Responses[status] = new OpenApiResponse
        {
            Description = description,
            Content = problem
                ? new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() { Schema = ProblemSchema() } }
                : null,
        };
    }

    /// <summary>RFC 9457 problem details as the API writes them (title and detail in Chinese).</summary>
    private static OpenApiSchema ProblemSchema() => new()
    {
        Type = JsonSchemaType.Object,
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String },
        },
    };
}
