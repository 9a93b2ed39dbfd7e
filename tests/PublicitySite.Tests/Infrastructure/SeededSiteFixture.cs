namespace PublicitySite.Tests.Infrastructure;

/// <summary>
/// One seeded site shared by read-only tests of a class (importing the seed once keeps the suite fast).
/// Tests that change content start a <see cref="TestSite"/> of their own.
/// </summary>
public sealed class SeededSiteFixture : IDisposable
{
    public TestSite Site { get; } = new(seed: true);

    public HttpClient Client => Site.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public void Dispose() => Site.Dispose();
}
