using PublicitySite.Web.Operations;

namespace PublicitySite.Tests.Operations;

/// <summary>When the idle trim gives heap back: only when quiet, only when there is something to give back, once.</summary>
public sealed class QuietWatchTests
{
    private const long Mb = 1024 * 1024;

    [Fact]
    public void A_quiet_interval_after_the_heap_grew_trims_once_and_not_again_while_nothing_changes()
    {
        var watch = new QuietWatch(allocated: 100 * Mb);

        Assert.True(watch.ShouldTrim(allocated: 100 * Mb + 1000, committed: 60 * Mb));
        watch.Trimmed(allocated: 100 * Mb + 2000, committed: 20 * Mb);

        Assert.False(watch.ShouldTrim(allocated: 100 * Mb + 3000, committed: 20 * Mb));
        Assert.False(watch.ShouldTrim(allocated: 100 * Mb + 4000, committed: 24 * Mb));
    }

    [Fact]
    public void A_busy_interval_never_trims_however_large_the_heap()
    {
        var watch = new QuietWatch(allocated: 0);

        Assert.False(watch.ShouldTrim(allocated: 50 * Mb, committed: 200 * Mb));
        Assert.False(watch.ShouldTrim(allocated: 51 * Mb, committed: 200 * Mb));
        Assert.True(watch.ShouldTrim(allocated: 51 * Mb + 100, committed: 200 * Mb));
    }

    [Fact]
    public void After_a_trim_the_heap_must_grow_again_before_the_next_one()
    {
        var watch = new QuietWatch(allocated: 0);
        Assert.True(watch.ShouldTrim(allocated: 10, committed: 40 * Mb));
        watch.Trimmed(allocated: 20, committed: 15 * Mb);

        Assert.False(watch.ShouldTrim(allocated: 30 * Mb, committed: 45 * Mb));
        Assert.True(watch.ShouldTrim(allocated: 30 * Mb + 10, committed: 45 * Mb));
    }

    [Fact]
    public void Allocation_since_the_last_trim_counts_even_when_no_collection_has_refreshed_the_committed_figure()
    {
        var watch = new QuietWatch(allocated: 0);
        watch.Trimmed(allocated: 0, committed: 12 * Mb);

        Assert.False(watch.ShouldTrim(allocated: 4 * Mb, committed: 12 * Mb));
        Assert.False(watch.ShouldTrim(allocated: 4 * Mb + 10, committed: 12 * Mb));
        Assert.False(watch.ShouldTrim(allocated: 35 * Mb, committed: 12 * Mb));
        Assert.True(watch.ShouldTrim(allocated: 35 * Mb + 10, committed: 12 * Mb));
    }
}
