using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace PublicitySite.Web.Api;

/// <summary>
/// The list reads most of its query string itself (so unknown parameters can be refused by name); this writes
/// those parameters into the OpenAPI document, since they are not handler arguments. Paging and dates are
/// bound records, described by <see cref="QueryRecordsOpenApi"/>.
/// </summary>
internal static class ContentListOpenApi
{
    private static readonly (string Name, string Description, JsonSchemaType Type, int? MaxLength)[] Parameters =
    [
        ("q", "全文关键词（中文分词，须包含全部词；最长 200 字；为空则不筛选）", JsonSchemaType.String, ContentReadEndpoints.MaxQueryLength),
        ("type", "内容类型，例如 News", JsonSchemaType.String, null),
        ("column", "栏目名称或网址键，例如 工作动态 或 dongtai", JsonSchemaType.String, null),
        ("tag", "标签", JsonSchemaType.String, null),
        ("sort", "newest（默认）、oldest、title、modified", JsonSchemaType.String, null),
    ];

    public static Task DescribeParameters(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken) =>
        Describe(operation, except: null);

    /// <summary>The typed lists (<c>/api/news</c>) take the same parameters except the type they fix.</summary>
    public static Task DescribeTypedParameters(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken) =>
        Describe(operation, except: "type");

    private static Task Describe(OpenApiOperation operation, string? except)
    {
        operation.Parameters ??= [];
        foreach (var (name, description, type, maxLength) in Parameters.Where(p => p.Name != except))
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = name,
                In = ParameterLocation.Query,
                Description = description,
                Schema = new OpenApiSchema { Type = type, MaxLength = maxLength },
            });
        }

        return Task.CompletedTask;
    }
}
