namespace PublicitySite.Tests.Infrastructure;

/// <summary>The seed plus 300 generated members and 5 × 30 long articles, shared by a test class.</summary>
public sealed class GeneratedSite : IAsyncLifetime
{
    public TestSite Site { get; } = new(seed: true);

    /// <summary>A real Kestrel address, so a browser can load the pages too.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Site.UseKestrel(0);
        Site.StartServer();
        BaseAddress = Site.ClientOptions.BaseAddress;
        await SampleContent.GenerateAsync(Site.Services);
    }

    public Task DisposeAsync()
    {
        Site.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>Test classes that share one generated volume (generating it takes about a minute).</summary>
[CollectionDefinition(Name)]
public sealed class GeneratedVolume : ICollectionFixture<GeneratedSite>
{
    public const string Name = "Generated volume";
}
