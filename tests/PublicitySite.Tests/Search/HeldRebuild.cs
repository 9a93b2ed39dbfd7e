using Microsoft.Extensions.DependencyInjection;
using PublicitySite.Search;

namespace PublicitySite.Tests.Search;

/// <summary>
/// A rebuild of a running site held at its first progress report (the index already says it is building),
/// so a test can look at the site mid-build without racing a build that takes milliseconds.
/// </summary>
internal sealed class HeldRebuild : IProgress<(int Done, int Total)>, IAsyncDisposable
{
    private readonly ManualResetEventSlim release = new();
    private readonly TaskCompletionSource reported = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task<int> build = Task.FromResult(0);

    public static async Task<HeldRebuild> StartAsync(IServiceProvider services)
    {
        var index = services.GetRequiredService<SearchIndex>();
        for (var i = 0; i < 600 && !index.IsReady; i++)
        {
            await Task.Delay(50); // the site's own start-up build first
        }

        Assert.True(index.IsReady, "the site's index did not open");
        var held = new HeldRebuild();
        held.build = Task.Run(() => services.GetRequiredService<ISearchIndexRebuilder>().RebuildAsync(held, CancellationToken.None));
        await held.reported.Task.WaitAsync(TimeSpan.FromSeconds(30));
        return held;
    }

    public void Report((int Done, int Total) value)
    {
        reported.TrySetResult();
        // Blocks the build's own thread only; the site keeps serving on the others.
        release.Wait(TimeSpan.FromSeconds(60));
    }

    /// <summary>Lets the build finish and returns its document count.</summary>
    public Task<int> ReleaseAsync()
    {
        release.Set();
        return build;
    }

    public async ValueTask DisposeAsync()
    {
        release.Set();
        try
        {
            await build;
        }
        catch (OperationCanceledException)
        {
            // The site stopped first; nothing to clean.
        }

        release.Dispose();
    }
}
