using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using PublicitySite.Tests.Infrastructure;
using PublicitySite.Tests.Workflow;
using PublicitySite.Users;

namespace PublicitySite.Tests.Media;

/// <summary>A test site (no seed content) and clients signed in with real API tokens of a role, or of nobody.</summary>
public sealed class MediaSite(Dictionary<string, string?>? settings = null) : IDisposable
{
    private readonly TestSite site = new(seed: false, settings: settings);

    public WebApplicationFactory<Program> Factory => site;

    public string DataDir => site.DataDir;

    /// <summary>
    /// A client acting as <paramref name="user"/> with <paramref name="role"/> (made if new) through a token with
    /// <paramref name="scopes"/> (all when none); no role, no sign-in. It follows no redirects, so a request body
    /// is never buffered for a resend and the server alone decides how much of it is read.
    /// </summary>
    public async Task<HttpClient> ClientAsync(string? role = "Editor", string user = "editor1", params string[] scopes)
    {
        var client = site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (role is null)
        {
            return client;
        }

        await site.Services.UserAsync(user, role);
        await using var scope = site.Services.CreateAsyncScope();
        var account = await scope.ServiceProvider.GetRequiredService<UserService>().FindAsync(user);
        var (_, secret) = await scope.ServiceProvider.GetRequiredService<TokenService>().CreateAsync(account!, "test", 1, scopes.Length > 0 ? scopes : TokenScopes.All);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    public void Dispose() => site.Dispose();
}
