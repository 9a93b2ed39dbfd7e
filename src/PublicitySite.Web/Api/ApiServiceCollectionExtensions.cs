using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace PublicitySite.Web.Api;

internal static class ApiServiceCollectionExtensions
{
    public static IServiceCollection AddPublicityApi(this IServiceCollection services)
    {
        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.Section);
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All));
        services.AddOpenApi(o =>
        {
            // The document describes the JSON API; the themed pages are for browsers.
            o.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "PublicitySite API";
                document.Info.Description = "政协门户网站的公开内容接口（已发布内容）与写入接口（需令牌）。错误以 RFC 9457 problem details 返回。";
                return Task.CompletedTask;
            });
            o.AddDocumentTransformer(ApiResponsesOpenApi.DescribeDocument);
            o.AddOperationTransformer(ApiResponsesOpenApi.DescribeOperation);
            o.AddOperationTransformer(QueryRecordsOpenApi.Describe);
        });
        services.AddCors();
        services.AddSingleton<IConfigureOptions<Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions>, ApiSetup.CorsFromApiOptions>();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(ApiSetup.PartitionFor);
            o.OnRejected = async (context, cancellationToken) =>
            {
                var retry = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(60);
                context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await Results.Problem(title: "请求过于频繁", detail: $"请在 {(int)Math.Ceiling(retry.TotalSeconds)} 秒后重试。", statusCode: StatusCodes.Status429TooManyRequests)
                    .ExecuteAsync(context.HttpContext);
            };
        });
        return services;
    }
}
