using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;

namespace PublicitySite.Web.Api;

/// <summary>The JSON API's cross-cutting parts: OpenAPI, CORS, rate limits, JSON settings.</summary>
public static class ApiSetup
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
        });
        services.AddCors();
        services.AddSingleton<IConfigureOptions<Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions>, CorsFromApiOptions>();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(PartitionFor);
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

    public static WebApplication UsePublicityApi(this WebApplication app)
    {
        app.UseCors();
        app.UseRateLimiter();
        app.Use(LimitBodyAsync);
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapScalarApiReference("/api/docs", o =>
        {
            o.Title = "PublicitySite API 参考";
            o.OpenApiRoutePattern = "/openapi/{documentName}.json";
            o.DefaultFonts = false; // its fonts come from the library's own servers; the page keeps to this site
        });
        return app;
    }

    /// <summary>
    /// Caps what an API request may send: a declared length over the cap is refused before anything is read,
    /// and the server stops reading an undeclared (chunked) body at the cap. /api/media sets its own, larger cap.
    /// </summary>
    private static async Task LimitBodyAsync(HttpContext http, RequestDelegate next)
    {
        if (http.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
            && !http.Request.Path.StartsWithSegments("/api/media", StringComparison.OrdinalIgnoreCase))
        {
            var max = http.RequestServices.GetRequiredService<IOptionsMonitor<ApiOptions>>().CurrentValue.MaxBodyBytes;
            if (http.Request.ContentLength > max)
            {
                await ApiProblems.TooLarge(max).ExecuteAsync(http);
                return;
            }

            if (http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            {
                feature.MaxRequestBodySize = max;
            }
        }

        await next(http);
    }

    /// <summary>
    /// Only /api is limited: per token when one is presented (hashed, so the secret never becomes a key in
    /// memory), otherwise per client address.
    /// </summary>
    private static RateLimitPartition<string> PartitionFor(HttpContext http)
    {
        if (!http.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            return RateLimitPartition.GetNoLimiter("site");
        }

        var options = http.RequestServices.GetRequiredService<IOptionsMonitor<ApiOptions>>().CurrentValue;
        var shared = http.RequestServices.GetService<Cluster.ISharedRateCounter>();
        var authorization = http.Request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            var key = "token:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(authorization)))[..16];
            return Limit(shared, key, options.TokenPerMinute);
        }

        var address = "ip:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        return Limit(shared, address, options.AnonymousPerMinute);
    }

    /// <summary>In a cluster the window is counted in Redis, so every node sees the same count for a client.</summary>
    private static RateLimitPartition<string> Limit(Cluster.ISharedRateCounter? shared, string key, int perMinute) => shared is null
        ? RateLimitPartition.GetFixedWindowLimiter(key, _ => Window(perMinute))
        : RateLimitPartition.Get(key, k => new Cluster.SharedWindowLimiter(shared, "api:" + k, Math.Max(1, perMinute), TimeSpan.FromMinutes(1)));

    private static FixedWindowRateLimiterOptions Window(int permits) => new()
    {
        PermitLimit = Math.Max(1, permits),
        Window = TimeSpan.FromMinutes(1),
        QueueLimit = 0,
    };

    private sealed class CorsFromApiOptions(IOptions<ApiOptions> api) : IConfigureOptions<Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions>
    {
        public void Configure(Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions options) =>
            options.AddDefaultPolicy(p => p.WithOrigins(api.Value.CorsOrigins)
                .WithMethods("GET", "POST", "PUT", "OPTIONS")
                .WithHeaders("Authorization", "Content-Type", "If-Match", "If-None-Match")
                .WithExposedHeaders("ETag", "Retry-After"));
    }
}
