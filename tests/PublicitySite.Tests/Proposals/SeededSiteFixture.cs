using PublicitySite.Tests.Infrastructure;

namespace PublicitySite.Tests.Proposals;

/// <summary>One seeded site shared by read-only tests of the public column (nothing here writes).</summary>
public sealed class SeededSiteFixture : IDisposable
{
    public SeededSiteFixture()
    {
        Site = new TestSite(seed: true);
        Client = Site.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
    }

    public TestSite Site { get; }

    public HttpClient Client { get; }

    public void Dispose()
    {
        Client.Dispose();
        Site.Dispose();
    }
}
