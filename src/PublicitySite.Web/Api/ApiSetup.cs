using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;

namespace PublicitySite.Web.Api;

/// <summary>The JSON API's cross-cutting parts: OpenAPI, CORS, rate limits, JSON settings.</summary>
internal static class ApiSetup
{
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
    internal static RateLimitPartition<string> PartitionFor(HttpContext http)
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

    internal sealed class CorsFromApiOptions(IOptions<ApiOptions> api) : IConfigureOptions<Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions>
    {
        public void Configure(Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions options) =>
            options.AddDefaultPolicy(p => p.WithOrigins(api.Value.CorsOrigins)
                .WithMethods("GET", "POST", "PUT", "OPTIONS")
                .WithHeaders("Authorization", "Content-Type", "If-Match", "If-None-Match")
                .WithExposedHeaders("ETag", "Retry-After"));
    }
}
