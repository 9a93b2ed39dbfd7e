using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using PublicitySite.Tests.Admin;
using PublicitySite.Tests.Infrastructure;

namespace PublicitySite.Tests.Security;

/// <summary>The OWASP headers table, on every kind of response.</summary>
public sealed class SecurityHeadersTests(SeededSiteFixture fixture) : IClassFixture<SeededSiteFixture>
{
    public static TheoryData<string> Responses => new()
    {
        "/",                                        // a themed page (cached)
        "/column/dongtai",
        "/news/2025/shi-zhengxie-wujie-sanci-huiyi-kaimu",
        "/no-such-page-here",                       // 404 page
        "/api/content",                             // JSON
        "/api/content/no-such-id",                  // problem details
        "/api/docs/",                               // the library-rendered API reference
        "/openapi/v1.json",
        "/rss.xml",
        "/admin/login",
        "/healthz",
    };

    [Theory]
    [MemberData(nameof(Responses))]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        var client = fixture.Site.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        using var response = await client.GetAsync(path);
        var headers = response.Headers;

        Assert.Equal("nosniff", Single(response, "X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Single(response, "Referrer-Policy"));
        Assert.Contains("camera=()", Single(response, "Permissions-Policy"), StringComparison.Ordinal);
        Assert.Contains("geolocation=()", Single(response, "Permissions-Policy"), StringComparison.Ordinal);
        var csp = Single(response, "Content-Security-Policy");
        var script = csp.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("script-src ", StringComparison.Ordinal));
        Assert.DoesNotContain("unsafe-inline", script, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", script, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.StartsWith("max-age=", Single(response, "Strict-Transport-Security"), StringComparison.Ordinal);
        Assert.False(headers.Contains("Server"));
    }

    [Fact]
    public async Task Plain_http_gets_no_hsts()
    {
        using var response = await fixture.Client.GetAsync("/");
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Theory]
    [InlineData("/admin/login")]
    [InlineData("/admin")]
    public async Task The_admin_may_not_be_framed(string path)
    {
        using var response = await AdminSession.NewClient(fixture.Site).GetAsync(path);
        Assert.Equal("DENY", Single(response, "X-Frame-Options"));
    }

    [Fact]
    public async Task An_inline_script_of_the_admin_carries_the_nonce_the_policy_names()
    {
        using var session = await AdminSession.LoginAsync(fixture.Site, "csp-admin", "Administrator");
        using var response = await session.Client.GetAsync("/admin/search");
        var html = await response.Content.ReadAsStringAsync();

        var nonce = System.Text.RegularExpressions.Regex.Match(Single(response, "Content-Security-Policy"), "'nonce-([^']+)'").Groups[1].Value;
        Assert.NotEmpty(nonce);
        var scripts = System.Text.RegularExpressions.Regex.Matches(html, "<script(?![^>]*src=)([^>]*)>").Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(scripts);
        Assert.True(scripts.All(a => a.Contains($"nonce=\"{nonce}\"", StringComparison.Ordinal)), $"{(int)response.StatusCode} {Single(response, "Content-Security-Policy")}\n{string.Join("\n", scripts)}");
        Assert.DoesNotContain(" onsubmit=", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Antiforgery_and_tempdata_cookies_are_secure_and_strict_under_https()
    {
        using var session = await AdminSession.LoginAsync(fixture.Site, "cookie-admin", "Administrator");
        using var login = await AdminSession.NewClient(fixture.Site).GetAsync("/admin/login");
        var antiforgery = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("secure", antiforgery, StringComparison.Ordinal);
        Assert.Contains("samesite=strict", antiforgery, StringComparison.Ordinal);

        // A saved synonym list leaves its message for the next page in the TempData cookie.
        var saved = await session.PostAsync("/admin/search?handler=Synonyms", new() { ["synonymLines"] = "政协 人民政协" }, "/admin/search");
        var tempData = saved.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Mvc.CookieTempDataProvider", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("secure", tempData, StringComparison.Ordinal);
        Assert.Contains("samesite=strict", tempData, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_real_host_sends_no_server_header_and_trusts_forwarded_proto_only_from_its_proxy()
    {
        await using var trusting = await SiteServer.StartAsync(new() { ["Proxy__TrustedProxies__0"] = "127.0.0.1" });
        using var client = trusting.Client();
        using var direct = await client.GetAsync("/healthz");
        Assert.False(direct.Headers.Contains("Server"));
        Assert.False(direct.Headers.Contains("Strict-Transport-Security"));

        using var proxied = new HttpRequestMessage(HttpMethod.Get, "/healthz") { Headers = { { "X-Forwarded-Proto", "https" }, { "X-Forwarded-For", "203.0.113.9" } } };
        using var behindProxy = await client.SendAsync(proxied);
        Assert.StartsWith("max-age=", Single(behindProxy, "Strict-Transport-Security"), StringComparison.Ordinal);

        await using var untrusting = await SiteServer.StartAsync(new() { ["Proxy__TrustedNetworks__0"] = "10.0.0.0/8" });
        using var other = untrusting.Client();
        using var forged = new HttpRequestMessage(HttpMethod.Get, "/healthz") { Headers = { { "X-Forwarded-Proto", "https" } } };
        using var ignored = await other.SendAsync(forged);
        Assert.False(ignored.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task The_admin_allow_list_admits_listed_networks_only_through_the_trusted_proxy()
    {
        await using var server = await SiteServer.StartAsync(new()
        {
            ["Admin__AllowedNetworks__0"] = "10.9.0.0/16",
            ["Proxy__TrustedProxies__0"] = "127.0.0.1",
        });
        using var client = server.Client();
        using var direct = await client.GetAsync("/admin/login");
        Assert.Equal(HttpStatusCode.Forbidden, direct.StatusCode);
        Assert.Contains("禁止访问", await direct.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var write = await client.PostAsync("/api/content", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        using var read = await client.GetAsync("/api/content");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);

        using var fromOffice = new HttpRequestMessage(HttpMethod.Get, "/admin/login") { Headers = { { "X-Forwarded-For", "10.9.3.4" } } };
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(fromOffice)).StatusCode);
        using var fromElsewhere = new HttpRequestMessage(HttpMethod.Get, "/admin/login") { Headers = { { "X-Forwarded-For", "198.51.100.7" } } };
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(fromElsewhere)).StatusCode);

        // The same forged header to a host that trusts no proxy changes nothing.
        await using var lone = await SiteServer.StartAsync(new() { ["Admin__AllowedNetworks__0"] = "10.9.0.0/16" });
        using var forged = new HttpRequestMessage(HttpMethod.Get, "/admin/login") { Headers = { { "X-Forwarded-For", "10.9.3.4" } } };
        Assert.Equal(HttpStatusCode.Forbidden, (await lone.Client().SendAsync(forged)).StatusCode);
    }

    private static string Single(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? Assert.Single(values)
            : throw new Xunit.Sdk.XunitException($"{name} missing on {response.RequestMessage?.RequestUri} ({(int)response.StatusCode})");
}
