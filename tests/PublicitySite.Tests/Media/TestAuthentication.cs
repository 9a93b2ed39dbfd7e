using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PublicitySite.Tests.Infrastructure;

namespace PublicitySite.Tests.Media;

/// <summary>
/// Signs a request in as the user and roles named in its headers. Registered only in these tests, standing in
/// for the site's real sign-in so the media endpoints' policies can be exercised over HTTP.
/// </summary>
public sealed class TestAuthHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Test";
    public const string UserHeader = "X-Test-User";
    public const string RolesHeader = "X-Test-Roles";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (Request.Headers[UserHeader].FirstOrDefault() is not { Length: > 0 } user)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var claims = new List<Claim> { new(ClaimTypes.Name, user) };
        claims.AddRange((Request.Headers[RolesHeader].FirstOrDefault() ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(r => new Claim(ClaimTypes.Role, r.Trim())));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }
}

/// <summary>A test site (no seed content) with the test sign-in, and clients for a role or for nobody.</summary>
public sealed class MediaSite : IDisposable
{
    private readonly TestSite site;

    public MediaSite(Dictionary<string, string?>? settings = null, bool signIn = true)
    {
        site = new TestSite(seed: false, settings: settings);
        Factory = signIn
            ? site.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            {
                s.AddAuthentication(TestAuthHandler.SchemeName).AddScheme<AuthenticationSchemeOptions, TestAuthHandler>(TestAuthHandler.SchemeName, null);
                // The media policies name the real schemes; in these tests the same requirements meet the test sign-in.
                s.PostConfigure<Microsoft.AspNetCore.Authorization.AuthorizationOptions>(o =>
                {
                    foreach (var name in new[] { PublicitySite.Web.Media.MediaFeature.UploadPolicy, PublicitySite.Web.Media.MediaFeature.ManagePolicy })
                    {
                        var real = o.GetPolicy(name)!;
                        o.AddPolicy(name, new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder(TestAuthHandler.SchemeName)
                            .RequireAuthenticatedUser().AddRequirements([.. real.Requirements.Where(r => r is not Microsoft.AspNetCore.Authorization.Infrastructure.DenyAnonymousAuthorizationRequirement)]).Build());
                    }
                });
            }))
            : site;
    }

    public WebApplicationFactory<Program> Factory { get; }

    public string DataDir => site.DataDir;

    public HttpClient Client(string? role = "Editor", string user = "editor1")
    {
        var client = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (role is not null)
        {
            client.DefaultRequestHeaders.Add(TestAuthHandler.UserHeader, user);
            client.DefaultRequestHeaders.Add(TestAuthHandler.RolesHeader, role);
        }

        return client;
    }

    public void Dispose()
    {
        if (!ReferenceEquals(Factory, site))
        {
            Factory.Dispose();
        }

        site.Dispose();
    }
}
