using Microsoft.OpenApi;

namespace PublicitySite.Web.Api;

/// <summary>
/// Describes the JSON body of a handler that reads it by hand, so a malformed one gets a Chinese 400.
/// <c>Accepts&lt;T&gt;</c> would describe it too, but routing then answers a body of another content type with its
/// own 415 before the handler can explain.
/// </summary>
internal static class JsonBodyOpenApi
{
    public static RouteHandlerBuilder DescribeJsonBody<TBody>(this RouteHandlerBuilder builder) =>
        builder.AddOpenApiOperationTransformer(async (operation, context, cancellationToken) =>
        {
            var schema = await context.GetOrCreateSchemaAsync(typeof(TBody), cancellationToken: cancellationToken);
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = schema } },
            };
        });
}
