namespace PublicitySite.Tests.Infrastructure;

/// <summary>The seed plus 300 generated members and 5 × 30 long articles, shared by a test class.</summary>
public sealed class GeneratedSite : IAsyncLifetime
{
    public TestSite Site { get; } = new(seed: true);

    public async Task InitializeAsync() => await SampleContent.GenerateAsync(Site.Services);

    public Task DisposeAsync()
    {
        Site.Dispose();
        return Task.CompletedTask;
    }
}
