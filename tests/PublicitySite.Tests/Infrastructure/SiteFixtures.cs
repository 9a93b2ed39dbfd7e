using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using PublicitySite.Search;

namespace PublicitySite.Tests.Infrastructure;

/// <summary>
/// One site shared by the tests of a class (starting a site, and importing the seed, once keeps the suite
/// fast). Tests on a shared site add only their own users and content; tests that need a site in a
/// particular state start a <see cref="TestSite"/> of their own.
/// </summary>
public class SiteFixture(TestSiteOptions options) : IAsyncLifetime
{
    public TestSite Site { get; } = new(options);

    /// <summary>A first-time anonymous reader: keeps no cookies and follows no redirects.</summary>
    public HttpClient Client { get; private set; } = null!;

    /// <summary>The site's address on its real port (with <see cref="TestSiteOptions.RealPort"/>).</summary>
    public Uri BaseAddress => Site.ClientOptions.BaseAddress;

    public virtual async Task InitializeAsync()
    {
        Site.Start();
        Client = Site.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = BaseAddress, HandleCookies = false, AllowAutoRedirect = false });
        using var warm = await Client.GetAsync(new Uri("/healthz", UriKind.Relative));
        if (options.WaitForSearchIndex)
        {
            await Site.Services.GetRequiredService<SearchIndexer>().WaitForIdleAsync(TimeSpan.FromSeconds(60));
        }
    }

    public virtual async Task DisposeAsync()
    {
        Client.Dispose();
        await Site.DisposeAsync();
    }
}

/// <summary>An empty site (no seed) shared by a test class.</summary>
public sealed class BlankSiteFixture() : SiteFixture(TestSiteOptions.Shared(seed: false));

/// <summary>A seeded site shared by a test class.</summary>
public sealed class SeededSiteFixture() : SiteFixture(TestSiteOptions.Shared(seed: true));

/// <summary>A seeded site whose search index has taken in the seed before the first test.</summary>
public sealed class IndexedSiteFixture() : SiteFixture(TestSiteOptions.Shared(seed: true) with { WaitForSearchIndex = true });
