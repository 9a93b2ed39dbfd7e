namespace PublicitySite.Tests.Infrastructure;

/// <summary>
/// The seed plus 300 generated members and 5 × 30 long articles, shared by a test class, on a real port so
/// a browser can load the pages too.
/// </summary>
public sealed class GeneratedSite() : SiteFixture(new TestSiteOptions { RealPort = true })
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await SampleContent.GenerateAsync(Site.Services);
    }
}

/// <summary>Test classes that share one generated volume (generating it takes about a minute).</summary>
[CollectionDefinition(Name)]
public sealed class GeneratedVolume : ICollectionFixture<GeneratedSite>
{
    public const string Name = "Generated volume";
}
