namespace PublicitySite.Tests.Infrastructure;

/// <summary>
/// The one clock tests move by hand, so deadlines pass and scheduled times fall due without waiting. Either
/// it stands still at a start time, or (<see cref="Running"/>) it is the real time shifted by
/// <see cref="Offset"/>, for background jobs that must also see time go on. Timers run in real time.
/// </summary>
public sealed class TestClock : TimeProvider
{
    private readonly DateTimeOffset? start;

    public TestClock(DateTimeOffset start) => this.start = start;

    private TestClock()
    {
    }

    /// <summary>The real clock, moved on by <see cref="Offset"/>.</summary>
    public static TestClock Running() => new();

    /// <summary>How far the test has moved the clock from its start (or from the real time).</summary>
    public TimeSpan Offset { get; set; }

    public DateTimeOffset Now
    {
        get => GetUtcNow();
        set => Offset += value - GetUtcNow();
    }

    public override DateTimeOffset GetUtcNow() => (start ?? base.GetUtcNow()) + Offset;

    public void Advance(TimeSpan by) => Offset += by;
}
