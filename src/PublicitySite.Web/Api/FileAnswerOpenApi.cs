using Microsoft.OpenApi;

namespace PublicitySite.Web.Api;

/// <summary>Describes the success of an operation that answers a file rather than JSON: its bytes in each content type.</summary>
internal static class FileAnswerOpenApi
{
    public static RouteHandlerBuilder ProducesFile(this RouteHandlerBuilder builder, params string[] contentTypes) =>
        builder.AddOpenApiOperationTransformer((operation, context, cancellationToken) =>
        {
            operation.Responses ??= [];
            operation.Responses[StatusCodes.Status200OK.ToString(System.Globalization.CultureInfo.InvariantCulture)] = new OpenApiResponse
            {
                Description = "文件（以附件下载）",
                Content = contentTypes.ToDictionary(type => type, _ => new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } }),
            };
            return Task.CompletedTask;
        });
}
