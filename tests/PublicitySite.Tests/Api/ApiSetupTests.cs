using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PublicitySite.Tests.Infrastructure;

namespace PublicitySite.Tests.Api;

public sealed class ApiSetupTests
{
    [Fact]
    public async Task Every_mapped_api_endpoint_is_in_the_openapi_document()
    {
        using var site = new TestSite(seed: false);
        var client = site.CreateClient();
        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var documented = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet();

        var mapped = site.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && raw.StartsWith("/api/", StringComparison.Ordinal) && !raw.StartsWith("/api/docs", StringComparison.Ordinal))
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IExcludeFromDescriptionMetadata>() is not { ExcludeFromDescription: true })
            .Select(e => "/" + e.RoutePattern.RawText!.Trim('/'))
            .Distinct()
            .ToList();

        Assert.NotEmpty(mapped);
        Assert.All(mapped, path => Assert.Contains(path, documented));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/docs")).StatusCode);
    }

    [Fact]
    public async Task Anonymous_clients_over_the_limit_get_429_with_retry_after()
    {
        using var site = new TestSite(seed: false, settings: new() { ["Api:AnonymousPerMinute"] = "3" });
        var client = site.CreateClient();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 4; i++)
        {
            last = await client.GetAsync("/api/content");
            statuses.Add(last.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.True(int.Parse(last!.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Cors_answers_only_the_configured_origins()
    {
        using var site = new TestSite(seed: false, settings: new() { ["Api:CorsOrigins:0"] = "https://wx.example.org" });
        var client = site.CreateClient();

        async Task<string?> AllowedFor(string origin)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/content");
            request.Headers.Add("Origin", origin);
            var response = await client.SendAsync(request);
            return response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) ? values.Single() : null;
        }

        Assert.Equal("https://wx.example.org", await AllowedFor("https://wx.example.org"));
        Assert.Null(await AllowedFor("https://evil.example.com"));
    }
}
