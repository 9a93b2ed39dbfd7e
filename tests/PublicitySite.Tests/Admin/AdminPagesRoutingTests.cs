using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PublicitySite.Tests.Infrastructure;

namespace PublicitySite.Tests.Admin;

/// <summary>The admin pages are routed by a pipeline built on the first request under /admin, not at start.</summary>
public sealed class AdminPagesRoutingTests
{
    [Fact]
    public async Task The_pages_are_built_on_the_first_admin_request_and_then_answer_as_before()
    {
        await using var site = new TestSite(seed: false);
        using var client = site.CreateClient(new() { AllowAutoRedirect = false });
        using (var home = await client.GetAsync(new Uri("/", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        }

        Assert.DoesNotContain("admin/login", Routes(site));

        using var login = await client.GetAsync(new Uri("/admin/login", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Contains("__RequestVerificationToken", await login.Content.ReadAsStringAsync());
        Assert.Contains("admin/login", Routes(site));

        using var content = await client.GetAsync(new Uri("/admin/content", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, content.StatusCode);
        Assert.StartsWith("/admin/login", content.Headers.Location!.OriginalString.Replace("http://localhost", "", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/admin/no-such-page")]
    [InlineData("/admin/content/view/x/not-a-number")]
    public async Task An_address_under_admin_with_no_page_gets_the_site_not_found_page(string path)
    {
        await using var site = new TestSite(seed: false);
        using var client = site.CreateClient();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("页面不存在", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_other_admin_routes_keep_their_own_endpoints()
    {
        await using var site = new TestSite(seed: false);
        using var client = site.CreateClient(new() { AllowAutoRedirect = false });
        using var asset = await client.GetAsync(new Uri("/admin/editor/assets/rich-editor.js", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
        using var denied = await client.GetAsync(new Uri("/admin/denied", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.DoesNotContain("admin/login", Routes(site));
    }

    private static List<string> Routes(TestSite site) =>
        [.. site.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().Select(e => e.RoutePattern.RawText?.Trim('/') ?? "")];
}
